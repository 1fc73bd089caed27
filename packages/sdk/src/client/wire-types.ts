/**
 * Answer shapes of docs/api.md that the SDK's domain does not define (yet).
 * TODO(domain): move each to packages/sdk/src/domain as a valibot schema when the server's
 * routes need one; the client will then import it from there instead.
 */
import type { LedgerRecord } from '../domain/ledger.js';
import type { Grade } from '../domain/grade.js';
import type { RatingSummary } from '../domain/rating.js';
import type { LedgerKind, Role, VenueKind } from '../domain/enums.js';
import type { RuleIssue } from './errors/rule-error.js';

/** One page of a list route: `?limit=&cursor=` in, `{ items, nextCursor }` out. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** Paging parameters every list route takes. */
export interface PageQuery {
  /** Default 50, at most 500. */
  readonly limit?: number;
  readonly cursor?: string;
}

/** TODO(domain/user): the `user` of the login answer. */
export interface AuthUser {
  readonly id: string;
  readonly role: Role;
  readonly displayName?: string;
  readonly login?: string;
}

/** TODO(domain/user): `GET /v1/me`. */
export interface Me {
  readonly user: AuthUser;
  readonly memberships: readonly { readonly venueId: string; readonly role: Role }[];
  readonly regionIds: readonly string[];
}

/** TODO(domain/user): a user and their role at a venue (`/v1/venues/{id}/members`). */
export interface Member {
  readonly userId: string;
  readonly role: Role;
  readonly displayName?: string;
  readonly login?: string;
  readonly staffId?: string;
}

/** Body of `POST /v1/venues/{id}/members`. TODO(domain/user). */
export interface MemberInput {
  readonly userId?: string;
  readonly login?: string;
  readonly password?: string;
  readonly displayName?: string;
  readonly role: Extract<Role, 'operator_staff' | 'operator_manager'>;
  readonly staffId?: string;
}

/** TODO(domain/ledger-chain): a stored ledger record with its place in the venue's hash chain. */
export interface LedgerEntry {
  readonly id: string;
  readonly venueId: string;
  readonly seq: number;
  readonly kind: LedgerKind;
  readonly localDay: string;
  readonly record: LedgerRecord;
  readonly issues: readonly RuleIssue[];
  readonly hash: string;
  readonly prevHash: string;
  readonly createdAt: string;
}

/** `POST /v1/venues/{id}/ledgers`: the stored record and the rules' warnings (kept records may warn). */
export interface LedgerSubmitAnswer {
  readonly record: LedgerEntry;
  readonly issues: readonly RuleIssue[];
}

/** `GET /v1/venues/{id}/ledgers/chain/verify`. */
export interface ChainVerification {
  readonly ok: boolean;
  readonly length: number;
  readonly brokenAt?: number;
}

/** `GET /v1/venues/{id}/ledgers/export`: records with hashes, verifiable offline. TODO(domain/ledger-chain). */
export interface LedgerExport {
  readonly venueId: string;
  readonly records: readonly LedgerEntry[];
  readonly [extra: string]: unknown;
}

/** Query of `GET /v1/venues/{id}/ledgers`. */
export interface LedgerListQuery extends PageQuery {
  readonly kind?: LedgerKind;
  /** ISO instant or day, inclusive. */
  readonly from?: string;
  readonly to?: string;
}

/** One venue in the open data (`GET /v1/open/grades`). TODO(domain/open-data). */
export interface OpenGrade {
  readonly venueId: string;
  readonly name: string;
  readonly kind: VenueKind;
  readonly regionId: string;
  readonly publicCode?: string;
  readonly grade: Grade;
  readonly rating: RatingSummary;
}
