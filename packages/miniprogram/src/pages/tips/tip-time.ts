/** A tip's validity as people read it, in Asia/Shanghai (UTC+8 all year: no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function shanghaiTime(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export function validityText(tip: { readonly validUntil: string }): string {
  return `有效期至 ${shanghaiTime(tip.validUntil)}`;
}
