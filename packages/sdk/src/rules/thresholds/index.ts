export type { Instant } from './instant.js';
export { nextThresholdCheckAt } from './next-check.js';
export {
  DEFAULT_SENSOR_THRESHOLDS,
  FREEZER_STRICT_MAX_C,
  type SensorLimit,
  type SensorThresholdProfile,
  sensorThresholdsFromProfile,
  withSensorLimits,
} from './profile.js';
export { evaluateThresholdSeries } from './series.js';
export {
  type BrokenBound,
  initialThresholdState,
  type ThresholdPhase,
  type ThresholdState,
  ThresholdStateSchema,
  type ThresholdStatus,
  thresholdStatus,
} from './state.js';
export {
  type Breach,
  breachOf,
  clearsAlarm,
  stepThreshold,
  type ThresholdInput,
  type ThresholdReadingInput,
  type ThresholdStep,
  type ThresholdTickInput,
} from './step.js';
export type {
  ThresholdCleared,
  ThresholdRaised,
  ThresholdSilence,
  ThresholdSilenceCleared,
  ThresholdTransition,
  ThresholdTransitionKind,
} from './transitions.js';
