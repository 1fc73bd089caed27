/** Runs pending migrations (Kysely's Migrator keeps the `kysely_migration` table). */
import type { Kysely } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import type { Database } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

function migratorOf(database: Database): Migrator {
  const migrations: Record<string, Migration> = {};
  for (const m of MIGRATIONS) {
    migrations[m.name] = { up: (db: Kysely<unknown>) => m.up(db, database.dialect) };
  }
  return new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
  });
}

export async function migrateToLatest(database: Database): Promise<string[]> {
  const { error, results } = await migratorOf(database).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The migrations of this build the database has not run (readiness: empty once `migrateToLatest` is done). */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const migrations = await migratorOf(database).getMigrations();
  return migrations.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
