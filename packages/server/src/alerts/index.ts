export { AlertBook, type AlertBookOptions, type AlertOpening } from './alert-book.js';
export { AlertEngine, type AlertEngineOptions } from './engine/alert-engine.js';
export {
  CAMERA_ALARM_TYPES,
  type CameraAlarmKind,
  type CameraAlarmType,
  cameraAlarmKind,
} from './engine/camera-alarms.js';
export { DISINFECTION_RUN_MISSED } from './engine/device-alert-texts.js';
export { DeviceWatchers, type DeviceWatchersOptions } from './engine/device-watchers.js';
export {
  checkDisinfectionLedgers,
  DISINFECTING_KINDS,
  DisinfectionWatch,
  type FinishedRun,
  LEDGER_TOLERANCE_MIN,
  type LedgerCheck,
  MIN_RUNNING_POWER_W,
  requiredRunSeconds,
} from './engine/disinfection-watch.js';
export { DEVICE_ALERT_TYPES } from './engine/messages.js';
export { type PresenceChange, PresenceWatch, VENDOR_SILENCE_MS } from './engine/presence-watch.js';
export { dueOccurrences, type Occurrence } from './engine/schedule-occurrences.js';
export { type MissedRun, ScheduleWatch } from './engine/schedule-watch.js';
export { ThresholdWatch, type WatchedTransition } from './engine/threshold-watch.js';
export { VenueProfiles } from './engine/venue-profiles.js';
export type { PublishRealtime, RealtimeEvent } from './realtime-event.js';
