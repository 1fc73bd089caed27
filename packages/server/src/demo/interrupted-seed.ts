/**
 * A seeding that was stopped half-way (SIGTERM or SIGINT at a first start, a crash, a power cut) must not leave a
 * half city that the next start takes for seeded. On a fresh database the seeding first writes a mark (an
 * `engine_cursors` row: a position of a background job, here "seeding begun") and removes it in its last
 * transaction; a start that finds the mark removes the seeded rows and seeds again.
 */
import type { Kysely } from 'kysely';
import type { Database, DB } from '../db/index.js';

const MARK = 'demo-seed';

/**
 * What the seeding writes, children before parents. A test seeds a small city and checks that every table it
 * filled is named here, so a table the seeding starts to fill cannot be forgotten.
 */
export const SEEDED_TABLES = [
  // Written last (the mark is removed after them): last month's lists and the grades they refreshed, the demo canteen's notice,
  // the tips and duties.
  'list_members',
  'list_sets',
  'venue_grades',
  'rectifications',
  'tip_deliveries',
  'tips',
  'duty_receipts',
  'duties',
  // Training: the demo's attempts and certificates, and the national default set (every start adds it again).
  'training_answers',
  'training_attempts',
  'training_progress',
  'training_certificates',
  'training_settings',
  'training_exams',
  'training_questions',
  'training_courses',
  'complaint_photos',
  'complaints',
  'ratings',
  'notices',
  'inspections',
  'alert_notifications',
  'alert_snapshots',
  'alerts',
  'ledger_photos',
  'ledger_records',
  'staff',
  'memberships',
  'regulator_regions',
  'partner_keys',
  'users',
  'venues',
  'regions',
] as const satisfies readonly (keyof DB)[];

/** Nothing a person made yet: no region, venue or user (only then may an interrupted seeding be wiped). */
async function isFresh(db: Kysely<DB>): Promise<boolean> {
  for (const table of ['regions', 'venues', 'users'] as const) {
    if (await db.selectFrom(table).select('id').limit(1).executeTakeFirst()) return false;
  }
  return true;
}

/** At the seeding's start: marks it begun when the database is fresh (true), else leaves no mark (false). */
export async function markSeedingBegun(db: Kysely<DB>, at: string): Promise<boolean> {
  if (!(await isFresh(db))) return false;
  await db
    .insertInto('engine_cursors')
    .values({ name: MARK, value: `begun ${at}` })
    .execute();
  return true;
}

/** In the seeding's last transaction: it is complete. */
export async function markSeedingDone(trx: Kysely<DB>): Promise<void> {
  await trx.deleteFrom('engine_cursors').where('name', '=', MARK).execute();
}

/** When the last seeding was stopped before its end: removes what it wrote, in one transaction (true). */
export async function discardInterruptedSeed({ db }: Database): Promise<boolean> {
  const mark = await db.selectFrom('engine_cursors').select('value').where('name', '=', MARK).executeTakeFirst();
  if (!mark) return false;
  await db.transaction().execute(async (trx) => {
    for (const table of SEEDED_TABLES) await trx.deleteFrom(table).execute();
    await trx.deleteFrom('engine_cursors').where('name', '=', MARK).execute();
  });
  return true;
}
