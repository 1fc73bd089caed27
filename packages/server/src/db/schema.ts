/**
 * Row types of every table, as Kysely sees them. Portable choices: ids and instants are text
 * (ISO 8601 UTC, so they sort), JSON is text (`parseJson`/`toJson`), flags are integers 0/1.
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
}

export interface StaffTable {
  id: string;
  venue_id: string;
  name: string;
  role: string;
  /** The full staff object (certificates included) as the SDK's schema describes it (JSON). */
  data: string;
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
  complaints: ComplaintsTable;
  complaint_photos: ComplaintPhotosTable;
  alerts: AlertsTable;
  notification_log: NotificationLogTable;
}
