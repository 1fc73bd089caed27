import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SENSOR_THRESHOLDS, type SensorLimit } from './profile.js';
import { evaluateThresholdSeries } from './series.js';
import { initialThresholdState } from './state.js';
import { clearsAlarm, type ThresholdInput } from './step.js';

const fridge = DEFAULT_SENSOR_THRESHOLDS.fridge as SensorLimit;
const h = fridge.hysteresis;
const fridgeMax = fridge.max ?? 8;
const fridgeMin = fridge.min ?? 0;
const T0 = Date.parse('2024-06-01T00:00:00Z');

/** Strictly increasing times built from positive gaps (up to 5 minutes). */
const gaps = (min: number, max: number) =>
  fc.array(fc.integer({ min: 1, max: 300_000 }), { minLength: min, maxLength: max });
const timesFrom = (g: readonly number[]) => {
  let t = T0;
  return g.map((d) => {
    t += d;
    return t;
  });
};
const reading = (time: number, value: number): ThresholdInput => ({ time, value, metric: 'temperature' });

describe('threshold machine properties (national fridge: 0–8 ℃, delay 10 min)', () => {
  it('never raises before the delay has elapsed while every reading is out of range', () => {
    const outOfRange = fc.oneof(
      fc.double({ min: fridgeMax + 0.01, max: 40, noNaN: true }),
      fc.double({ min: -30, max: fridgeMin - 0.01, noNaN: true }),
    );
    fc.assert(
      fc.property(
        gaps(1, 40),
        fc.array(outOfRange, { minLength: 40, maxLength: 40 }),
        fc.boolean(),
        (g, values, withTicks) => {
          const times = timesFrom(g);
          const inputs = times.flatMap((t, i): ThresholdInput[] =>
            withTicks ? [reading(t, values[i] ?? 9), { time: t + 1 }] : [reading(t, values[i] ?? 9)],
          );
          const first = times[0] ?? T0;
          const { transitions } = evaluateThresholdSeries(
            initialThresholdState('fridge'),
            inputs,
            DEFAULT_SENSOR_THRESHOLDS,
          );
          const raised = transitions.filter((t) => t.kind === 'raised');
          expect(raised.length).toBeLessThanOrEqual(1);
          for (const t of raised) expect(t.at - first).toBeGreaterThanOrEqual(fridge.delayMs);
          const last = (times.at(-1) ?? T0) + (withTicks ? 1 : 0);
          if (last - first < fridge.delayMs) expect(raised).toEqual([]);
          else expect(raised).toHaveLength(1);
        },
      ),
    );
  });

  it('never flaps inside the hysteresis band: at most one raise and no clear', () => {
    // Values above max − hysteresis: some in range, some just out — oscillating near the limit.
    const nearLimit = fc.double({ min: fridgeMax - h + 0.01, max: fridgeMax + 0.5, noNaN: true });
    fc.assert(
      fc.property(gaps(1, 80), fc.array(nearLimit, { minLength: 80, maxLength: 80 }), (g, values) => {
        const inputs = timesFrom(g).map((t, i) => reading(t, values[i] ?? 8));
        const { transitions } = evaluateThresholdSeries(
          initialThresholdState('fridge'),
          inputs,
          DEFAULT_SENSOR_THRESHOLDS,
        );
        expect(transitions.filter((t) => t.kind === 'raised').length).toBeLessThanOrEqual(1);
        expect(transitions.filter((t) => t.kind === 'cleared')).toEqual([]);
      }),
    );
  });

  it('alternates raised/cleared, and every clear comes from a reading inside the band', () => {
    const anyValue = fc.double({ min: -5, max: 15, noNaN: true });
    fc.assert(
      fc.property(gaps(1, 100), fc.array(anyValue, { minLength: 100, maxLength: 100 }), (g, values) => {
        const inputs = timesFrom(g).map((t, i) => reading(t, values[i] ?? 4));
        const { transitions } = evaluateThresholdSeries(
          initialThresholdState('fridge'),
          inputs,
          DEFAULT_SENSOR_THRESHOLDS,
        );
        const kinds = transitions.map((t) => t.kind);
        expect(kinds).toEqual(kinds.map((_, i) => (i % 2 === 0 ? 'raised' : 'cleared')));
        for (const t of transitions) {
          if (t.kind === 'cleared') {
            expect(clearsAlarm(t.value, fridge)).toBe(true);
            expect(t.value).toBeLessThanOrEqual(fridgeMax - h);
            expect(t.value).toBeGreaterThanOrEqual(fridgeMin + h);
          }
        }
      }),
    );
  });

  it('a raised alarm clears once an in-band reading arrives', () => {
    fc.assert(
      fc.property(gaps(3, 30), fc.double({ min: fridgeMin + h, max: fridgeMax - h, noNaN: true }), (g, inBand) => {
        const start = T0;
        const end = start + fridge.delayMs + g.reduce((a, b) => a + b, 0);
        const inputs = [reading(start, 12), reading(start + fridge.delayMs, 12), reading(end, inBand)];
        const { state, transitions } = evaluateThresholdSeries(
          initialThresholdState('fridge'),
          inputs,
          DEFAULT_SENSOR_THRESHOLDS,
        );
        expect(transitions.map((t) => t.kind)).toEqual(['raised', 'cleared']);
        expect(state.phase).toBe('normal');
      }),
    );
  });
});
