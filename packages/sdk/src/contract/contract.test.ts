import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { scheduleIssue } from '../adapters/command.js';
import { NATIONAL_PROFILE, resolveProfile } from '../rules/profile.js';
import { RuleProfileSchema } from './rule-profile.js';
import { DeviceScheduleInputSchema, SCHEDULE_LIMITS, type ScheduledRun } from './schedule.js';

describe('the rule profile on the wire', () => {
  it('carries every number of the rules’ profiles, nothing dropped', () => {
    const school = resolveProfile({
      venueKind: 'school_canteen',
      regionOverrides: { ledger: { sample: { minGrams: 200 } } },
    });
    for (const profile of [NATIONAL_PROFILE, school]) expect(v.parse(RuleProfileSchema, profile)).toEqual(profile);
  });
});

describe('the disinfection schedule', () => {
  const run = (patch: Partial<Record<keyof ScheduledRun, unknown>>) => ({ time: '22:30', durationMin: 30, ...patch });
  const cases = [
    run({}),
    run({ durationMin: SCHEDULE_LIMITS.minDurationMin }),
    run({ durationMin: SCHEDULE_LIMITS.maxDurationMin }),
    run({ durationMin: SCHEDULE_LIMITS.maxDurationMin + 1 }),
    run({ durationMin: 0 }),
    run({ durationMin: 30.5 }),
    run({ time: '24:00' }),
    run({ time: '7:30' }),
    run({ days: [1, 7] }),
    run({ days: [0] }),
    run({ days: [8] }),
  ];

  it('is refused alike by the route’s schema and by the device adapters’ check', () => {
    for (const r of cases) {
      const bySchema = v.safeParse(DeviceScheduleInputSchema, { runs: [r] }).success;
      const byAdapters = scheduleIssue([r as ScheduledRun]) === undefined;
      expect({ run: r, ok: bySchema }).toEqual({ run: r, ok: byAdapters });
    }
  });

  it('keeps at most SCHEDULE_LIMITS.maxRuns runs', () => {
    const runs = (n: number) => ({ runs: Array.from({ length: n }, () => run({})) });
    expect(v.safeParse(DeviceScheduleInputSchema, runs(SCHEDULE_LIMITS.maxRuns)).success).toBe(true);
    expect(v.safeParse(DeviceScheduleInputSchema, runs(SCHEDULE_LIMITS.maxRuns + 1)).success).toBe(false);
  });
});
