/** JSON columns are text on both databases; they are read back with `readJson` (stored-json.ts). */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}
