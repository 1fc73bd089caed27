/**
 * A stored ledger record with its place in the venue's hash chain (docs/api.md, Ledgers), the answer
 * of a write, and the export verifiable offline with the SDK's `verifyChain`.
 */
import * as v from 'valibot';
import { CHAIN_BREAKS } from '../chain/chain-problem.js';
import { FIELD_ISSUE_CODES } from '../contract/errors-fields.js';
import { ChainCheckpointSchema, ChainProblemSchema } from '../contract/ledger-chain.js';
import { RULE_CODES, type RuleCode } from '../rules/codes.js';
import { LEDGER_KINDS, VENUE_KINDS } from './enums.js';
import { LedgerRecordSchema } from './ledger.js';
import { CountSchema, DaySchema, IdSchema, InstantSchema, LocalizedTextSchema, TimeZoneSchema } from './primitives.js';

/** A rule's code, or a FIELD_* code for a problem with the record's shape (those refuse it, so none is stored). */
const ISSUE_CODES = [...(Object.keys(RULE_CODES) as RuleCode[]), ...FIELD_ISSUE_CODES];
/** A SHA-256 in lower-case hex. */
const HashSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const SeqSchema = v.pipe(v.number(), v.integer(), v.minValue(1));

/** A finding on a record: an error refuses it, a warning is kept with it. */
export const LedgerIssueSchema = v.object({
  code: v.picklist(ISSUE_CODES),
  path: v.string(),
  severity: v.picklist(['error', 'warning']),
  message: LocalizedTextSchema,
});

/** A stored ledger record: the record, its rule issues, and its place in the venue's hash chain. */
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
  /** Who wrote it (a user id). */
  createdBy: v.optional(v.string()),
  /** 2: the hash covers every column above (`hashLedgerEntryV2`); 1 (older records): `hashLedgerEntry`. */
  hashVersion: v.optional(v.picklist([1, 2])),
});
/** A stored ledger record. Type of {@link LedgerEntrySchema}. */
export type LedgerEntry = v.InferOutput<typeof LedgerEntrySchema>;

/** `POST /v1/venues/{venueId}/ledgers`: the stored record and the rules' warnings. */
export const LedgerSubmitAnswerSchema = v.object({ record: LedgerEntrySchema, issues: v.array(LedgerIssueSchema) });
/**
 * `POST /v1/venues/{venueId}/ledgers`: the stored record and the rules' warnings. Type of {@link
 * LedgerSubmitAnswerSchema}.
 */
export type LedgerSubmitAnswer = v.InferOutput<typeof LedgerSubmitAnswerSchema>;

/** Where the exported chain starts when older records were purged after retention. */
export const ChainAnchorSchema = v.object({ seq: SeqSchema, prevHash: HashSchema });
/**
 * Where the exported chain starts when older records were purged after retention. Type of {@link ChainAnchorSchema}.
 */
export type ChainAnchor = v.InferOutput<typeof ChainAnchorSchema>;

/** `GET /v1/venues/{venueId}/ledgers/export`: every record in `seq` order, with hashes. */
export const LedgerExportSchema = v.object({
  venueId: IdSchema,
  exportedAt: InstantSchema,
  hashAlgorithm: v.string(),
  anchor: v.nullable(ChainAnchorSchema),
  /** The venue's time zone and kind: what `derivedLedgerColumns` checks the records' columns with. */
  timeZone: v.optional(TimeZoneSchema),
  venueKind: v.optional(v.picklist(VENUE_KINDS)),
  /** Signed checkpoints of retention purges (verify them with the platform key of `GET /v1/open/ledger-roots`). */
  checkpoints: v.optional(v.array(ChainCheckpointSchema)),
  records: v.array(LedgerEntrySchema),
});
/**
 * `GET /v1/venues/{venueId}/ledgers/export`: every record in `seq` order, with hashes. Type of {@link
 * LedgerExportSchema}.
 */
export type LedgerExport = v.InferOutput<typeof LedgerExportSchema>;

/** `GET /v1/venues/{venueId}/ledgers/chain/verify`: the server's `verifyChain` report. */
export const ChainVerificationSchema = v.object({
  ok: v.boolean(),
  length: CountSchema,
  brokenAt: v.optional(SeqSchema),
  reason: v.optional(v.picklist(CHAIN_BREAKS)),
  /** Every record that does not hold, in seq order. */
  problems: v.optional(v.array(ChainProblemSchema)),
});
/**
 * `GET /v1/venues/{venueId}/ledgers/chain/verify`: the server's `verifyChain` report. Type of {@link
 * ChainVerificationSchema}.
 */
export type ChainVerification = v.InferOutput<typeof ChainVerificationSchema>;
