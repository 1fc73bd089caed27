import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Tips and consumer alerts of a region with their validity (ISO instants, compared as text), consumers' opt-ins
 * to receive a region's consumer alerts as WeChat subscribe messages (`remaining`: messages WeChat allows, one
 * per acceptance), and one delivery row per alert and consumer: the primary key is the once-only mark, so two
 * instances (or a restart) never send one consumer the same alert twice. `notify_claimed_at` marks an alert whose
 * fan-out was started.
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('tips')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('notify_claimed_at', 'text')
    .execute();
  await db.schema.createIndex('tips_region_until').on('tips').columns(['region_id', 'valid_until']).execute();
  await db.schema
    .createTable('tip_subscriptions')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('remaining', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tip_subscriptions_pk', ['user_id', 'region_id'])
    .execute();
  await db.schema.createIndex('tip_subscriptions_region').on('tip_subscriptions').columns(['region_id']).execute();
  await db.schema
    .createTable('tip_deliveries')
    .addColumn('tip_id', 'text', (c) => c.notNull().references('tips.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('tip_deliveries_pk', ['tip_id', 'user_id'])
    .execute();
}

export const tips: AppMigration = { name: '077-tips', up };
