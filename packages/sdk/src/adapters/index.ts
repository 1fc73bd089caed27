/** The device adapter contract: what a vendor implements to turn its messages into normalized events. */
export type {
  CommandTarget,
  DeviceCommand,
  EncodedMessage,
  EncodeResult,
  IsoWeekday,
  ScheduledRun,
} from './command.js';
export { ALL_WEEKDAYS, encoded, encodeRejected, minutesOfDay, scheduleIssue, timeOfDay } from './command.js';
export type { Adapter, AdapterDefinition, AdapterInput } from './definition.js';
export { defineAdapter } from './definition.js';
export { MAX_EVENTS_PER_BATCH, NormalizedEventListSchema, NormalizedEventSchema } from './event-schema.js';
export { eventTime } from './event-time.js';
export type {
  AlarmEvent,
  AvailabilityEvent,
  EventDetails,
  EventPhase,
  NormalizedEvent,
  NormalizedEventType,
  ReadingEvent,
  SwitchEvent,
  ViolationEvent,
} from './events.js';
export { NORMALIZED_EVENT_TYPES } from './events.js';
export type { Attachment, ConvertContext, RawMessage } from './message.js';
export { DEFAULT_MAX_PAYLOAD_BYTES } from './message.js';
export type { EventOrigin, KnownMetric } from './metrics.js';
export {
  availability,
  customReading,
  fahrenheitToCelsius,
  METRIC_UNITS,
  reading,
  round,
  switchState,
  temperatureReading,
} from './metrics.js';
export { hostDecoder, payloadJson, payloadSize, payloadText, type TextDecoderLike } from './payload.js';
export type { AdapterRejection, AdapterRejectionCode, RejectionDetails } from './rejection.js';
export { ADAPTER_REJECTION_CODES, ADAPTER_REJECTION_MESSAGES, isAdapterRejection, rejection } from './rejection.js';
export type { ConvertAccepted, ConvertRejected, ConvertResult } from './result.js';
export { accept, reject } from './result.js';
export { topicMatches } from './topic.js';
