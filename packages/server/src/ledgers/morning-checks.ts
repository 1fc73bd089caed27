/** Who was found unfit at the morning check on a venue-local day: today's completion and the staff list. */
import { isStaffUnfit, type LedgerIssue, LedgerIssueSchema } from '@brightkitchen/sdk';
import * as v from 'valibot';
import { type CorruptValueLog, type Database, logCorrupt, readJson } from '../db/index.js';
import { isCorrectedSql } from './corrections.js';

// Only what is needed of the body: the staff member checked (the hash chain guards the rest).
const CheckedStaffSchema = v.looseObject({ staffId: v.string() });
const IssuesSchema = v.array(LedgerIssueSchema);

/**
 * Each checked staff member's latest morning check on `day` (corrections in place of what they correct): `true`
 * when it found them unfit.
 * A check whose stored body or issues are damaged is logged and left out.
 */
export async function unfitAtMorningCheck(
  { db, dialect }: Database,
  venueId: string,
  day: string,
  log: CorruptValueLog,
): Promise<Map<string, boolean>> {
  const rows = await db
    .selectFrom('ledger_records')
    .select(['id', 'body', 'issues'])
    .where('venue_id', '=', venueId)
    .where('local_day', '=', day)
    .where('kind', '=', 'morning_check')
    // A corrected check is replaced by its correction (which may name another person).
    .where((eb) => eb.not(isCorrectedSql(dialect)))
    .orderBy('seq')
    .execute();
  const unfit = new Map<string, boolean>();
  for (const row of rows) {
    const body = readJson(CheckedStaffSchema, row.body, { table: 'ledger_records', column: 'body', id: row.id });
    const issues = readJson<LedgerIssue[]>(IssuesSchema, row.issues, {
      table: 'ledger_records',
      column: 'issues',
      id: row.id,
    });
    if (!body.ok) logCorrupt(log, body.error);
    else if (!issues.ok) logCorrupt(log, issues.error);
    else unfit.set(body.value.staffId, isStaffUnfit({ ok: true, issues: issues.value }));
  }
  return unfit;
}
