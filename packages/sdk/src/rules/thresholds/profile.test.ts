import { describe, expect, it } from 'vitest';
import { resolveProfile } from '../profile.js';
import { nextThresholdCheckAt } from './next-check.js';
import { DEFAULT_SENSOR_THRESHOLDS, FREEZER_STRICT_MAX_C, sensorThresholdsFromProfile } from './profile.js';
import { initialThresholdState } from './state.js';
import { stepThreshold } from './step.js';

describe('sensor threshold profile', () => {
  it('holds the national limits', () => {
    expect(DEFAULT_SENSOR_THRESHOLDS.fridge).toMatchObject({ min: 0, max: 8, delayMs: 600_000 });
    expect(DEFAULT_SENSOR_THRESHOLDS.freezer).toMatchObject({ max: -12 });
    expect(DEFAULT_SENSOR_THRESHOLDS.freezer?.min).toBeUndefined();
    expect(DEFAULT_SENSOR_THRESHOLDS.special_room).toMatchObject({ max: 25 });
    expect(DEFAULT_SENSOR_THRESHOLDS.hot_holding).toMatchObject({ min: 60 });
    expect(DEFAULT_SENSOR_THRESHOLDS.sample_fridge).toMatchObject({ min: 0, max: 8 });
    expect(DEFAULT_SENSOR_THRESHOLDS.camera).toBeUndefined();
  });

  it('follows a region that overrides the rule profile (−18 ℃ freezers, 5 min delay)', () => {
    const profile = resolveProfile({
      regionOverrides: { sensors: { ranges: { freezer: { maxC: FREEZER_STRICT_MAX_C } }, raiseDelayMinutes: 5 } },
    });
    const thresholds = sensorThresholdsFromProfile(profile);
    expect(thresholds.freezer).toMatchObject({ max: -18, delayMs: 300_000 });
  });
});

describe('nextThresholdCheckAt', () => {
  it('asks for a tick when a pending condition reaches its delay, else at the silence timeout', () => {
    const idle = stepThreshold(
      initialThresholdState('fridge'),
      { time: 0, value: 4, metric: 'temperature' },
      DEFAULT_SENSOR_THRESHOLDS,
    ).state;
    expect(nextThresholdCheckAt(idle, DEFAULT_SENSOR_THRESHOLDS)).toBe(30 * 60_000);
    const pending = stepThreshold(
      idle,
      { time: 60_000, value: 10, metric: 'temperature' },
      DEFAULT_SENSOR_THRESHOLDS,
    ).state;
    expect(nextThresholdCheckAt(pending, DEFAULT_SENSOR_THRESHOLDS)).toBe(11 * 60_000);
    expect(nextThresholdCheckAt(initialThresholdState('uv_lamp'), DEFAULT_SENSOR_THRESHOLDS)).toBeUndefined();
  });
});
