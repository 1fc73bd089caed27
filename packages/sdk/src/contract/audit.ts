/**
 * The audit log on the wire: security-relevant actions (logins, failed logins and lock-outs, membership
 * changes, device and gateway registration, device removal, rule-profile changes, ledger exports), as
 * `GET /v1/audit` lists them to admins (everything) and regulators (their regions' entries).
 */
import * as v from 'valibot';
import { ROLES } from '../domain/enums.js';
import { IdSchema, InstantSchema } from '../domain/primitives.js';
import { pageSchema } from './page.js';

/** What an audit entry records. */
export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'login.locked',
  'membership.added',
  'device.registered',
  'device.removed',
  'gateway.created',
  'rule_profile.changed',
  'ledgers.exported',
  'certificate.revoked',
] as const;
/** One of {@link AUDIT_ACTIONS}. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One action: who (when known), what, where (venue, region), on what, from which address. */
export const AuditEntrySchema = v.object({
  id: IdSchema,
  at: InstantSchema,
  action: v.picklist(AUDIT_ACTIONS),
  actorId: v.optional(IdSchema),
  actorRole: v.optional(v.picklist(ROLES)),
  venueId: v.optional(IdSchema),
  regionId: v.optional(IdSchema),
  /** The login tried, the member added, the device registered … */
  subject: v.optional(v.pipe(v.string(), v.maxLength(200))),
  ip: v.optional(v.pipe(v.string(), v.maxLength(64))),
  details: v.optional(v.record(v.string(), v.unknown())),
});
/**
 * One action: who (when known), what, where (venue, region), on what, from which address. Type of {@link
 * AuditEntrySchema}.
 */
export type AuditEntry = v.InferOutput<typeof AuditEntrySchema>;

/** `GET /v1/audit`: newest first. */
export const AuditPageSchema = pageSchema(AuditEntrySchema);
