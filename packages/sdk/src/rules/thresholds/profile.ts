/**
 * Temperature limits per location kind, with the delay, hysteresis and silence timeout that make
 * an alert trustworthy. Defaults are the national numbers of the 2018 catering operation code
 * (餐饮服务食品安全操作规范); every number is configurable per region, venue type or device.
 */
import type { LocationKind } from '../../domain/enums.js';

/** The limits one location kind must hold. A missing bound means "no limit on that side". */
export interface SensorLimit {
  /** The metric the limit applies to, as normalized readings name it. */
  readonly metric: string;
  /** Lowest allowed value (inclusive). */
  readonly min?: number;
  /** Highest allowed value (inclusive). */
  readonly max?: number;
  /** How long readings must stay out of range before an alert is raised (door openings, defrost). */
  readonly delayMs: number;
  /** How far back inside the range a reading must be before a raised alert clears. */
  readonly hysteresis: number;
  /** No reading for this long → the sensor is reported silent. */
  readonly silenceMs: number;
}

/** Limits per location kind. A kind without an entry (a camera, a UV lamp) raises no threshold alerts. */
export type SensorThresholdProfile = Readonly<Partial<Record<LocationKind, SensorLimit>>>;

const MINUTE = 60_000;

/** Default delay before an out-of-range reading alerts: 10 minutes (REGULATIONS.md, configurable). */
export const DEFAULT_RAISE_DELAY_MS = 10 * MINUTE;

/** Default silence timeout: a sensor that has not reported for 30 minutes is reported silent. */
export const DEFAULT_SILENCE_MS = 30 * MINUTE;

/** The stricter freezer limit many sites use instead of the national −12 ℃. */
export const FREEZER_STRICT_MAX_C = -18;

/** National defaults (2018 规范): fridge 0–8 ℃, freezer ≤ −12 ℃, special room ≤ 25 ℃, hot holding ≥ 60 ℃, sample fridge 0–8 ℃. */
export const DEFAULT_SENSOR_THRESHOLDS: SensorThresholdProfile = {
  fridge: { metric: 'temperature', min: 0, max: 8, delayMs: DEFAULT_RAISE_DELAY_MS, hysteresis: 0.5, silenceMs: DEFAULT_SILENCE_MS },
  sample_fridge: { metric: 'temperature', min: 0, max: 8, delayMs: DEFAULT_RAISE_DELAY_MS, hysteresis: 0.5, silenceMs: DEFAULT_SILENCE_MS },
  freezer: { metric: 'temperature', max: -12, delayMs: DEFAULT_RAISE_DELAY_MS, hysteresis: 1, silenceMs: DEFAULT_SILENCE_MS },
  special_room: { metric: 'temperature', max: 25, delayMs: DEFAULT_RAISE_DELAY_MS, hysteresis: 0.5, silenceMs: DEFAULT_SILENCE_MS },
  hot_holding: { metric: 'temperature', min: 60, delayMs: DEFAULT_RAISE_DELAY_MS, hysteresis: 1, silenceMs: DEFAULT_SILENCE_MS },
};

/**
 * A copy of a profile with some limits changed, e.g. the −18 ℃ freezer:
 * @example withSensorLimits(DEFAULT_SENSOR_THRESHOLDS, { freezer: { max: FREEZER_STRICT_MAX_C } })
 */
export function withSensorLimits(
  profile: SensorThresholdProfile,
  changes: Readonly<Partial<Record<LocationKind, Partial<SensorLimit>>>>,
): SensorThresholdProfile {
  const next: Partial<Record<LocationKind, SensorLimit>> = { ...profile };
  for (const [kind, change] of Object.entries(changes) as [LocationKind, Partial<SensorLimit> | undefined][]) {
    const base = profile[kind];
    if (change === undefined) continue;
    next[kind] = {
      metric: 'temperature',
      delayMs: DEFAULT_RAISE_DELAY_MS,
      hysteresis: 0,
      silenceMs: DEFAULT_SILENCE_MS,
      ...base,
      ...change,
    };
  }
  return next;
}
