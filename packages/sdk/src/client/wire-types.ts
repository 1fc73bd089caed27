/**
 * Transport shapes of docs/api.md that are not domain entities (paging, the error body, list queries).
 * Bodies and answers are the wire contract's types (`../contract/`, `../domain/`), re-exported here for the
 * resource clients: the client imports types only, so their schemas stay out of its bundle.
 */

import type { ApiErrorBody } from '../contract/errors-body.js';
import type { LedgerKind } from '../domain/enums.js';
import type { PublicUser } from '../domain/user.js';

export type {
  ChainVerification,
  LedgerEntry,
  LedgerExport,
  LedgerSubmitAnswer,
} from '../domain/ledger-entry.js';
export type { OpenGrade } from '../domain/open-data.js';
export type { Me, Member, MemberInput, VenueRole } from '../domain/user.js';

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

/** The error body every failing route answers (docs/api.md, Errors): the contract's `ApiErrorBody`. */
export type ErrorBody = ApiErrorBody;

/** The `user` of a login answer: the domain's `PublicUser`. */
export type AuthUser = PublicUser;

/** Query of `GET /v1/venues/{id}/ledgers`. */
export interface LedgerListQuery extends PageQuery {
  readonly kind?: LedgerKind;
  /** ISO instant or day, inclusive. */
  readonly from?: string;
  readonly to?: string;
}
