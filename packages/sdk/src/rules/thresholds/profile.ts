/**
 * Temperature limits per location kind, with the delay, hysteresis and silence timeout that make
 * an alert trustworthy. The numbers come from the rule profile (profile.ts, national defaults of
 * the 2018 规范); every one is configurable per region, venue type or device.
 */
import type { LocationKind } from '../../domain/enums.js';
import { NATIONAL_PROFILE, type RuleProfile, type TemperatureRange } from '../profile.js';

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

/** The stricter freezer limit many sites use instead of the national −12 ℃. */
export const FREEZER_STRICT_MAX_C = -18;

/**
 * The threshold profile of a rule profile (profile.ts): its temperature ranges, raise delay,
 * hysteresis and silence timeout, for every sensor location kind.
 */
export function sensorThresholdsFromProfile(profile: RuleProfile): SensorThresholdProfile {
  const { ranges, raiseDelayMinutes, hysteresisC, silenceTimeoutMinutes } = profile.sensors;
  const limits: Partial<Record<LocationKind, SensorLimit>> = {};
  for (const [kind, range] of Object.entries(ranges) as [LocationKind, TemperatureRange][]) {
    limits[kind] = {
      metric: 'temperature',
      ...(range.minC === undefined ? {} : { min: range.minC }),
      ...(range.maxC === undefined ? {} : { max: range.maxC }),
      delayMs: raiseDelayMinutes * MINUTE,
      hysteresis: hysteresisC,
      silenceMs: silenceTimeoutMinutes * MINUTE,
    };
  }
  return limits;
}

/**
 * National defaults (2018 规范), taken from NATIONAL_PROFILE: fridge and sample fridge 0–8 ℃,
 * freezer ≤ −12 ℃, special room ≤ 25 ℃, hot holding ≥ 60 ℃; 10 min delay, 1 ℃ hysteresis,
 * 30 min silence timeout.
 */
export const DEFAULT_SENSOR_THRESHOLDS: SensorThresholdProfile = sensorThresholdsFromProfile(NATIONAL_PROFILE);

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
      delayMs: NATIONAL_PROFILE.sensors.raiseDelayMinutes * MINUTE,
      hysteresis: NATIONAL_PROFILE.sensors.hysteresisC,
      silenceMs: NATIONAL_PROFILE.sensors.silenceTimeoutMinutes * MINUTE,
      ...base,
      ...change,
    };
  }
  return next;
}
