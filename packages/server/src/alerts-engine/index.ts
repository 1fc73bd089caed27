export { AlertBook, type AlertBookOptions, type AlertOpening } from './alert-book.js';
export { AlertEngine, type AlertEngineOptions } from './alert-engine.js';
export { CAMERA_ALARM_TYPES, type CameraAlarmKind, type CameraAlarmType, cameraAlarmKind } from './camera-alarms.js';
export { DISINFECTION_RUN_MISSED } from './device-alert-texts.js';
export { DeviceWatchers, type DeviceWatchersOptions } from './device-watchers.js';
export {
  checkDisinfectionLedgers,
  DISINFECTING_KINDS,
  DisinfectionWatch,
  type FinishedRun,
  LEDGER_TOLERANCE_MIN,
  type LedgerCheck,
  MIN_RUNNING_POWER_W,
  requiredRunSeconds,
} from './disinfection-watch.js';
export { DEVICE_ALERT_TYPES } from './messages.js';
export { type PresenceChange, PresenceWatch, VENDOR_SILENCE_MS } from './presence-watch.js';
export type { PublishRealtime, RealtimeEvent } from './realtime-event.js';
export { dueOccurrences, type Occurrence } from './schedule-occurrences.js';
export { type MissedRun, ScheduleWatch } from './schedule-watch.js';
export { ThresholdWatch, type WatchedTransition } from './threshold-watch.js';
export { VenueProfiles } from './venue-profiles.js';
