import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DutyInputSchema } from '../duty.js';
import { TipInputSchema, tipState } from '../tip.js';

const at = (iso: string) => Date.parse(iso);

describe('tipState', () => {
  const tip = { validFrom: '2026-12-05T00:00:00Z', validUntil: '2026-12-06T00:00:00Z' };
  it('reads scheduled, in force and expired off the clock, the end excluded', () => {
    expect(tipState(tip, at('2026-12-04T23:59:59Z'))).toBe('scheduled');
    expect(tipState(tip, at('2026-12-05T00:00:00Z'))).toBe('in_force');
    expect(tipState(tip, at('2026-12-05T23:59:59Z'))).toBe('in_force');
    expect(tipState(tip, at('2026-12-06T00:00:00Z'))).toBe('expired');
  });
  it('says withdrawn whatever the clock', () => {
    expect(tipState({ ...tip, withdrawnAt: '2026-12-05T01:00:00Z' }, at('2026-12-05T12:00:00Z'))).toBe('withdrawn');
  });
});

describe('tip and duty input', () => {
  it('refuses an unknown kind of tip and an unknown venue kind', () => {
    const base = {
      regionId: 'r',
      title: 't',
      body: 'b',
      validFrom: '2026-12-05T00:00:00Z',
      validUntil: '2026-12-06T00:00:00Z',
    };
    expect(v.safeParse(TipInputSchema, { ...base, kind: 'consumer_alert' }).success).toBe(true);
    expect(v.safeParse(TipInputSchema, { ...base, kind: 'rumour' }).success).toBe(false);
    expect(v.safeParse(TipInputSchema, { ...base, kind: 'tip', link: 'javascript:alert(1)' }).success).toBe(false);
    const duty = { regionId: 'r', category: 'legal_duty', title: 't', body: 'b' };
    expect(v.safeParse(DutyInputSchema, { ...duty, kinds: ['school_canteen'] }).success).toBe(true);
    expect(v.safeParse(DutyInputSchema, { ...duty, kinds: ['food_truck'] }).success).toBe(false);
    expect(v.safeParse(DutyInputSchema, { ...duty, kinds: [] }).success).toBe(false);
  });
});
