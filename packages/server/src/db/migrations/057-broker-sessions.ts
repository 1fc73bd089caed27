import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Users connected to an external broker (EMQX) with an access token: its authentication hook stores who the
 * client is, so the authorization hook — which EMQX calls without the password, on any instance — knows.
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('broker_sessions')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export const brokerSessions: AppMigration = { name: '057-broker-sessions', up };
