/** What a regulator reads: times on the venues' clock (Asia/Shanghai), shares as percentages, errors in Chinese. */
import { BrightKitchenError, type EscalationLevel, formatLocalTime, VIOLATION_LABELS } from '@brightkitchen/sdk';

export const ZONE = 'Asia/Shanghai';

export const time = (instant: string) => formatLocalTime(instant, { style: 'dateTime', timeZone: ZONE });
export const pct = (share: number | null | undefined) => (share == null ? '—' : `${(share * 100).toFixed(1)}%`);
export const num = (value: number | null | undefined, digits = 0) => (value == null ? '—' : value.toFixed(digits));

export function errorText(error: unknown): string {
  if (error instanceof BrightKitchenError) return error.text.zh;
  return error instanceof Error ? error.message : String(error);
}

/** An alert type as a person reads it: an AI violation's name, else the code. */
export const alertTypeText = (type: string) => VIOLATION_LABELS[type as keyof typeof VIOLATION_LABELS]?.zh ?? type;

export const LEVEL_TEXT: Readonly<Record<EscalationLevel, string>> = {
  manager: '单位管理员',
  venue_head: '单位负责人',
  regulator: '监管人员',
};
