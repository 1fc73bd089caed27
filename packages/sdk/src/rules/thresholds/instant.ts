/** An instant as the rules accept it: epoch milliseconds or an ISO 8601 string with offset. */
export type Instant = number | string;

/** Epoch milliseconds of an instant; `NaN` when it cannot be read. */
export function toEpochMs(instant: Instant): number {
  return typeof instant === 'number' ? instant : Date.parse(instant);
}
