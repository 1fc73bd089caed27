/**
 * Images the API serves only to a signed-in caller (an alert's snapshot, a ledger photo): an `<Image src>` cannot
 * send the token, so the bytes come through the SDK client and are shown as a `data:` URL (the weapp's `<image>`
 * and the H5 page both take one; the server's CSP allows `data:` images). Kept per key while the app runs.
 */
import { useEffect, useState } from 'react';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of bytes without `btoa` (the weapp's JS runtime has none). */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${ALPHABET[n >> 18]}${ALPHABET[(n >> 12) & 63]}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${ALPHABET[n >> 18]}${ALPHABET[(n >> 12) & 63]}${ALPHABET[(n >> 6) & 63]}=`;
  }
  return out;
}

/** A `data:` URL of fetched image bytes. */
export function imageDataUrl(bytes: ArrayBuffer | Uint8Array, contentType: string): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return `data:${contentType};base64,${bytesToBase64(view)}`;
}

const cache = new Map<string, string>();

/** Forgets the images kept (tests start afresh; a logout would too). */
export function clearFetchedImages(): void {
  cache.clear();
}

export type FetchedImage =
  | { readonly s: 'loading' }
  | { readonly s: 'shown'; readonly src: string }
  | { readonly s: 'failed' };

/** Loads an image once per `key` (null: nothing to load); answers its `data:` URL once there. */
export function useFetchedImage(
  key: string | null,
  contentType: string,
  load: () => Promise<ArrayBuffer>,
): FetchedImage {
  const [state, setState] = useState<FetchedImage>(() => {
    const src = key ? cache.get(key) : undefined;
    return src ? { s: 'shown', src } : { s: 'loading' };
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names what is loaded.
  useEffect(() => {
    if (!key) return;
    const known = cache.get(key);
    if (known) {
      setState({ s: 'shown', src: known });
      return;
    }
    let live = true;
    load().then(
      (bytes) => {
        const src = imageDataUrl(bytes, contentType);
        cache.set(key, src);
        if (live) setState({ s: 'shown', src });
      },
      () => live && setState({ s: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}
