/** Reading loosely typed vendor values (JSON numbers or XML strings) without trusting them. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `undefined` → [], an array as is, anything else → [value] (XML turns a single repeat into one object). */
export function asArray(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A field by name, case-insensitively when the exact key is absent. */
export function field(record: unknown, name: string): unknown {
  if (!isRecord(record)) return undefined;
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  for (const key of Object.keys(record)) if (key.toLowerCase() === lower) return record[key];
  return undefined;
}

/** A non-empty trimmed string from a string or finite number. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A finite number from a number or a numeric string. */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || !/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

const TRUE = new Set(['true', '1', 'yes', 'on', 'online']);
const FALSE = new Set(['false', '0', 'no', 'off', 'offline']);

/** A boolean from the many spellings devices use (`true`, `"1"`, `"ON"`, `"yes"`…). */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return TRUE.has(v) ? true : FALSE.has(v) ? false : undefined;
}

/** A confidence in 0–1 from 0–1 or a percentage. */
export function ratio(value: unknown): number | undefined {
  const n = num(value);
  if (n === undefined || n < 0) return undefined;
  if (n <= 1) return n;
  return n <= 100 ? Math.round(n * 100) / 10000 : undefined;
}
