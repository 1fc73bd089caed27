import { sha256Hex } from '../../chain/sha256.js';
import type { LedgerBatchAnswer, LedgerBatchInput, LedgerBatchResult } from '../../contract/ledger-batch.js';
import type { LedgerCorrectedBy, LedgerListEntry } from '../../contract/pages.js';
import { base64ToBytes } from '../../domain/base64.js';
import type { LedgerRecord } from '../../domain/ledger.js';
import type { LedgerPhotoUpload } from '../../domain/ledger-photo.js';
import type { LedgersToday } from '../../domain/public-profile.js';
import type { LedgerValidationResult } from '../../rules/ledger/validate.js';
import { RuleError } from '../errors/rule-error.js';
import type { QueuedWrite } from '../outbox/outbox.js';
import { seg } from '../query.js';
import type { ChainVerification, LedgerExport, LedgerListQuery, LedgerSubmitAnswer, Page } from '../wire-types.js';
import type { ResourceContext } from './context.js';

/** The answer of a direct submit; `replayed` when the key had already been used (the first result). */
export type LedgerSubmitResult = LedgerSubmitAnswer & { readonly replayed: boolean };

/**
 * A check run on a record before it is queued, usually `validateLedger` bound to the venue. Passed in rather than
 * built in, so a client that never validates does not ship the rules.
 */
export type LedgerCheck = (record: LedgerRecord) => Pick<LedgerValidationResult, 'ok' | 'issues'>;

/** Options of {@link LedgersClient.submit}. */
export interface LedgerSubmitOptions {
  /**
   * Check the record first: a refused record throws `RuleError` (`LEDGER_RULE_VIOLATION`) and is not queued.
   * The server checks again.
   * @example { validate: (record) => validateLedger(record, { venueKind: 'school_canteen', profile }) }
   */
  readonly validate?: LedgerCheck;
}

/** One record's outcome in a batch: the answer a single write would get, or the error body. */
/** A stored record as lists show it, with `correctedBy` when a later record corrects it. */
export type { LedgerBatchResult, LedgerCorrectedBy, LedgerListEntry };

/** Daily ledgers (电子台账): written through the outbox, read back, chain-verified, exported. */
export interface LedgersClient {
  /**
   * Queues a record in the outbox (kept across restarts, sent in order with its idempotency key).
   * Await `settled` on the answer, or listen to `client.outbox.events`.
   */
  submit(venueId: string, record: LedgerRecord, options?: LedgerSubmitOptions): Promise<QueuedWrite>;
  /** Sends at once, bypassing the outbox; throws on failure. Pass a key to make a retry safe. */
  submitNow(venueId: string, record: LedgerRecord, options?: { idempotencyKey?: string }): Promise<LedgerSubmitResult>;
  /**
   * Sends up to 1000 records in one request (`/ledgers/batch`), each with its own key, bypassing the outbox.
   * Each result has the status a single write would get (201, 200 on replay, 4xx when refused).
   */
  submitMany(
    venueId: string,
    records: readonly LedgerRecord[],
    options?: { idempotencyKeys?: readonly string[] },
  ): Promise<readonly LedgerBatchResult[]>;
  /** Newest first; a record a later one corrects carries `correctedBy`. */
  list(venueId: string, query?: LedgerListQuery): Promise<Page<LedgerListEntry>>;
  /** One stored record (members of the venue and its regulators), with `correctedBy` when corrected. */
  get(venueId: string, recordId: string): Promise<LedgerListEntry>;
  /** Completion per kind for the venue's local day. */
  today(venueId: string): Promise<LedgersToday>;
  /** The server checks the venue's hash chain. */
  verifyChain(venueId: string): Promise<ChainVerification>;
  /** Records with their hashes, to keep and verify offline. */
  export(venueId: string): Promise<LedgerExport>;
  /**
   * Queues a photo for the venue's ledgers (before the record that refers to it: the outbox keeps the
   * order) and answers its reference, `sha256:<hex>`, to put in the record (`invoicePhotoRef`, `samplePhotoRef`).
   */
  attachPhoto(venueId: string, photo: LedgerPhotoUpload): Promise<{ ref: string; queued: QueuedWrite }>;
  /** A stored photo's bytes (members of the venue and its regulators). */
  photo(venueId: string, ref: string): Promise<ArrayBuffer>;
}

/** The reference of a photo: the SHA-256 of its bytes. */
export function ledgerPhotoRef(dataBase64: string): string {
  return `sha256:${sha256Hex(base64ToBytes(dataBase64))}`;
}

export function ledgersPath(venueId: string): string {
  return `/v1/venues/${seg(venueId)}/ledgers`;
}

export function createLedgersClient({ http, outbox }: ResourceContext, newKey: () => string): LedgersClient {
  return {
    async submit(venueId, record, options) {
      if (options?.validate) {
        const result = options.validate(record);
        if (!result.ok) {
          // The first finding says what to fix; all of them are in `issues`.
          const first = result.issues.find((issue) => issue.severity === 'error') ?? result.issues[0];
          const text = first?.message ?? { zh: '台账未通过校验', en: 'The ledger record was refused' };
          throw new RuleError('LEDGER_RULE_VIOLATION', text, result.issues);
        }
      }
      return outbox.enqueue('ledger', ledgersPath(venueId), record);
    },
    async submitNow(venueId, record, options) {
      const answer = await http.send<LedgerSubmitAnswer>({
        method: 'POST',
        path: ledgersPath(venueId),
        body: record,
        headers: { 'Idempotency-Key': options?.idempotencyKey ?? newKey() },
      });
      return { ...answer.body, replayed: answer.status === 200 };
    },
    async submitMany(venueId, records, options) {
      const keys = options?.idempotencyKeys;
      if (keys && keys.length !== records.length) throw new TypeError('one idempotency key per record');
      const body: LedgerBatchInput = {
        records: records.map((record, i) => ({ idempotencyKey: keys?.[i] ?? newKey(), record })),
      };
      const answer = await http.call<LedgerBatchAnswer>({
        method: 'POST',
        path: `${ledgersPath(venueId)}/batch`,
        body,
      });
      return answer.results;
    },
    list: (venueId, query) =>
      http.call({ method: 'GET', path: ledgersPath(venueId), ...(query ? { query: { ...query } } : {}) }),
    get: (venueId, recordId) => http.call({ method: 'GET', path: `${ledgersPath(venueId)}/${seg(recordId)}` }),
    today: (venueId) => http.call({ method: 'GET', path: `${ledgersPath(venueId)}/today` }),
    verifyChain: (venueId) => http.call({ method: 'GET', path: `${ledgersPath(venueId)}/chain/verify` }),
    export: (venueId) => http.call({ method: 'GET', path: `${ledgersPath(venueId)}/export` }),
    async attachPhoto(venueId, photo) {
      const ref = ledgerPhotoRef(photo.dataBase64);
      return { ref, queued: await outbox.enqueue('ledger-photo', `/v1/venues/${seg(venueId)}/ledger-photos`, photo) };
    },
    photo: (venueId, ref) =>
      http.call({
        method: 'GET',
        path: `/v1/venues/${seg(venueId)}/ledger-photos/${seg(ref)}`,
        responseType: 'arraybuffer',
        headers: { accept: 'image/*' },
      }),
  };
}
