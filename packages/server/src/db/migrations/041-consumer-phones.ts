import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Consumers sign in by phone outside WeChat (the H5 app): a user's verified mobile number (one user per number; a
 * WeChat consumer who verifies a number holds both), and the one-time codes sent by SMS — one live code per number,
 * with what limits its sending (when the last one went, how many that local day) and its wrong tries.
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema.alterTable('users').addColumn('phone', 'text').execute();
  await db.schema.createIndex('users_phone_unique').unique().on('users').column('phone').execute();
  await db.schema
    .createTable('sms_codes')
    .addColumn('phone', 'text', (c) => c.primaryKey())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('local_day', 'text', (c) => c.notNull())
    .addColumn('sent_on_day', 'integer', (c) => c.notNull())
    .execute();
}

export const consumerPhones: AppMigration = { name: '041-consumer-phones', up };
