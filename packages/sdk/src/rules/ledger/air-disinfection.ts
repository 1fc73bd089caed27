/**
 * Special-room air disinfection 专间空气消毒 (2018 规范): UV ≥ 30 min with nobody inside; room ≤ 25 ℃.
 * A warm room is a warning that opens an alert, not a refusal: the disinfection did happen and its record
 * must be kept; the room temperature needs its own corrective action.
 */
import type { AirDisinfectionRecord } from '../../domain/ledger.js';
import {
  futureInstant,
  instantMs,
  type LedgerIssue,
  type LedgerRuleContext,
  ledgerFieldIssue,
  ledgerIssue,
} from './context.js';

export function checkAirDisinfection(record: AirDisinfectionRecord, ctx: LedgerRuleContext): LedgerIssue[] {
  const issues = [...futureInstant(ctx, record.start, 'start'), ...futureInstant(ctx, record.end, 'end')];
  const { uvMinMinutes, roomMaxC } = ctx.profile.ledger.airDisinfection;
  if (record.operator === undefined && record.deviceId === undefined) {
    issues.push(
      ledgerFieldIssue('FIELD_REQUIRED', 'operator', { operator: { zh: '操作人或设备', en: 'operator or device' } }),
    );
  }
  const minutes = (instantMs(record.end) - instantMs(record.start)) / 60_000;
  if (minutes < 0) {
    issues.push(ledgerIssue('LEDGER_TIME_ORDER', 'end'));
  } else if (record.method === 'uv' && minutes < uvMinMinutes) {
    issues.push(
      ledgerIssue('LEDGER_AIR_UV_TOO_SHORT', 'end', { actual: Math.floor(minutes * 10) / 10, limit: uvMinMinutes }),
    );
  }
  if (!record.roomEmptyConfirmed) issues.push(ledgerIssue('LEDGER_AIR_ROOM_NOT_EMPTY', 'roomEmptyConfirmed'));
  if (record.roomTempC !== undefined && record.roomTempC > roomMaxC) {
    issues.push(ledgerIssue('LEDGER_AIR_ROOM_TOO_WARM', 'roomTempC', { actual: record.roomTempC, limit: roomMaxC }));
  }
  return issues;
}
