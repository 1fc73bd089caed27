import type { BrokenBound } from './state.js';

/** An out-of-range condition lasted past the delay: open an alert. */
export interface ThresholdRaised {
  readonly kind: 'raised';
  readonly at: number;
  /** The value furthest outside the range while pending. */
  readonly value: number;
  /** The bound broken and its value. */
  readonly bound: BrokenBound;
  readonly limit: number;
  /** Out of range since (epoch ms). */
  readonly since: number;
}

/** Readings came back inside the range by at least the hysteresis: the alert may auto-resolve. */
export interface ThresholdCleared {
  readonly kind: 'cleared';
  readonly at: number;
  /** The reading that cleared it. */
  readonly value: number;
  /** The worst value seen during the alarm. */
  readonly worst: number;
  readonly since: number;
}

/** No reading for the silence timeout. */
export interface ThresholdSilence {
  readonly kind: 'silence';
  readonly at: number;
  /** The newest reading before the silence, epoch ms. */
  readonly lastSeenAt: number;
}

/** A reading arrived after a silence. */
export interface ThresholdSilenceCleared {
  readonly kind: 'silence_cleared';
  readonly at: number;
}

/** What a threshold step can report: an alarm raised or cleared, a sensor fallen silent or back. */
export type ThresholdTransition = ThresholdRaised | ThresholdCleared | ThresholdSilence | ThresholdSilenceCleared;
/** The `kind` of a {@link ThresholdTransition}. */
export type ThresholdTransitionKind = ThresholdTransition['kind'];
