/** Row counts of every table, to show a refused request stored nothing. */
import type { TestServer } from '../../packages/server/src/testing/test-server.js';

/** Tables background jobs write on their own (device heartbeats, the escalation loop). */
const BACKGROUND = new Set([
  'device_status',
  'readings',
  'threshold_states',
  'engine_cursors',
  'alert_notifications',
  'notification_log',
  // Bookkeeping of the abuse guards, which a refused request rightly feeds: a partner signature seen (a
  // replay of it stays refused), failed logins, the audit log.
  'replay_guards',
  'login_locks',
  'audit_log',
  // The per-IP limiters' counters on PostgreSQL: every request to a limited route counts, refused or not.
  'rate_counters',
]);

export async function rowCounts(server: TestServer): Promise<Record<string, number>> {
  const { db } = server.database;
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((name) => !BACKGROUND.has(name));
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) {
    const row = await db
      // Any table, also those a newer migration added: the name is only typed as one of the known ones.
      .selectFrom(table as 'venues')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    counts[table] = Number(row?.n ?? 0);
  }
  return counts;
}
