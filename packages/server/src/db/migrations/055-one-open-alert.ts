import { type Kysely, sql } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/** The sources whose alerts the alert book opens and clears by subject and type (one open at a time). */
export const ONE_OPEN_SOURCES = ['sensor', 'device', 'violation', 'disinfection'] as const;

const openPredicate = sql.raw(
  `state <> 'resolved' and subject is not null and source in (${ONE_OPEN_SOURCES.map((s) => `'${s}'`).join(', ')})`,
);

/**
 * One open alert per subject and type, guarded by the database: instances sharing it may see the same
 * condition at once, and the second insert (`on conflict do nothing`) stores nothing. Duplicates opened
 * before the guard existed are resolved (the earliest stays open).
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await sql`
    update alerts set state = 'resolved', resolved_at = opened_at
    where ${openPredicate}
      and exists (
        select 1 from alerts earlier
        where earlier.subject = alerts.subject and earlier.type = alerts.type
          and earlier.state <> 'resolved'
          and earlier.source in (${sql.raw(ONE_OPEN_SOURCES.map((s) => `'${s}'`).join(', '))})
          and (earlier.opened_at < alerts.opened_at or (earlier.opened_at = alerts.opened_at and earlier.id < alerts.id))
      )`.execute(db);
  await sql`create unique index alerts_one_open on alerts (subject, type) where ${openPredicate}`.execute(db);
}

export const oneOpenAlert: AppMigration = { name: '055-one-open-alert', up };
