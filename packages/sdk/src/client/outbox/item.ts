import type { BrightKitchenErrorJSON } from '../errors/bright-kitchen-error.js';

/**
 * The writes that go through the outbox: people's records, and machines' traffic — `device` (an edge
 * gateway's relayed or normalized device events) and `violation` (a partner's AI violations).
 */
export const OUTBOX_KINDS = [
  'ledger',
  'ledger-photo',
  'rating',
  'notice',
  'complaint',
  'inspection',
  'rectification-response',
  'device',
  'violation',
] as const;
/** One of {@link OUTBOX_KINDS}: what a queued write creates. */
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * One write waiting to be sent. Stored as JSON: the idempotency key is made once, at enqueue,
 * and sent with every attempt, also after a restart, so a retry never makes a second record.
 */
export interface OutboxItem {
  readonly id: string;
  readonly kind: OutboxKind;
  readonly idempotencyKey: string;
  readonly path: string;
  readonly body: unknown;
  /** Epoch ms. */
  readonly enqueuedAt: number;
  /** Failed attempts so far. */
  readonly attempts: number;
  readonly lastError?: BrightKitchenErrorJSON;
}

/** A write the server refused; kept (most recent first, bounded) so the app can show why. */
export interface RejectedItem {
  readonly item: OutboxItem;
  readonly error: BrightKitchenErrorJSON;
  /** Epoch ms. */
  readonly rejectedAt: number;
}

/** What became of one write: the server's answer, or its refusal. */
export type OutboxOutcome =
  | { readonly state: 'sent'; readonly item: OutboxItem; readonly status: number; readonly result: unknown }
  | { readonly state: 'failed'; readonly item: OutboxItem; readonly error: BrightKitchenErrorJSON };
