import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Users' realtime access provisioned on Mosquitto's dynamic security (a client whose password is an access token),
 * kept until the token expires: whichever instance leads the clock work then deletes the client, even when the
 * instance that provisioned it is gone (an in-memory timer died with it, and the token stayed a broker password).
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('broker_grants')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('broker_grants_expiry').on('broker_grants').column('expires_at').execute();
}

export const brokerGrants: AppMigration = { name: '081-broker-grants', up };
