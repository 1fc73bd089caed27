import { describe, expect, it } from 'vitest';
import { DEFAULT_SENSOR_THRESHOLDS, FREEZER_STRICT_MAX_C, withSensorLimits } from './profile.js';
import { evaluateThresholdSeries } from './series.js';
import { initialThresholdState, thresholdStatus } from './state.js';
import { stepThreshold, type ThresholdInput } from './step.js';

const MIN = 60_000;
const T0 = Date.parse('2024-06-01T10:00:00+08:00');
const r = (minute: number, value: number): ThresholdInput => ({
  time: T0 + minute * MIN,
  value,
  metric: 'temperature',
});
const tick = (minute: number): ThresholdInput => ({ time: T0 + minute * MIN });
const run = (inputs: ThresholdInput[], location: 'fridge' | 'freezer' | 'hot_holding' | 'special_room' = 'fridge') =>
  evaluateThresholdSeries(initialThresholdState(location), inputs, DEFAULT_SENSOR_THRESHOLDS);

describe('stepThreshold', () => {
  it('does not alert on a door opening shorter than the delay', () => {
    const { state, transitions } = run([r(0, 4), r(1, 11), r(5, 12), r(8, 6)]);
    expect(transitions).toEqual([]);
    expect(state.phase).toBe('normal');
  });

  it('raises once the fridge has been above 8 ℃ for 10 minutes, with the worst value', () => {
    const { state, transitions } = run([r(0, 9), r(4, 12.5), r(9, 10), r(10, 9.5)]);
    expect(transitions).toEqual([
      { kind: 'raised', at: T0 + 10 * MIN, value: 12.5, bound: 'max', limit: 8, since: T0 },
    ]);
    expect(thresholdStatus(state)).toBe('alarm');
  });

  it('raises on a tick when a sensor that reports only on change stays out of range', () => {
    const { transitions } = run([r(0, 9), tick(9), tick(10)]);
    expect(transitions.map((t) => [t.kind, t.at])).toEqual([['raised', T0 + 10 * MIN]]);
  });

  it('clears only once back inside the range by the national 1 ℃ hysteresis (fridge: ≤ 7 ℃)', () => {
    const { transitions } = run([r(0, 9), r(10, 9), r(11, 8), r(12, 7.5), r(13, 7)]);
    expect(transitions.map((t) => t.kind)).toEqual(['raised', 'cleared']);
    expect(transitions[1]).toEqual({ kind: 'cleared', at: T0 + 13 * MIN, value: 7, worst: 9, since: T0 });
  });

  it('follows a configured hysteresis (fridge max 8, hysteresis 0.5 → clears at ≤ 7.5)', () => {
    const profile = withSensorLimits(DEFAULT_SENSOR_THRESHOLDS, { fridge: { hysteresis: 0.5 } });
    const inputs = [r(0, 9), r(10, 9), r(11, 7.6), r(12, 7.5)];
    const { transitions } = evaluateThresholdSeries(initialThresholdState('fridge'), inputs, profile);
    expect(transitions.map((t) => [t.kind, (t.at - T0) / MIN])).toEqual([
      ['raised', 10],
      ['cleared', 12],
    ]);
  });

  it('treats the limits as inclusive (8.0 ℃ in a fridge is fine)', () => {
    expect(run([r(0, 8), r(30, 8)]).transitions).toEqual([]);
  });

  it('watches the lower bound of a fridge and hot holding', () => {
    expect(run([r(0, -1), r(10, -2)]).transitions[0]).toMatchObject({
      kind: 'raised',
      bound: 'min',
      limit: 0,
      value: -2,
    });
    const hot = run([r(0, 58), r(10, 55), r(11, 60.5), r(12, 61)], 'hot_holding').transitions;
    expect(hot.map((t) => t.kind)).toEqual(['raised', 'cleared']);
    expect(hot[1]?.at).toBe(T0 + 12 * MIN);
  });

  it('uses −12 ℃ for freezers by default and −18 ℃ when a site configures it', () => {
    const readings = [r(0, -15), r(20, -15)];
    expect(run(readings, 'freezer').transitions).toEqual([]);
    const strict = withSensorLimits(DEFAULT_SENSOR_THRESHOLDS, { freezer: { max: FREEZER_STRICT_MAX_C } });
    const { transitions } = evaluateThresholdSeries(initialThresholdState('freezer'), readings, strict);
    expect(transitions[0]).toMatchObject({ kind: 'raised', limit: -18 });
  });

  it('ignores readings older than the newest one and readings of another metric', () => {
    const { state, transitions } = run([
      r(0, 9),
      r(5, 4),
      r(3, 20),
      { time: T0 + 11 * MIN, value: 90, metric: 'humidity' },
      tick(11),
    ]);
    expect(transitions).toEqual([]);
    expect(state.phase).toBe('normal');
  });

  it('reports silence after 30 minutes without readings and its end on the next reading', () => {
    const { state, transitions } = run([r(0, 4), tick(29), tick(30), tick(45), r(46, 4.2)]);
    expect(transitions).toEqual([
      { kind: 'silence', at: T0 + 30 * MIN, lastSeenAt: T0 },
      { kind: 'silence_cleared', at: T0 + 46 * MIN },
    ]);
    expect(thresholdStatus(state)).toBe('normal');
  });

  it('keeps an alarm raised while the sensor is silent', () => {
    const { state, transitions } = run([r(0, 12), r(10, 12), tick(40)]);
    expect(transitions.map((t) => t.kind)).toEqual(['raised', 'silence']);
    expect(state.phase).toBe('alarm');
    expect(thresholdStatus(state)).toBe('silent');
  });

  it('counts silence from the start of watching when given', () => {
    const { transitions } = evaluateThresholdSeries(
      initialThresholdState('fridge', 'temperature', T0),
      [tick(31)],
      DEFAULT_SENSOR_THRESHOLDS,
    );
    expect(transitions.map((t) => t.kind)).toEqual(['silence']);
  });

  it('accepts ISO times and ignores unreadable ones', () => {
    let state = initialThresholdState('special_room');
    state = stepThreshold(
      state,
      { time: '2024-06-01T10:00:00+08:00', value: 27, metric: 'temperature' },
      DEFAULT_SENSOR_THRESHOLDS,
    ).state;
    const bad = stepThreshold(
      state,
      { time: 'yesterday', value: 30, metric: 'temperature' },
      DEFAULT_SENSOR_THRESHOLDS,
    );
    expect(bad.state).toBe(state);
    const step = stepThreshold(
      state,
      { time: '2024-06-01T02:10:00Z', value: 26, metric: 'temperature' },
      DEFAULT_SENSOR_THRESHOLDS,
    );
    expect(step.transitions).toMatchObject([{ kind: 'raised', value: 27, limit: 25 }]);
  });

  it('raises nothing for a location kind without limits', () => {
    const { transitions } = evaluateThresholdSeries(
      initialThresholdState('uv_lamp'),
      [r(0, 500), r(60, 500), tick(200)],
      DEFAULT_SENSOR_THRESHOLDS,
    );
    expect(transitions).toEqual([]);
  });
});
