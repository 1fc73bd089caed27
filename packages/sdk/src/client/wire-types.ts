/**
 * Answer shapes of docs/api.md that the SDK's domain does not define (yet).
 * TODO(domain): move each to packages/sdk/src/domain as a valibot schema when the server's
 * routes need one; the client will then import it from there instead.
 */

import type { ChainReport } from '../chain/verify-chain.js';
import type { LedgerKind, Role, VenueKind } from '../domain/enums.js';
import type { Grade } from '../domain/grade.js';
import type { LedgerRecord } from '../domain/ledger.js';
import type { RatingSummary } from '../domain/rating.js';
import type { LedgerIssue } from '../rules/ledger/context.js';

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

/** The error body every failing route answers (docs/api.md, Errors). */
export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

/** TODO(domain/user): the `user` of the login answer (server: schemas/auth.ts `PublicUserSchema`). */
export interface AuthUser {
  readonly id: string;
  readonly role: Role;
  readonly displayName: string;
  readonly login: string | null;
}

/** A venue role of an operator user. */
export type VenueRole = Extract<Role, 'operator_staff' | 'operator_manager'>;

/** TODO(domain/user): `GET /v1/me` (server: `MeSchema`). */
export interface Me {
  readonly user: AuthUser;
  readonly memberships: readonly { readonly venueId: string; readonly role: VenueRole }[];
  readonly regionIds: readonly string[];
}

/** TODO(domain/user): a user and their role at a venue (`/v1/venues/{id}/members`). */
export interface Member {
  readonly userId: string;
  readonly role: VenueRole;
  readonly displayName: string;
  readonly login: string | null;
  readonly staffId?: string;
}

/** Body of `POST /v1/venues/{id}/members`: an existing user (id or login) or a new one (login, password ≥ 8). TODO(domain/user). */
export interface MemberInput {
  readonly userId?: string;
  readonly login?: string;
  readonly password?: string;
  readonly displayName?: string;
  readonly role: VenueRole;
  readonly staffId?: string;
}

/**
 * A stored ledger record with its place in the venue's hash chain; assignable to the chain's
 * `ChainedEntry`, so `verifyChain(exported.records)` works offline. TODO(domain): a schema for it.
 */
export interface LedgerEntry {
  readonly id: string;
  readonly venueId: string;
  readonly seq: number;
  readonly kind: LedgerKind;
  readonly localDay: string;
  readonly record: LedgerRecord;
  readonly issues: readonly LedgerIssue[];
  readonly hash: string;
  readonly prevHash: string;
  readonly createdAt: string;
  /** Nothing may be deleted before this instant (REGULATIONS.md retention). */
  readonly retainUntil: string;
}

/** `POST /v1/venues/{id}/ledgers`: the stored record and the rules' warnings (kept records may warn). */
export interface LedgerSubmitAnswer {
  readonly record: LedgerEntry;
  readonly issues: readonly LedgerIssue[];
}

/** `GET /v1/venues/{id}/ledgers/chain/verify`: the server's `verifyChain` report. */
export type ChainVerification = ChainReport;

/** `GET /v1/venues/{id}/ledgers/export`: records with hashes, verifiable offline with `verifyChain`. */
export interface LedgerExport {
  readonly venueId: string;
  readonly exportedAt: string;
  readonly hashAlgorithm: string;
  /** Where the chain starts when older records were purged after retention; pass to `verifyChain`. */
  readonly anchor: { readonly seq: number; readonly prevHash: string } | null;
  readonly records: readonly LedgerEntry[];
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
