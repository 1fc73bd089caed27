/** What a regulator reads: times on the venues' clock (Asia/Shanghai), shares as percentages, errors in Chinese. */
import { BrightKitchenError, formatLocalTime } from '@brightkitchen/sdk';

export const ZONE = 'Asia/Shanghai';

export const time = (instant: string) => formatLocalTime(instant, { style: 'dateTime', timeZone: ZONE });
export const pct = (share: number | null | undefined) => (share == null ? '—' : `${(share * 100).toFixed(1)}%`);
export const num = (value: number | null | undefined, digits = 0) => (value == null ? '—' : value.toFixed(digits));

export function errorText(error: unknown): string {
  if (error instanceof BrightKitchenError) return error.text.zh;
  return error instanceof Error ? error.message : String(error);
}
