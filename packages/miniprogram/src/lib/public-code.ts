/**
 * The venue's public code from whatever opened the app: a scanned QR text (a URL with `code=` or ending in the code,
 * or the bare code), or the page query (`code`, or WeChat's `q` / `scene` for QR launches).
 */
const CODE = /^[A-Za-z0-9_-]{8,12}$/;

export function publicCodeFrom(text: string | undefined | null): string | null {
  if (!text) return null;
  const value = safeDecode(text.trim());
  if (CODE.test(value)) return value;
  const param = /[?&#](?:code|c)=([A-Za-z0-9_-]{8,12})(?:[&#]|$)/.exec(value);
  if (param?.[1]) return param[1];
  const tail = /\/([A-Za-z0-9_-]{8,12})\/?$/.exec(value);
  return tail?.[1] ?? null;
}

/** The code from a page's query: `code`, then the QR `q` (an encoded URL), then the mini-program code `scene`. */
export function publicCodeFromQuery(query: Readonly<Record<string, string | undefined>>): string | null {
  return publicCodeFrom(query.code) ?? publicCodeFrom(query.q) ?? publicCodeFrom(query.scene);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
