/** Shelly NotifyStatus carries only what changed: merged onto the last full status, key by key. */
import { isRecord, type JsonRecord } from '../../shared/coerce.js';

/** The last full status per device (`src`), carried between messages as converter state. */
export type ShellyState = Readonly<Record<string, JsonRecord>>;

export function mergeStatus(base: JsonRecord, change: JsonRecord): JsonRecord {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(change)) {
    const previous = out[key];
    out[key] = isRecord(previous) && isRecord(value) ? mergeStatus(previous, value) : value;
  }
  return out;
}
