import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/** Photos kept with a venue's ledgers, stored once per venue under the SHA-256 of their bytes. */
async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('ledger_photos')
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_photos_pk', ['venue_id', 'sha256'])
    .execute();
}

export const ledgerPhotos: AppMigration = { name: '032-ledger-photos', up };
