/**
 * The domain model: valibot schemas (plain, convertible to JSON Schema) and the types inferred
 * from them, plus `parse`, which turns unknown input into a typed value or field issues.
 * Ledger records live in `ledger.ts` and are exported by their own module.
 */
export type { Alert, AlertResolveInput, AlertSnapshotRef, AlertStaff } from './alert.js';
export { AlertResolveInputSchema, AlertSchema, AlertSnapshotRefSchema, AlertStaffSchema } from './alert.js';
export type {
  CameraArea,
  CameraChannel,
  CameraChannelInput,
  CameraChannelPatch,
  CameraSource,
  CameraSourceKind,
  CameraState,
  Playback,
  PlaybackInput,
  ShowHours,
  SignedStream,
} from './camera.js';
export {
  CAMERA_AREA_LABELS,
  CAMERA_AREAS,
  CAMERA_SOURCE_KINDS,
  CAMERA_STATES,
  CameraChannelInputSchema,
  CameraChannelListSchema,
  CameraChannelPatchSchema,
  CameraChannelSchema,
  CameraSourceSchema,
  DEFAULT_SHOW_HOURS,
  PLAYBACK_MAX_MINUTES,
  PlaybackInputSchema,
  PlaybackSchema,
  recordingWindow,
  ShowHoursSchema,
  SignedStreamSchema,
} from './camera.js';
export type { Checklist, ChecklistArea, ChecklistItem } from './checklist.js';
export {
  CHECKLIST_AREA_LABELS,
  CHECKLIST_AREAS,
  CHECKLIST_CODE,
  CHECKLIST_FULL_SCORE,
  ChecklistItemSchema,
  ChecklistSchema,
} from './checklist.js';
export type {
  Complaint,
  ComplaintInput,
  ComplaintLocation,
  ComplaintPhoto,
  ComplaintPhotoType,
  ComplaintPhotoUpload,
} from './complaint.js';
export {
  base64ByteLength,
  COMPLAINT_PHOTO_MAX_BASE64,
  COMPLAINT_PHOTO_MAX_BYTES,
  COMPLAINT_PHOTO_TYPES,
  COMPLAINT_PHOTOS_MAX,
  ComplaintInputSchema,
  ComplaintLocationSchema,
  ComplaintPhotoSchema,
  ComplaintPhotoUploadSchema,
  ComplaintSchema,
} from './complaint.js';
export type {
  Device,
  DeviceBinding,
  DeviceInput,
  DeviceRegistered,
  DeviceRegistration,
  DeviceTopics,
  DeviceViolationMap,
  MqttEndpoints,
  RegisteredDevice,
} from './device.js';
export {
  DEVICE_VIOLATION_TARGETS,
  DeviceBindingSchema,
  DeviceInputSchema,
  DevicePageSchema,
  DeviceRegisteredSchema,
  DeviceRegistrationSchema,
  DeviceSchema,
  DeviceTopicsSchema,
  DeviceViolationMapSchema,
  MqttEndpointsSchema,
  RegisteredDeviceSchema,
} from './device.js';
export type { DeviceDetail, DeviceSchedule, DeviceScheduleSet, DeviceStatus, LastReading } from './device-status.js';
export {
  DeviceDetailSchema,
  DeviceScheduleSchema,
  DeviceScheduleSetSchema,
  DeviceStatusSchema,
  LastReadingSchema,
  ScheduledRunSchema,
} from './device-status.js';
export type {
  Duty,
  DutyCategory,
  DutyCoverage,
  DutyInput,
  DutyPage,
  DutyReceipts,
  DutyUnreadVenue,
  VenueDuties,
  VenueDuty,
} from './duty.js';
export {
  DUTY_CATEGORIES,
  DUTY_CATEGORY_LABELS,
  DutyCoverageSchema,
  DutyInputSchema,
  DutyPageSchema,
  DutyReceiptsSchema,
  DutySchema,
  DutyUnreadVenueSchema,
  VenueDutiesSchema,
  VenueDutySchema,
} from './duty.js';
export type { Gateway, GatewayInput, GatewayRegistered } from './gateway.js';
export { GatewayInputSchema, GatewayPageSchema, GatewayRegisteredSchema, GatewaySchema } from './gateway.js';
export type { AnnualGradeResult, DynamicGrade, Grade } from './grade.js';
export { AnnualGradeResultSchema, DynamicGradeSchema, GradeSchema } from './grade.js';
export type { Inspection, InspectionInput, InspectionItem } from './inspection.js';
export { InspectionInputSchema, InspectionItemSchema, InspectionSchema } from './inspection.js';
export type {
  Countersign,
  InspectionAnswer,
  InspectionRecord,
  InspectionRecorded,
  InspectionRecordInput,
  InspectionRecordPage,
  InspectionResult,
  InspectionType,
} from './inspection-record.js';
export {
  CountersignSchema,
  INSPECTION_ITEM_PHOTOS_MAX,
  INSPECTION_RESULTS,
  INSPECTION_TYPES,
  InspectionAnswerSchema,
  InspectionRecordedSchema,
  InspectionRecordInputSchema,
  InspectionRecordPageSchema,
  InspectionRecordSchema,
} from './inspection-record.js';
export type {
  ChainAnchor,
  ChainVerification,
  LedgerEntry,
  LedgerExport,
  LedgerSubmitAnswer,
} from './ledger-entry.js';
export {
  ChainAnchorSchema,
  ChainVerificationSchema,
  LedgerEntrySchema,
  LedgerExportSchema,
  LedgerIssueSchema,
  LedgerSubmitAnswerSchema,
} from './ledger-entry.js';
export type { LedgerPhoto, LedgerPhotoUpload } from './ledger-photo.js';
export {
  base64ToBytes,
  LEDGER_PHOTO_MAX_BYTES,
  LEDGER_PHOTO_REF,
  LedgerPhotoRefSchema,
  LedgerPhotoSchema,
  LedgerPhotoUploadSchema,
} from './ledger-photo.js';
export type { Notice, NoticeAnswerInput, NoticeInput, NoticeSenderRole } from './notice.js';
export { NOTICE_SENDER_ROLES, NoticeAnswerInputSchema, NoticeInputSchema, NoticeSchema } from './notice.js';
export type { OpenGrade, OpenGradesPage } from './open-data.js';
export { OpenGradeSchema, OpenGradesPageSchema } from './open-data.js';
export type { ParseLimits, ParseOptions } from './parse.js';
export { DEFAULT_PARSE_LIMITS, parse, toFieldIssue } from './parse.js';
export type { Coordinates } from './primitives.js';
export {
  CoordinatesSchema,
  CountSchema,
  DaySchema,
  IdSchema,
  InstantSchema,
  LocalizedTextSchema,
  RatioSchema,
  TimeZoneSchema,
  UrlSchema,
} from './primitives.js';
export type { PublicListEntry, PublicLists } from './public-lists.js';
export {
  LIST_PERIOD,
  ListPeriodSchema,
  PUBLIC_LIST_MAX,
  PublicListEntrySchema,
  PublicListsSchema,
} from './public-lists.js';
export type {
  LedgerCompletion,
  LedgersToday,
  LiveVideo,
  MorningCheckCompletion,
  PublicVenueProfile,
  ViolationCounts,
} from './public-profile.js';
export {
  LedgerCompletionSchema,
  LedgersTodaySchema,
  LiveVideoSchema,
  MorningCheckCompletionSchema,
  PublicVenueProfileSchema,
  ViolationCountsSchema,
} from './public-profile.js';
export type { FaceCounts, Rating, RatingFaces, RatingInput, RatingSummary } from './rating.js';
export {
  FaceCountsSchema,
  RatingFacesSchema,
  RatingInputSchema,
  RatingSchema,
  RatingSummarySchema,
  summarizeRatings,
} from './rating.js';
export type { Reading } from './reading.js';
export { MetricSchema, ReadingSchema } from './reading.js';
export type {
  Rectification,
  RectificationInput,
  RectificationPage,
  RectificationReinspectionInput,
  RectificationResponse,
  RectificationResponseInput,
  RectificationReview,
  RectificationReviewInput,
  RectificationSource,
  RectificationSourceKind,
  RectificationState,
} from './rectification.js';
export {
  RECTIFICATION_OVERDUE,
  RECTIFICATION_PHOTOS_MAX,
  RECTIFICATION_SOURCE_KINDS,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATE_LABELS,
  RECTIFICATION_STATES,
  RectificationInputSchema,
  RectificationPageSchema,
  RectificationReinspectionInputSchema,
  RectificationResponseInputSchema,
  RectificationResponseSchema,
  RectificationReviewInputSchema,
  RectificationReviewSchema,
  RectificationSchema,
  RectificationSourceSchema,
  rectificationOverdue,
} from './rectification.js';
export type { Region, RegionInput } from './region.js';
export { RegionInputSchema, RegionSchema } from './region.js';
export type {
  SamplingInspector,
  SamplingInspectorList,
  SamplingItem,
  SamplingResultInput,
  SamplingSourceKind,
  SamplingTask,
  SamplingTaskInput,
  SamplingTaskPage,
  SamplingTaskState,
} from './sampling.js';
export {
  SAMPLING_DEFAULT_OBLIGATION,
  SAMPLING_SOURCE_KINDS,
  SAMPLING_STATE_LABELS,
  SAMPLING_TASK_STATES,
  SamplingInspectorListSchema,
  SamplingInspectorSchema,
  SamplingItemSchema,
  SamplingResultInputSchema,
  SamplingTaskInputSchema,
  SamplingTaskPageSchema,
  SamplingTaskSchema,
} from './sampling.js';
export type { Staff, StaffCertificate, StaffInput, StaffPatch } from './staff.js';
export {
  hasLeft,
  PhoneSchema,
  STAFF_FIELD_LABELS,
  StaffCertificateSchema,
  StaffInputSchema,
  StaffPatchSchema,
  StaffSchema,
} from './staff.js';
export type {
  PublicTip,
  PublicTips,
  Tip,
  TipInput,
  TipKind,
  TipPage,
  TipState,
  TipSubscribeInput,
  TipSubscription,
  TipSubscriptions,
  TipWithdrawInput,
} from './tip.js';
export {
  PublicTipSchema,
  PublicTipsSchema,
  TIP_KIND_LABELS,
  TIP_KINDS,
  TIP_STATE_LABELS,
  TIP_STATES,
  TIP_SUBSCRIPTION_MAX,
  TIP_VALIDITY_MAX_DAYS,
  TipInputSchema,
  TipPageSchema,
  TipSchema,
  TipSubscribeInputSchema,
  TipSubscriptionSchema,
  TipSubscriptionsSchema,
  TipWithdrawInputSchema,
  tipState,
} from './tip.js';
export type { Me, Member, MemberInput, Membership, PublicUser, VenueRole } from './user.js';
export {
  MemberInputSchema,
  MemberSchema,
  MembershipSchema,
  MeSchema,
  PublicUserSchema,
  VENUE_ROLES,
} from './user.js';
export type { Licence, LicenceStatus, Venue, VenueInput, VenuePatch } from './venue.js';
export {
  LICENCE_EXPIRING_DAYS,
  LICENCE_STATUSES,
  LicenceSchema,
  licenceStatus,
  MealPlanSchema,
  PublicCodeSchema,
  VenueInputSchema,
  VenuePatchSchema,
  VenueSchema,
} from './venue.js';
export type { Violation, ViolationTypeOrUnknown } from './violation.js';
export { VIOLATION_TYPES_OR_UNKNOWN, ViolationSchema } from './violation.js';
