import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * What anchors the ledger chains: each record's hash version (1 for the records already stored, whose hash leaves
 * out some columns; new ones are written with 2), the signed checkpoints of retention purges, and the platform's
 * signed Merkle roots over every venue's chain head with the leaves they were computed from.
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .alterTable('ledger_records')
    .addColumn('hash_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('ledger_checkpoints')
    .addColumn('venue_id', 'text', (c) => c.notNull())
    .addColumn('from_seq', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('purged_at', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_checkpoints_pk', ['venue_id', 'seq'])
    .execute();
  await db.schema
    .createTable('ledger_roots')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('root', 'text', (c) => c.notNull())
    .addColumn('prev_root', 'text')
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('ledger_root_leaves')
    .addColumn('root_seq', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('venue_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ledger_root_leaves_pk', ['root_seq', 'position'])
    .execute();
  await db.schema
    .createIndex('ledger_root_leaves_venue')
    .on('ledger_root_leaves')
    .columns(['venue_id', 'root_seq'])
    .execute();
}

export const LEDGER_ANCHORS_MIGRATION = '039-ledger-anchors';
export const ledgerAnchors: AppMigration = { name: LEDGER_ANCHORS_MIGRATION, up };
