import { describe, expect, it } from 'vitest';
import { check, codes, tableware } from './__tests__/fixtures.js';

const HEAT = [
  { method: 'heat_boiling', tempC: 100, seconds: 600 },
  { method: 'heat_steam', tempC: 100, seconds: 600 },
  { method: 'infrared_cabinet', tempC: 120, seconds: 600 },
  { method: 'dishwasher', tempC: 85, seconds: 40 },
] as const;

describe('tableware disinfection', () => {
  describe.each(HEAT)('$method: ≥ $tempC ℃ for ≥ $seconds s', ({ method, tempC, seconds }) => {
    const at = { ...tableware, method, temperatureC: tempC, durationSeconds: seconds };

    it('keeps the record exactly at the limits', () => {
      expect(check(at)).toMatchObject({ ok: true, issues: [] });
    });

    it('refuses a temperature just below', () => {
      for (const low of [tempC - 1, tempC - 0.1]) {
        const result = check({ ...at, temperatureC: low });
        expect(result.ok).toBe(false);
        expect(result.issues).toEqual([
          expect.objectContaining({ code: 'LEDGER_DISINFECTION_TEMP_LOW', path: 'temperatureC', severity: 'error' }),
        ]);
      }
    });

    it('refuses a time just short', () => {
      expect(codes(check({ ...at, durationSeconds: seconds - 1 }))).toEqual(['LEDGER_DISINFECTION_TIME_SHORT']);
    });

    it('needs the temperature recorded', () => {
      const { temperatureC: _, ...noTemp } = at;
      expect(check(noTemp).issues).toEqual([
        expect.objectContaining({ code: 'LEDGER_DISINFECTION_PARAM_MISSING', path: 'temperatureC' }),
      ]);
    });
  });

  it('says 99 ℃ steam and 9 min 59 s in words', () => {
    const result = check({ ...tableware, temperatureC: 99, durationSeconds: 599 });
    expect(result.issues.map((i) => i.message.zh)).toEqual([
      '蒸汽消毒温度 99 ℃，低于 100 ℃',
      '蒸汽消毒时间 9 分 59 秒，不足 10 分钟',
    ]);
    expect(result.issues[1]?.message.en).toBe('Steam lasted 9 min 59 s, less than 10 min');
  });

  describe('chlorine soak: ≥ 250 mg/L for ≥ 5 min, then rinse', () => {
    const soak = {
      ...tableware,
      method: 'chlorine_soak',
      temperatureC: undefined,
      chlorineMgPerL: 250,
      durationSeconds: 300,
      rinsed: true,
    };

    it('keeps the record at the limits', () => {
      expect(check(soak)).toMatchObject({ ok: true, issues: [] });
    });

    it('refuses 249 mg/L and 299 s', () => {
      expect(codes(check({ ...soak, chlorineMgPerL: 249 }))).toEqual(['LEDGER_CHLORINE_LOW']);
      expect(codes(check({ ...soak, durationSeconds: 299 }))).toEqual(['LEDGER_DISINFECTION_TIME_SHORT']);
    });

    it('refuses a soak that was not rinsed, or whose rinse is not recorded', () => {
      expect(codes(check({ ...soak, rinsed: false }))).toEqual(['LEDGER_CHLORINE_NOT_RINSED']);
      expect(codes(check({ ...soak, rinsed: undefined }))).toEqual(['LEDGER_CHLORINE_NOT_RINSED']);
    });

    it('needs the chlorine concentration recorded', () => {
      expect(check({ ...soak, chlorineMgPerL: undefined }).issues).toEqual([
        expect.objectContaining({ code: 'LEDGER_DISINFECTION_PARAM_MISSING', path: 'chlorineMgPerL' }),
      ]);
    });
  });

  it('refuses an empty item list and a count of zero', () => {
    const result = check({ ...tableware, items: [], count: 0 });
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ['FIELD_REQUIRED', 'items'],
      ['FIELD_TOO_SMALL', 'count'],
    ]);
  });
});
