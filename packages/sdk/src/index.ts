/**
 * @brightkitchen/sdk — the platform-free core: domain model, food-safety rules, client, adapter contract.
 * Runs in Node, a browser and a WeChat mini-program: no Node built-ins, no `window`, no `wx` here.
 */

export * from './adapters/index.js';
export * from './chain/index.js';
export * from './client/index.js';
// The wire contract: bodies and answers of the API's routes (the client uses their types only).
export type { CameraAlarmType, DeviceAlertType } from './contract/alert-types.js';
export { CAMERA_ALARM_TYPES, DEVICE_ALERT_TYPES, DISINFECTION_RUN_MISSED } from './contract/alert-types.js';
export type { AuditAction, AuditEntry } from './contract/audit.js';
export { AUDIT_ACTIONS, AuditEntrySchema, AuditPageSchema } from './contract/audit.js';
export type {
  LoginInput,
  PhoneLinkAnswer,
  RefreshInput,
  SmsCodeAnswer,
  SmsCodeRequest,
  SmsLoginInput,
  WechatLoginInput,
} from './contract/auth.js';
export {
  LoginInputSchema,
  PhoneLinkAnswerSchema,
  PhoneNumberSchema,
  RefreshInputSchema,
  SmsCodeAnswerSchema,
  SmsCodeRequestSchema,
  SmsLoginInputSchema,
  TokenAnswerSchema,
  WechatLoginInputSchema,
} from './contract/auth.js';
export type {
  BrokerAuthnAnswer,
  BrokerAuthnRequest,
  BrokerAuthzAnswer,
  BrokerAuthzRequest,
  RealtimeAccess,
  RealtimeAccessInput,
} from './contract/broker-hooks.js';
export {
  BROKER_HOOK_RESULTS,
  BrokerAuthnAnswerSchema,
  BrokerAuthnRequestSchema,
  BrokerAuthzAnswerSchema,
  BrokerAuthzRequestSchema,
  RealtimeAccessInputSchema,
  RealtimeAccessSchema,
} from './contract/broker-hooks.js';
export type { ApiErrorCode, ApiErrorDefinition } from './contract/errors.js';
export { API_ERRORS, isApiErrorCode } from './contract/errors.js';
export type { ApiErrorBody, ApiErrorDetails } from './contract/errors-body.js';
export { ApiErrorBodySchema, ApiErrorIssueSchema } from './contract/errors-body.js';
export type { FieldIssueCode, FieldIssueFacts, FieldLabels } from './contract/errors-fields.js';
export {
  clipEcho,
  ECHO_MAX_CHARS,
  FIELD_ISSUE_CODES,
  FIELD_ISSUE_MEANINGS,
  fieldIssue,
  fieldName,
  isFieldIssueCode,
} from './contract/errors-fields.js';
export type { GatewayEventsAnswer, GatewayEventsBatch } from './contract/gateway-events.js';
export { GatewayEventsAnswerSchema, GatewayEventsBatchSchema } from './contract/gateway-events.js';
export type { IngestDropReason, IngestStats, IsapiPushAnswer } from './contract/ingest.js';
export { INGEST_DROP_REASONS, IngestStatsSchema, IsapiPushAnswerSchema } from './contract/ingest.js';
export type { LedgerBatchAnswer, LedgerBatchInput } from './contract/ledger-batch.js';
export {
  IDEMPOTENCY_KEY,
  LEDGER_BATCH_MAX,
  LedgerBatchAnswerSchema,
  LedgerBatchInputSchema,
  LedgerBatchResultSchema,
} from './contract/ledger-batch.js';
export type {
  LedgerRoot,
  LedgerRootPage,
  LedgerRootProof,
  PlatformKey,
  SignedChainCheckpoint,
} from './contract/ledger-chain.js';
export {
  ChainCheckpointSchema,
  ChainHeadSchema,
  ChainProblemSchema,
  LedgerRootPageSchema,
  LedgerRootProofSchema,
  LedgerRootSchema,
  PlatformKeySchema,
  Sha256HexSchema,
} from './contract/ledger-chain.js';
export {
  AlertPageSchema,
  ComplaintPageSchema,
  LedgerCorrectedBySchema,
  LedgerListEntrySchema,
  LedgerPageSchema,
  MemberPageSchema,
  NoticePageSchema,
  pageSchema,
  RegionPageSchema,
  StaffOnDaySchema,
  StaffPageSchema,
  VenuePageSchema,
} from './contract/pages.js';
export type { PartnerViolation, PartnerViolationAnswer } from './contract/partner-violation.js';
export {
  PARTNER_SNAPSHOT_MAX_BYTES,
  PARTNER_SNAPSHOT_TYPES,
  PartnerViolationAnswerSchema,
  PartnerViolationSchema,
} from './contract/partner-violation.js';
export type { StoredRating } from './contract/ratings.js';
export { StoredRatingSchema } from './contract/ratings.js';
export type { RuleProfileInput } from './contract/rule-profile.js';
export { RegionRuleProfileSchema, RuleProfileInputSchema, RuleProfileSchema } from './contract/rule-profile.js';
export type { DeviceScheduleInput } from './contract/schedule.js';
export {
  DeviceScheduleInputSchema,
  ISO_WEEKDAYS,
  SCHEDULE_LIMITS,
  ScheduleChannelSchema,
  TIME_OF_DAY,
} from './contract/schedule.js';
export type { LatLng } from './coordinates.js';
export { outOfChina, wgs84ToGcj02 } from './coordinates.js';
export { csvField, parseCsv } from './csv.js';
export * from './domain/enums.js';
export * from './domain/index.js';
export type {
  AccompanyingMealRecord,
  AirDisinfectionRecord,
  LedgerCorrection,
  LedgerRecord,
  LedgerRecordOf,
  MorningCheckRecord,
  PurchaseInspectionRecord,
  SampleRetentionRecord,
  Supplier,
  TablewareDisinfectionRecord,
} from './domain/ledger.js';
export {
  AccompanyingMealRecordSchema,
  AirDisinfectionRecordSchema,
  LEDGER_RECORD_SCHEMAS,
  LedgerCorrectionSchema,
  LedgerRecordSchema,
  MorningCheckRecordSchema,
  PurchaseInspectionRecordSchema,
  SampleRetentionRecordSchema,
  SupplierSchema,
  TablewareDisinfectionRecordSchema,
} from './domain/ledger.js';
export { LEDGER_FIELD_LABELS, ledgerFieldLabel } from './domain/ledger-fields.js';
export type {
  AirDisinfectionMethod,
  CertificateKind,
  DisinfectionMethod,
  PurchaseCategory,
  Symptom,
} from './domain/ledger-vocab.js';
export {
  AIR_DISINFECTION_METHOD_LABELS,
  AIR_DISINFECTION_METHODS,
  CERTIFICATE_KINDS,
  DISINFECTION_METHOD_LABELS,
  DISINFECTION_METHODS,
  PURCHASE_CATEGORIES,
  PURCHASE_CATEGORY_LABELS,
  SYMPTOM_LABELS,
  SYMPTOMS,
} from './domain/ledger-vocab.js';
export type { FieldIssue, ParseResult } from './domain/result.js';
export type { LocalizedText } from './domain/text.js';
export * from './registers/index.js';
export * from './registers/upload.js';
export * from './rules/index.js';
export type { LocalTimeStyle } from './time.js';
export {
  DEFAULT_TIME_ZONE,
  formatLocalTime,
  fromLocalTime,
  inZone,
  isIsoInstant,
  localDay,
  startOfLocalDay,
  zoneOffsetMinutes,
} from './time.js';
export { decodeUtf8, encodeUtf8 } from './utf8.js';
