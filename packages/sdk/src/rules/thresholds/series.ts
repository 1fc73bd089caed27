import type { SensorThresholdProfile } from './profile.js';
import type { ThresholdState } from './state.js';
import { stepThreshold, type ThresholdInput, type ThresholdStep } from './step.js';
import type { ThresholdTransition } from './transitions.js';

/**
 * Runs a whole series of readings and ticks through the machine, in the order given (sort by time
 * first: older readings than the newest accepted one are ignored), and collects every transition.
 */
export function evaluateThresholdSeries(
  initial: ThresholdState,
  inputs: Iterable<ThresholdInput>,
  profile: SensorThresholdProfile,
): ThresholdStep {
  let state = initial;
  const transitions: ThresholdTransition[] = [];
  for (const input of inputs) {
    const step = stepThreshold(state, input, profile);
    state = step.state;
    transitions.push(...step.transitions);
  }
  return { state, transitions };
}
