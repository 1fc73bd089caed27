export { AlertBook, type AlertBookOptions, type AlertOpening } from './alert-book.js';
export { AlertEngine, type AlertEngineOptions } from './alert-engine.js';
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
export type { PublishRealtime, RealtimeEvent } from './realtime-event.js';
export { ThresholdWatch, type WatchedTransition } from './threshold-watch.js';
export { VenueProfiles } from './venue-profiles.js';
