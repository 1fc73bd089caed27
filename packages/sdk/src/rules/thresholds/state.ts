import * as v from 'valibot';
import { LOCATION_KINDS, type LocationKind } from '../../domain/enums.js';

/** Where a device+metric stands with respect to its limits (silence is tracked beside it). */
export type ThresholdPhase = 'normal' | 'pending' | 'alarm';

/** What a UI shows for a device+metric: silence wins over the phase, because nothing is known. */
export type ThresholdStatus = ThresholdPhase | 'silent';

/** The bound a value broke. */
export type BrokenBound = 'min' | 'max';

/** The state the threshold machine keeps per device and metric. Plain data: store it as JSON. */
export interface ThresholdState {
  readonly location: LocationKind;
  readonly metric: string;
  readonly phase: ThresholdPhase;
  /** True once the silence timeout passed without a reading; an alarm stays raised while silent. */
  readonly silent: boolean;
  /** Time of the newest accepted reading (or the start of watching), epoch ms. */
  readonly lastSeenAt?: number;
  /** Out of range since (pending or alarm), epoch ms. */
  readonly since?: number;
  /** The value furthest outside the range since `since`. */
  readonly worst?: number;
  /** The bound the worst value broke. */
  readonly bound?: BrokenBound;
}

/** A stored `ThresholdState` (JSON), checked when read back after a restart. */
export const ThresholdStateSchema: v.GenericSchema<unknown, ThresholdState> = v.object({
  location: v.picklist(LOCATION_KINDS),
  metric: v.string(),
  phase: v.picklist(['normal', 'pending', 'alarm']),
  silent: v.boolean(),
  lastSeenAt: v.optional(v.number()),
  since: v.optional(v.number()),
  worst: v.optional(v.number()),
  bound: v.optional(v.picklist(['min', 'max'])),
});

/**
 * The state before any reading. Pass `startedAt` to count silence from that moment even if the
 * sensor never reports; without it, silence is only detected after a first reading.
 */
export function initialThresholdState(
  location: LocationKind,
  metric = 'temperature',
  startedAt?: number,
): ThresholdState {
  return startedAt === undefined
    ? { location, metric, phase: 'normal', silent: false }
    : { location, metric, phase: 'normal', silent: false, lastSeenAt: startedAt };
}

/** The one status to show: `silent` if the sensor went quiet, otherwise the phase. */
export function thresholdStatus(state: ThresholdState): ThresholdStatus {
  return state.silent ? 'silent' : state.phase;
}
