import type { SensorThresholdProfile } from './profile.js';
import type { ThresholdState } from './state.js';

/**
 * When a clock tick could next change this state (a pending condition reaching its delay, or the
 * silence timeout), in epoch ms; undefined when only a reading can change it. For scheduling ticks.
 */
export function nextThresholdCheckAt(state: ThresholdState, profile: SensorThresholdProfile): number | undefined {
  const limit = profile[state.location];
  if (!limit) return undefined;
  const candidates: number[] = [];
  if (state.phase === 'pending' && state.since !== undefined) candidates.push(state.since + limit.delayMs);
  if (!state.silent && state.lastSeenAt !== undefined) candidates.push(state.lastSeenAt + limit.silenceMs);
  return candidates.length === 0 ? undefined : Math.min(...candidates);
}
