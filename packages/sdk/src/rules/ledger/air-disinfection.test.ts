import { describe, expect, it } from 'vitest';
import { air, check, codes } from './__tests__/fixtures.js';
import { ledgerAlerts } from './validate.js';

describe('special-room air disinfection', () => {
  it('keeps 30 min of UV in an empty room', () => {
    expect(check(air)).toMatchObject({ ok: true, issues: [] });
  });

  it('refuses UV of 29 min 59 s', () => {
    const result = check({ ...air, end: '2024-06-15T10:29:59+08:00' });
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'LEDGER_AIR_UV_TOO_SHORT', path: 'end' })]);
    expect(result.issues[0]?.message.zh).toBe('紫外线消毒 29.9 分钟，不足 30 分钟');
  });

  it('sets no duration for ozone', () => {
    expect(codes(check({ ...air, method: 'ozone', end: '2024-06-15T10:10:00+08:00' }))).toEqual([]);
  });

  it('refuses an end before the start', () => {
    expect(codes(check({ ...air, end: '2024-06-15T09:59:00+08:00' }))).toEqual(['LEDGER_TIME_ORDER']);
  });

  it('refuses disinfection without confirming the room empty', () => {
    expect(codes(check({ ...air, roomEmptyConfirmed: false }))).toEqual(['LEDGER_AIR_ROOM_NOT_EMPTY']);
  });

  it('keeps a room above 25 ℃ but warns and alerts', () => {
    expect(codes(check({ ...air, roomTempC: 25 }))).toEqual([]);
    const warm = check({ ...air, roomTempC: 25.1 });
    expect(warm.ok).toBe(true);
    expect(warm.issues).toEqual([expect.objectContaining({ code: 'LEDGER_AIR_ROOM_TOO_WARM', severity: 'warning' })]);
    expect(ledgerAlerts(warm)).toHaveLength(1);
  });

  it('needs an operator or a device', () => {
    const { operator: _, ...noOperator } = air;
    expect(codes(check({ ...noOperator, deviceId: 'uv-lamp-3' }))).toEqual([]);
    expect(check(noOperator).issues).toEqual([expect.objectContaining({ code: 'FIELD_REQUIRED', path: 'operator' })]);
  });
});
