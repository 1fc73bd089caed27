/** The SDK client: one facade over the API, platform seams injected. Platform-free. */

export { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff.js';
export { type Clock, systemClock } from './clock.js';
export {
  type BrightKitchenClient,
  type ClientAuth,
  type ClientEvents,
  type ClientOptions,
  createClient,
} from './create-client.js';
export { ApiError } from './errors/api-error.js';
export {
  BrightKitchenError,
  type BrightKitchenErrorCode,
  type BrightKitchenErrorJSON,
  type BrightKitchenErrorName,
  type BrightKitchenErrorOptions,
  type ClientErrorCode,
  isBrightKitchenError,
} from './errors/bright-kitchen-error.js';
export { errorFromResponse } from './errors/from-response.js';
export { NetworkError } from './errors/network-error.js';
export { RuleError, type RuleIssue } from './errors/rule-error.js';
export {
  createFetchTransport,
  type FetchInitLike,
  type FetchLike,
  type FetchResponseLike,
  type FetchTransportOptions,
} from './fetch-transport.js';
export type { HttpRequest } from './http.js';
export { newIdempotencyKey, type Random, randomUuid } from './ids.js';
export { isRefusal } from './outbox/classify.js';
export type { OutboxEvents } from './outbox/events.js';
export {
  OUTBOX_KINDS,
  type OutboxItem,
  type OutboxKind,
  type OutboxOutcome,
  type RejectedItem,
} from './outbox/item.js';
export type { FlushResult, Outbox, QueuedWrite } from './outbox/outbox.js';
export type { QuarantinedValue } from './outbox/stored.js';
export type { AlertListQuery, AlertsClient } from './resources/alerts.js';
export type { AuthClient } from './resources/auth.js';
export type { CamerasClient } from './resources/cameras.js';
export type { ComplaintListQuery, ComplaintsClient } from './resources/complaints.js';
export type { DeviceScheduleOptions, DevicesClient, GatewaysClient } from './resources/devices.js';
export type { DutiesClient, DutiesRequestingClient, DutyListQuery } from './resources/duties.js';
export { createDutiesClient } from './resources/duties.js';
export type { InspectionsClient } from './resources/inspections.js';
export type {
  LedgerBatchResult,
  LedgerCheck,
  LedgerCorrectedBy,
  LedgerListEntry,
  LedgerSubmitOptions,
  LedgerSubmitResult,
  LedgersClient,
} from './resources/ledgers.js';
export { ledgerPhotoRef } from './resources/ledgers.js';
export type { NoticeListQuery, NoticesClient } from './resources/notices.js';
export type { OpenDataClient, OpenGradesQuery } from './resources/open-data.js';
export type { PublicVenuesClient } from './resources/public-venues.js';
export type { RatingsClient } from './resources/ratings.js';
export type { RectificationListQuery, RectificationsClient } from './resources/rectifications.js';
export type { RegionRuleProfile, RegionsClient } from './resources/regions.js';
export type { SamplingClient, SamplingTaskListQuery } from './resources/sampling.js';
export type { TipListQuery, TipsClient, TipsRequestingClient } from './resources/tips.js';
export { createTipsClient } from './resources/tips.js';
export type { MembersClient, StaffClient, StaffOnDay, VenueListQuery, VenuesClient } from './resources/venues.js';
export type { Session, TokenAnswer } from './session.js';
export {
  canonicalRequest,
  canonicalString,
  defaultHashing,
  type Hashing,
  type HmacSha256,
  partnerHeaders,
  type Sha256,
  type SignInput,
} from './signing.js';
export type { RealtimeSocket } from './socket.js';
export { createMemoryStorage, type KeyValueStorage } from './storage.js';
export type { AbortSignalLike, HttpMethod, Transport, TransportRequest, TransportResponse } from './transport.js';
export type { AuthUser, ErrorBody, LedgerListQuery, Page, PageQuery } from './wire-types.js';
