import { type Instant, toEpochMs } from './instant.js';
import type { SensorLimit, SensorThresholdProfile } from './profile.js';
import type { BrokenBound, ThresholdState } from './state.js';
import type { ThresholdTransition } from './transitions.js';

/** A normalized reading of one device. */
export interface ThresholdReadingInput {
  readonly time: Instant;
  readonly value: number;
  readonly metric: string;
}

/** A clock tick: lets the machine notice silence and raise a pending condition without a new reading. */
export interface ThresholdTickInput {
  readonly time: Instant;
}

/** What {@link stepThreshold} takes: a reading, or a clock tick that lets durations elapse. */
export type ThresholdInput = ThresholdReadingInput | ThresholdTickInput;

/** {@link stepThreshold}'s answer: the next state and what changed. */
export interface ThresholdStep {
  readonly state: ThresholdState;
  readonly transitions: readonly ThresholdTransition[];
}

/** How a value breaks a limit: which bound, the limit, and by how much. */
export interface Breach {
  readonly bound: BrokenBound;
  readonly limit: number;
  readonly excess: number;
}

/** How far a value lies outside the limits, or undefined when it is inside (bounds inclusive). */
export function breachOf(value: number, limit: SensorLimit): Breach | undefined {
  if (limit.max !== undefined && value > limit.max)
    return { bound: 'max', limit: limit.max, excess: value - limit.max };
  if (limit.min !== undefined && value < limit.min)
    return { bound: 'min', limit: limit.min, excess: limit.min - value };
  return undefined;
}

/** True when a value is inside the range by at least the hysteresis (fridge max 8, hysteresis 0.5 → ≤ 7.5). */
export function clearsAlarm(value: number, limit: SensorLimit): boolean {
  const h = limit.hysteresis;
  return (limit.max === undefined || value <= limit.max - h) && (limit.min === undefined || value >= limit.min + h);
}

function limitOf(bound: BrokenBound, limit: SensorLimit): number {
  return (bound === 'max' ? limit.max : limit.min) ?? Number.NaN;
}

/** Keeps the worse of the current worst value and a new out-of-range value. */
function worsen(state: ThresholdState, value: number, breach: Breach, limit: SensorLimit): ThresholdState {
  if (state.worst !== undefined && state.bound !== undefined) {
    const current = breachOf(state.worst, limit);
    if (current && current.excess >= breach.excess) return state;
  }
  return { ...state, worst: value, bound: breach.bound };
}

/** Raises a pending condition once it has lasted the delay. */
function raiseIfDue(state: ThresholdState, at: number, limit: SensorLimit, out: ThresholdTransition[]): ThresholdState {
  if (
    state.phase !== 'pending' ||
    state.since === undefined ||
    state.worst === undefined ||
    state.bound === undefined
  ) {
    return state;
  }
  if (at - state.since < limit.delayMs) return state;
  out.push({
    kind: 'raised',
    at,
    value: state.worst,
    bound: state.bound,
    limit: limitOf(state.bound, limit),
    since: state.since,
  });
  return { ...state, phase: 'alarm' };
}

function onReading(
  state: ThresholdState,
  at: number,
  value: number,
  limit: SensorLimit,
  out: ThresholdTransition[],
): ThresholdState {
  const breach = breachOf(value, limit);
  switch (state.phase) {
    case 'normal':
      if (!breach) return state;
      return raiseIfDue({ ...state, phase: 'pending', since: at, worst: value, bound: breach.bound }, at, limit, out);
    case 'pending':
      if (!breach)
        return {
          location: state.location,
          metric: state.metric,
          phase: 'normal',
          silent: state.silent,
          lastSeenAt: at,
        };
      return raiseIfDue(worsen(state, value, breach, limit), at, limit, out);
    case 'alarm':
      if (clearsAlarm(value, limit)) {
        out.push({ kind: 'cleared', at, value, worst: state.worst ?? value, since: state.since ?? at });
        return {
          location: state.location,
          metric: state.metric,
          phase: 'normal',
          silent: state.silent,
          lastSeenAt: at,
        };
      }
      return breach ? worsen(state, value, breach, limit) : state;
  }
}

function onTick(state: ThresholdState, at: number, limit: SensorLimit, out: ThresholdTransition[]): ThresholdState {
  let next = state;
  if (!next.silent && next.lastSeenAt !== undefined && at - next.lastSeenAt >= limit.silenceMs) {
    out.push({ kind: 'silence', at, lastSeenAt: next.lastSeenAt });
    next = { ...next, silent: true };
  }
  return raiseIfDue(next, at, limit, out);
}

/**
 * One step of the threshold machine for one device+metric: feed it a reading or a clock tick, get
 * the next state and what happened. Pure; the caller stores the state and acts on the transitions.
 *
 * - An out-of-range reading makes the state `pending`; `raised` comes only once it has stayed out
 *   of range for `delayMs` (on a later reading or tick). A reading back in range cancels it.
 * - An alarm clears only on a reading inside the range by at least `hysteresis`.
 * - No reading for `silenceMs` (noticed on a tick) → `silence`; the next reading → `silence_cleared`.
 * - Readings older than the newest accepted one, of another metric, or not finite are ignored.
 *
 * @example
 * let s = initialThresholdState('fridge');
 * ({ state: s } = stepThreshold(s, { time: '2024-06-01T10:00:00+08:00', value: 9.2, metric: 'temperature' }, DEFAULT_SENSOR_THRESHOLDS));
 */
export function stepThreshold(
  state: ThresholdState,
  input: ThresholdInput,
  profile: SensorThresholdProfile,
): ThresholdStep {
  const at = toEpochMs(input.time);
  if (!Number.isFinite(at)) return { state, transitions: [] };
  const limit = profile[state.location];
  const out: ThresholdTransition[] = [];
  if (!('value' in input)) {
    if (!limit) return { state, transitions: [] };
    return { state: onTick(state, at, limit, out), transitions: out };
  }
  if (input.metric !== state.metric || !Number.isFinite(input.value)) return { state, transitions: [] };
  if (state.lastSeenAt !== undefined && at < state.lastSeenAt) return { state, transitions: [] };
  let next: ThresholdState = { ...state, lastSeenAt: at };
  if (next.silent) {
    out.push({ kind: 'silence_cleared', at });
    next = { ...next, silent: false };
  }
  if (limit) next = onReading(next, at, input.value, limit, out);
  return { state: next, transitions: out };
}
