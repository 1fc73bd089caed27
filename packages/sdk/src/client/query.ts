/** Query values the API takes; `undefined` entries are left out. */
export type QueryValue = string | number | boolean | undefined | null;
export type Query = Readonly<Record<string, QueryValue>>;

/** `?a=1&b=x` from an object, keys in the given order, empty when nothing is set. */
export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** A path segment from an id, escaped. */
export function seg(id: string): string {
  return encodeURIComponent(id);
}
