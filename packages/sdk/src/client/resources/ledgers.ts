import type { LedgersToday } from '../../domain/public-profile.js';
import type { LedgerRecord } from '../../domain/ledger.js';
import type { QueuedWrite } from '../outbox/outbox.js';
import { seg } from '../query.js';
import type {
  ChainVerification,
  LedgerEntry,
  LedgerExport,
  LedgerListQuery,
  LedgerSubmitAnswer,
  Page,
} from '../wire-types.js';
import type { ResourceContext } from './context.js';

/** The answer of a direct submit; `replayed` when the key had already been used (the first result). */
export type LedgerSubmitResult = LedgerSubmitAnswer & { readonly replayed: boolean };

/** Daily ledgers (电子台账): written through the outbox, read back, chain-verified, exported. */
export interface LedgersClient {
  /**
   * Queues a record in the outbox (kept across restarts, sent in order with its idempotency key).
   * Await `settled` on the answer, or listen to `client.outbox.events`.
   */
  submit(venueId: string, record: LedgerRecord): Promise<QueuedWrite>;
  /** Sends at once, bypassing the outbox; throws on failure. Pass a key to make a retry safe. */
  submitNow(venueId: string, record: LedgerRecord, options?: { idempotencyKey?: string }): Promise<LedgerSubmitResult>;
  list(venueId: string, query?: LedgerListQuery): Promise<Page<LedgerEntry>>;
  /** Completion per kind for the venue's local day. */
  today(venueId: string): Promise<LedgersToday>;
  /** The server checks the venue's hash chain. */
  verifyChain(venueId: string): Promise<ChainVerification>;
  /** Records with their hashes, to keep and verify offline. */
  export(venueId: string): Promise<LedgerExport>;
}

export function ledgersPath(venueId: string): string {
  return `/v1/venues/${seg(venueId)}/ledgers`;
}

export function createLedgersClient({ http, outbox }: ResourceContext, newKey: () => string): LedgersClient {
  return {
    submit: (venueId, record) => outbox.enqueue('ledger', ledgersPath(venueId), record),
    async submitNow(venueId, record, options) {
      const answer = await http.send<LedgerSubmitAnswer>({
        method: 'POST',
        path: ledgersPath(venueId),
        body: record,
        headers: { 'Idempotency-Key': options?.idempotencyKey ?? newKey() },
      });
      return { ...answer.body, replayed: answer.status === 200 };
    },
    list: (venueId, query) =>
      http.call({ method: 'GET', path: ledgersPath(venueId), ...(query ? { query: { ...query } } : {}) }),
    today: (venueId) => http.call({ method: 'GET', path: `${ledgersPath(venueId)}/today` }),
    verifyChain: (venueId) => http.call({ method: 'GET', path: `${ledgersPath(venueId)}/chain/verify` }),
    export: (venueId) => http.call({ method: 'GET', path: `${ledgersPath(venueId)}/export` }),
  };
}
