/** A stored ledger record as the API shows it: the SDK's `LedgerEntry`, verifiable with its `verifyChain`. */
import {
  type LedgerEntry,
  LedgerIssueSchema,
  type LedgerKind,
  type LedgerRecord,
  type ParseResult,
} from '@brightkitchen/sdk';
import * as v from 'valibot';
import { type LedgerRecordsTable, readJson, storedValue } from '../db/index.js';

export type { LedgerEntry };

const IssuesSchema = v.array(LedgerIssueSchema);

/**
 * A stored body is checked cheaply, on purpose: lists and exports read thousands of records, the hash chain
 * (not a schema) proves a body whole, and a body must come back exactly as it was hashed — a schema's
 * output could drop or default a field. So: an object of the row's kind, returned as stored.
 */
function recordOf(kind: string) {
  return (value: unknown): ParseResult<LedgerRecord> => {
    if (typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === kind) {
      return { ok: true, value: value as LedgerRecord };
    }
    const message = { zh: `不是${kind}记录`, en: `not a ${kind} record` };
    return { ok: false, issues: [{ code: 'FIELD_ENUM', path: 'kind', message }] };
  };
}

/** The API's entry for a stored row; throws `CorruptStoredValue` when its body or issues are damaged. */
export function toLedgerEntry(row: LedgerRecordsTable): LedgerEntry {
  const at = (column: string) => ({ table: 'ledger_records', column, id: row.id });
  return {
    id: row.id,
    venueId: row.venue_id,
    seq: Number(row.seq),
    kind: row.kind as LedgerKind,
    localDay: row.local_day,
    record: storedValue(readJson(recordOf(row.kind), row.body, at('body'))),
    issues: storedValue(readJson(IssuesSchema, row.issues, at('issues'))),
    hash: row.hash,
    prevHash: row.prev_hash,
    createdAt: row.created_at,
    retainUntil: row.retain_until,
    createdBy: row.created_by,
    hashVersion: Number(row.hash_version) === 2 ? 2 : 1,
  };
}
