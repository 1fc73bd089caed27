/**
 * A stored ledger record with its place in the venue's hash chain (docs/api.md, Ledgers), the answer
 * of a write, and the export verifiable offline with the SDK's `verifyChain`.
 */
import * as v from 'valibot';
import { RULE_CODES, type RuleCode } from '../rules/codes.js';
import { LEDGER_KINDS } from './enums.js';
import { LedgerRecordSchema } from './ledger.js';
import { CountSchema, DaySchema, IdSchema, InstantSchema, LocalizedTextSchema } from './primitives.js';

const RULE_CODE_LIST = Object.keys(RULE_CODES) as RuleCode[];
/** A SHA-256 in lower-case hex. */
const HashSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const SeqSchema = v.pipe(v.number(), v.integer(), v.minValue(1));

/** A rule's finding on a record: an error refuses it, a warning is kept with it. */
export const LedgerIssueSchema = v.object({
  code: v.picklist(RULE_CODE_LIST),
  path: v.string(),
  severity: v.picklist(['error', 'warning']),
  message: LocalizedTextSchema,
});

export const LedgerEntrySchema = v.object({
  id: IdSchema,
  venueId: IdSchema,
  /** 1, 2, 3 … per venue. */
  seq: SeqSchema,
  kind: v.picklist(LEDGER_KINDS),
  /** The venue-local day the record belongs to. */
  localDay: DaySchema,
  /** The record as validated and stored (server-filled fields included). */
  record: LedgerRecordSchema,
  issues: v.array(LedgerIssueSchema),
  hash: HashSchema,
  /** The previous record's hash; 64 zeros for the first. */
  prevHash: HashSchema,
  createdAt: InstantSchema,
  /** The day until which the record must be kept (REGULATIONS.md retention); never deleted before. */
  retainUntil: DaySchema,
});
export type LedgerEntry = v.InferOutput<typeof LedgerEntrySchema>;

/** `POST /v1/venues/{venueId}/ledgers`: the stored record and the rules' warnings. */
export const LedgerSubmitAnswerSchema = v.object({ record: LedgerEntrySchema, issues: v.array(LedgerIssueSchema) });
export type LedgerSubmitAnswer = v.InferOutput<typeof LedgerSubmitAnswerSchema>;

/** Where the exported chain starts when older records were purged after retention. */
export const ChainAnchorSchema = v.object({ seq: SeqSchema, prevHash: HashSchema });
export type ChainAnchor = v.InferOutput<typeof ChainAnchorSchema>;

/** `GET /v1/venues/{venueId}/ledgers/export`: every record in `seq` order, with hashes. */
export const LedgerExportSchema = v.object({
  venueId: IdSchema,
  exportedAt: InstantSchema,
  hashAlgorithm: v.string(),
  anchor: v.nullable(ChainAnchorSchema),
  records: v.array(LedgerEntrySchema),
});
export type LedgerExport = v.InferOutput<typeof LedgerExportSchema>;

/** `GET /v1/venues/{venueId}/ledgers/chain/verify`: the server's `verifyChain` report. */
export const ChainVerificationSchema = v.object({
  ok: v.boolean(),
  length: CountSchema,
  brokenAt: v.optional(SeqSchema),
  reason: v.optional(v.picklist(['seq_gap', 'prev_hash_mismatch', 'hash_mismatch', 'venue_mismatch'])),
});
export type ChainVerification = v.InferOutput<typeof ChainVerificationSchema>;
