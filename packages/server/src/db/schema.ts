/**
 * Row types of every table, as Kysely sees them. Portable choices: ids and instants are text
 * (ISO 8601 UTC, so they sort), JSON is text (`toJson`, read back checked with `readJson`), flags are integers 0/1.
 */

export interface RegionsTable {
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  created_at: string;
}

export interface VenuesTable {
  id: string;
  region_id: string;
  public_code: string;
  name: string;
  kind: string;
  time_zone: string;
  /** The full venue object as the SDK's schema describes it (JSON). */
  data: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  /** The licence number (from `data`), unique: the key registers are imported by (migration 044). */
  licence_no: string | null;
}

export interface UsersTable {
  id: string;
  login: string | null;
  password_hash: string | null;
  display_name: string;
  /** The user's kind: one of the SDK's ROLES (operators' venue roles come from memberships). */
  role: string;
  wechat_openid: string | null;
  wechat_unionid: string | null;
  /** A consumer's verified mobile number (11 digits), unique: H5 sign-in by SMS code. */
  phone: string | null;
  disabled_at: string | null;
  created_at: string;
}

export interface MembershipsTable {
  user_id: string;
  venue_id: string;
  /** operator_staff | operator_manager */
  role: string;
  staff_id: string | null;
  created_at: string;
}

export interface RegulatorRegionsTable {
  user_id: string;
  region_id: string;
}

export interface PartnerKeysTable {
  key_id: string;
  /** The shared HMAC secret (needed in clear to verify signatures). */
  secret: string;
  name: string;
  user_id: string;
  revoked_at: string | null;
  created_at: string;
}

export interface RefreshTokensTable {
  /** sha256 of the token: the token itself is never stored. */
  token_hash: string;
  user_id: string;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
  /** The login it was rotated from (null for tokens issued before session families). */
  family_id: string | null;
}

/** One login and everything rotated from it; revoked when a spent refresh token comes back. */
export interface SessionFamiliesTable {
  id: string;
  user_id: string;
  revoked_at: string | null;
  revoked_reason: string | null;
  created_at: string;
}

export interface StaffTable {
  id: string;
  venue_id: string;
  name: string;
  role: string;
  /** The full staff object (certificates included) as the SDK's schema describes it (JSON). */
  data: string;
  /** The last day worked (`YYYY-MM-DD`) of someone who left; null while on the staff. */
  left_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface LedgerRecordsTable {
  id: string;
  venue_id: string;
  seq: number;
  kind: string;
  local_day: string;
  body: string;
  issues: string;
  hash: string;
  prev_hash: string;
  idempotency_key: string;
  /** sha256 of the request body, to tell a retry from a reuse of the key. */
  request_hash: string;
  created_by: string;
  created_at: string;
  retain_until: string;
  /** 2: the hash covers every column above (`hashLedgerEntryV2`); 1: records stored before it (`hashLedgerEntry`). */
  hash_version: number;
}

/** A retention purge's signed statement: records `from_seq`…`seq` of the venue were removed; `hash` was seq's. */
export interface LedgerCheckpointsTable {
  venue_id: string;
  from_seq: number;
  seq: number;
  hash: string;
  purged_at: string;
  /** Ed25519 of the SDK's `checkpointMessage`, base64. */
  signature: string;
}

/** A published root over every venue's chain head (the SDK's `LedgerRootStatement`) and its signature. */
export interface LedgerRootsTable {
  seq: number;
  day: string;
  computed_at: string;
  size: number;
  root: string;
  prev_root: string | null;
  key_id: string;
  signature: string;
}

/** The chain heads a root was computed from, in leaf order. */
export interface LedgerRootLeavesTable {
  root_seq: number;
  position: number;
  venue_id: string;
  seq: number;
  hash: string;
}

export interface RatingsTable {
  id: string;
  venue_id: string;
  consumer_id: string;
  local_day: string;
  dishes: string;
  hygiene: string;
  service: string;
  comment: string | null;
  created_at: string;
}

export interface NoticesTable {
  id: string;
  venue_id: string;
  sender_id: string;
  sender_role: string;
  state: string;
  data: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  created_at: string;
}

/** A rectification notice (migration 073): the SDK's `Rectification` (without `overdue`) in `data`. */
export interface RectificationsTable {
  id: string;
  venue_id: string;
  /** `RectificationState`. */
  state: string;
  /** The local day (venue's zone) by which it must be accepted. */
  deadline: string;
  source_kind: string;
  source_id: string | null;
  reinspect_on: string | null;
  issued_by: string;
  data: string;
  created_at: string;
  /** Set once, with the overdue alert. */
  escalated_at: string | null;
  escalation_alert_id: string | null;
}

/** A tip or consumer alert of a region (migration 077). */
export interface TipsTable {
  id: string;
  region_id: string;
  /** `TipKind`. */
  kind: string;
  title: string;
  body: string;
  link: string | null;
  valid_from: string;
  valid_until: string;
  created_by: string;
  created_at: string;
  withdrawn_at: string | null;
  withdraw_reason: string | null;
  /** Set once, by whoever starts sending a consumer alert's subscribe messages. */
  notify_claimed_at: string | null;
}

/** A consumer's opt-in to a region's consumer alerts (migration 077). */
export interface TipSubscriptionsTable {
  user_id: string;
  region_id: string;
  remaining: number;
  updated_at: string;
}

/** One subscribe message of a consumer alert to one consumer (migration 077): `sending`, `delivered`, `failed`. */
export interface TipDeliveriesTable {
  tip_id: string;
  user_id: string;
  status: string;
  error: string | null;
  created_at: string;
  updated_at: string;
}

/** A legal duty or operating procedure (migration 078): `kinds` is a JSON array of venue kinds. */
export interface DutiesTable {
  id: string;
  region_id: string;
  category: string;
  kinds: string;
  title: string;
  body: string;
  basis: string | null;
  link: string | null;
  published_by: string;
  created_at: string;
}

/** A venue read a duty (migration 078). */
export interface DutyReceiptsTable {
  duty_id: string;
  venue_id: string;
  user_id: string;
  read_at: string;
}

/** A sampling task (migration 074): the SDK's `SamplingTask` in `data`. */
export interface SamplingTasksTable {
  id: string;
  venue_id: string;
  inspector_id: string;
  /** `SamplingTaskState`. */
  state: string;
  created_by: string;
  data: string;
  created_at: string;
}

export interface ComplaintsTable {
  id: string;
  venue_id: string;
  sender_id: string;
  state: string;
  data: string;
  photo_count: number;
  created_at: string;
}

export interface ComplaintPhotosTable {
  complaint_id: string;
  n: number;
  content_type: string;
  bytes: Uint8Array;
}

export interface LedgerPhotosTable {
  venue_id: string;
  sha256: string;
  content_type: string;
  size: number;
  bytes: Uint8Array;
  created_by: string;
  created_at: string;
}

export interface RegionRuleProfilesTable {
  region_id: string;
  overrides: string;
  updated_by: string;
  updated_at: string;
}

export interface AlertsTable {
  id: string;
  venue_id: string;
  /** One of the SDK's ALERT_SOURCES. */
  source: string;
  /** What went wrong: a rule code (`LEDGER_MORNING_FEVER`) or a violation type (`no_hat`). */
  type: string;
  severity: string;
  state: string;
  /** The device, staff member or ledger record id the alert is about. */
  subject: string | null;
  /** LocalizedText (JSON). */
  message: string;
  /** JSON object or null. */
  details: string | null;
  opened_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
  corrective_action: string | null;
}

export interface NotificationLogTable {
  id: string;
  alert_id: string | null;
  channel: string;
  target: string;
  payload: string;
  status: string;
  created_at: string;
}

export interface InspectionsTable {
  id: string;
  venue_id: string;
  inspector: string;
  /** The venue-local day of the inspection. */
  date: string;
  /** The checklist items (the SDK's `InspectionItem[]`, JSON). */
  items: string;
  total: number;
  /** Total ÷ items checked (0–10). */
  score: number;
  created_by: string | null;
  created_at: string;
  /** Key items failed (关键项不合格数). */
  key_failures: number;
  /** Other (general) items failed (一般项不合格数). */
  other_failures: number;
  /** The kind of inspection as the register names it (日常检查, 专项检查 …); null when not given. */
  type: string | null;
  /** The result as the register words it (符合, 基本符合, 不符合 …); null when not given. */
  result: string | null;
  /** `recorded` here, or `imported` from a bureau's register. */
  source: string;
  /** Recorded on the phone (migration 072; absent for seeded and imported history): the SDK's answers (JSON). */
  answers?: string | null;
  inspector_id?: string | null;
  /** The inspector's signature: a `sha256:` ref in the venue's photo store. */
  inspector_signature?: string | null;
  /** The SDK's `Countersign` (JSON). */
  countersign?: string | null;
  remark?: string | null;
}

/** A computed pair of red and black lists (migration 079); `data` holds the SDK's entries (JSON). */
export interface ListSetsTable {
  id: string;
  region_id: string;
  /** `YYYY-MM` or `YYYY-Qn`. */
  period: string;
  /** '' for the whole region. */
  scope_name: string;
  state: string;
  data: string;
  /** When the draft was computed. */
  created_at: string;
  computed_by: string;
  published_at: string | null;
  published_by: string | null;
}

/** A venue on a published list. */
export interface ListMembersTable {
  list_id: string;
  venue_id: string;
  list: string;
}

/** Each venue's grades as last computed (migration 072; `refreshGrades`). */
export interface VenueGradesTable {
  venue_id: string;
  /** `GradeFace`; null when never inspected. */
  dynamic_face: string | null;
  dynamic_score: number | null;
  inspected_on: string | null;
  /** `NoGradeReason[]` (JSON). */
  no_grade_reasons: string;
  /** `AnnualGrade`; null without an inspection in the past 12 months. */
  annual_grade: string | null;
  annual_average: number | null;
  annual_year: number | null;
  computed_at: string;
}

/** A registered device (see migration 010-devices). `data` is the SDK Device plus its ingestion config (JSON). */
export interface DevicesTable {
  id: string;
  venue_id: string;
  vendor: string;
  kind: string;
  location_kind: string;
  name: string;
  /** The vendor-side identity the device is found by: its binding topic, else its address. */
  binding_key: string;
  /** sha256 of the device secret (high-entropy, generated by the server). */
  secret_hash: string;
  data: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface DeviceStatusTable {
  device_id: string;
  /** 1 online, 0 offline, null unknown. */
  online: number | null;
  last_seen_at: string | null;
  /** Last value per metric (JSON). */
  readings: string;
  /** Conversion failures per rejection code (JSON). */
  failures: string;
  failure_count: number;
  last_failure: string | null;
  updated_at: string;
}

export interface ReadingsTable {
  device_id: string;
  venue_id: string;
  metric: string;
  channel: string | null;
  value: number;
  unit: string;
  time: string;
}

export interface ThresholdStatesTable {
  device_id: string;
  metric: string;
  /** The SDK ThresholdState (JSON). */
  state: string;
  updated_at: string;
  /** When the clock must next step the state (epoch ms; shared states, 058), else null. */
  due_at?: number | null;
}

export interface AlertSnapshotsTable {
  alert_id: string;
  content_type: string;
  bytes: Uint8Array;
  created_at: string;
}

export interface AlertNotificationsTable {
  id: string;
  alert_id: string;
  venue_id: string;
  repeat: number;
  level: string;
  due_at: string;
  channel: string;
  recipient: string;
  /** pending | delivered | failed */
  status: string;
  attempts: number;
  error: string | null;
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeviceSchedulesTable {
  device_id: string;
  runs: string;
  updated_by: string;
  updated_at: string;
}

export interface DisinfectionRunsTable {
  id: string;
  device_id: string;
  venue_id: string;
  started_at: string;
  ended_at: string | null;
  duration_s: number | null;
  required_s: number;
  /** running | ok | short */
  status: string;
}

export interface EngineCursorsTable {
  name: string;
  value: string;
}

/** An edge gateway of one venue (its secret hashed like a device's). */
export interface GatewaysTable {
  id: string;
  venue_id: string;
  name: string;
  secret_hash: string;
  created_by: string;
  created_at: string;
  disabled_at: string | null;
}

/** A machine push already answered: `scope` (who + what), its key, the body hash and the answer (JSON). */
export interface IngestRequestsTable {
  scope: string;
  request_key: string;
  request_hash: string;
  response: string;
  created_at: string;
}

/** First answers of idempotent writes other than ledgers (migration 020). */
export interface IdempotentRequestsTable {
  principal_id: string;
  /** `METHOD /route/:pattern {decoded params}`: one write whatever the encoding of its URL. */
  route: string;
  key: string;
  request_hash: string;
  /** The first answer's HTTP status; 0 while the first request is still running. */
  status: number;
  /** The first answer (JSON). */
  body: string;
  created_at: string;
}

/** A partner signature seen, kept until its timestamp window has passed (replay refusal). */
/** A per-IP limiter's count for one address in the current window (shared by a cluster's instances). */
export interface RateCountersTable {
  key: string;
  count: number;
  window_start: number;
}

/** A user connected to an external broker with an access token (EMQX's authorization hook reads it). */
export interface BrokerSessionsTable {
  client_id: string;
  username: string;
  user_id: string;
  role: string;
  session_id: string | null;
  expires_at: string;
}

/** A user's realtime access provisioned on Mosquitto's dynamic security, until its token expires (081). */
export interface BrokerGrantsTable {
  username: string;
  expires_at: string;
}

export interface ReplayGuardsTable {
  signature: string;
  expires_at: string;
}

/** Wrong passwords in a row for one login, and until when it is locked. */
export interface LoginLocksTable {
  login: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

/** What one consumer sent on one local day (`kind`: ratings, notices, complaints, photoBytes). */
export interface ConsumerQuotasTable {
  user_id: string;
  local_day: string;
  kind: string;
  used: number | string;
}

/** The live SMS sign-in code of one phone number (hashed), its expiry and wrong tries, and its sending count today. */
export interface SmsCodesTable {
  phone: string;
  code_hash: string;
  expires_at: string;
  attempts: number;
  sent_at: string;
  local_day: string;
  sent_on_day: number;
}

/** One security-relevant action (SDK `AuditEntry`); `details` is JSON. */
export interface AuditLogTable {
  id: string;
  at: string;
  action: string;
  actor_id: string | null;
  actor_role: string | null;
  venue_id: string | null;
  region_id: string | null;
  subject: string | null;
  ip: string | null;
  details: string | null;
}

/** A course of the library (042): the SDK's `Course` in `data` (without a learner's progress). */
export interface TrainingCoursesTable {
  id: string;
  /** `null`: the national default set. */
  region_id: string | null;
  title: string;
  state: string;
  data: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** A question of the bank with its key (the SDK's `Question` in `data`). `scope`: region id or `national`. */
export interface TrainingQuestionsTable {
  id: string;
  region_id: string | null;
  scope: string;
  topic: string;
  kind: string;
  /** The stem made comparable (SDK `stemKey`): one per scope. */
  stem_key: string;
  state: string;
  /** `default` (the national set), `import`. */
  source: string;
  data: string;
  created_by: string;
  created_at: string;
}

export interface TrainingExamsTable {
  id: string;
  region_id: string | null;
  course_id: string | null;
  title: string;
  state: string;
  /** The SDK's `Exam`. */
  data: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** One attempt: the paper drawn (questions with their keys, JSON), its clock, its result once closed. */
export interface TrainingAttemptsTable {
  id: string;
  exam_id: string;
  user_id: string;
  staff_id: string;
  venue_id: string;
  region_id: string;
  state: string;
  exam_title: string;
  /** Percent. */
  pass_score: number;
  attempt_no: number;
  attempts_allowed: number;
  /** `open` while under way, `null` once closed (unique per exam and staff member). */
  open_key: string | null;
  started_at: string;
  deadline: string;
  submitted_at: string | null;
  paper: string;
  score_tenths: number | null;
  passed: number | null;
  /** The SDK's `AttemptResult` (JSON). */
  result: string | null;
}

export interface TrainingAnswersTable {
  attempt_id: string;
  question_id: string;
  /** The SDK's `ExamAnswer` (JSON). */
  answer: string;
  saved_at: string;
}

export interface TrainingProgressTable {
  user_id: string;
  course_id: string;
  lesson_id: string;
  staff_id: string | null;
  venue_id: string | null;
  completed_at: string;
}

export interface TrainingCertificatesTable {
  id: string;
  code: string;
  staff_id: string;
  user_id: string | null;
  venue_id: string;
  region_id: string;
  exam_id: string;
  attempt_id: string | null;
  holder_name: string;
  role: string | null;
  venue_name: string;
  course_title: string;
  score_tenths: number | null;
  issued_on: string;
  /** Valid through this (venue-local) day. */
  expires_on: string;
  revoked_at: string | null;
  created_at: string;
}

export interface TrainingSettingsTable {
  region_id: string;
  certificate_valid_months: number;
  updated_by: string;
  updated_at: string;
}

/** One fit of a risk model (kept: a ranking as of a past day uses the model in force then). */
export interface RiskModelsTable {
  id: string;
  /** The region learned from, or `all`. */
  scope: string;
  fitted_at: string;
  /** `learned` or `prior`. */
  source: string;
  intercept: number;
  /** JSON: factor code → coefficient. */
  coefficients: string;
  auc: number | null;
  inspections: number;
  key_failed: number;
  held_out: number;
  /** JSON: factor code → pinned coefficient. */
  pins: string;
  updated_by: string | null;
}

/** A venue's camera channel (migration 070): the SDK's `CameraChannelInput` as JSON in `data`. */
export interface CameraChannelsTable {
  id: string;
  venue_id: string;
  data: string;
  /** 1 when consumers may watch it (within its hours). */
  is_public: number;
  /** Since when the source has been unreachable; null while it streams or idles. */
  unavailable_since: string | null;
  created_at: string;
  updated_at: string;
}

export interface DB {
  regions: RegionsTable;
  venues: VenuesTable;
  users: UsersTable;
  memberships: MembershipsTable;
  regulator_regions: RegulatorRegionsTable;
  partner_keys: PartnerKeysTable;
  refresh_tokens: RefreshTokensTable;
  staff: StaffTable;
  ledger_records: LedgerRecordsTable;
  ratings: RatingsTable;
  notices: NoticesTable;
  rectifications: RectificationsTable;
  sampling_tasks: SamplingTasksTable;
  tips: TipsTable;
  tip_subscriptions: TipSubscriptionsTable;
  tip_deliveries: TipDeliveriesTable;
  duties: DutiesTable;
  duty_receipts: DutyReceiptsTable;
  complaints: ComplaintsTable;
  complaint_photos: ComplaintPhotosTable;
  ledger_photos: LedgerPhotosTable;
  region_rule_profiles: RegionRuleProfilesTable;
  alerts: AlertsTable;
  notification_log: NotificationLogTable;
  inspections: InspectionsTable;
  venue_grades: VenueGradesTable;
  list_sets: ListSetsTable;
  list_members: ListMembersTable;
  devices: DevicesTable;
  device_status: DeviceStatusTable;
  readings: ReadingsTable;
  threshold_states: ThresholdStatesTable;
  alert_snapshots: AlertSnapshotsTable;
  alert_notifications: AlertNotificationsTable;
  device_schedules: DeviceSchedulesTable;
  disinfection_runs: DisinfectionRunsTable;
  engine_cursors: EngineCursorsTable;
  gateways: GatewaysTable;
  ingest_requests: IngestRequestsTable;
  idempotent_requests: IdempotentRequestsTable;
  replay_guards: ReplayGuardsTable;
  rate_counters: RateCountersTable;
  broker_sessions: BrokerSessionsTable;
  broker_grants: BrokerGrantsTable;
  camera_channels: CameraChannelsTable;
  session_families: SessionFamiliesTable;
  login_locks: LoginLocksTable;
  consumer_quotas: ConsumerQuotasTable;
  sms_codes: SmsCodesTable;
  audit_log: AuditLogTable;
  ledger_checkpoints: LedgerCheckpointsTable;
  ledger_roots: LedgerRootsTable;
  ledger_root_leaves: LedgerRootLeavesTable;
  training_courses: TrainingCoursesTable;
  training_questions: TrainingQuestionsTable;
  training_exams: TrainingExamsTable;
  training_attempts: TrainingAttemptsTable;
  training_answers: TrainingAnswersTable;
  training_progress: TrainingProgressTable;
  training_certificates: TrainingCertificatesTable;
  training_settings: TrainingSettingsTable;
  risk_models: RiskModelsTable;
}
