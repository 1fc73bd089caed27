/**
 * Edge gateways (one credential per venue gateway: MQTT relay of its venue's devices, normalized
 * events over HTTP) and the idempotency record of machine pushes (gateway event batches, partner
 * violations: by `Idempotency-Key` and by the partner's own `externalId`).
 */
import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  const s = db.schema;
  await s
    .createTable('gateways')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  await s.createIndex('gateways_venue').on('gateways').column('venue_id').execute();

  await s
    .createTable('ingest_requests')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('request_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ingest_requests_pk', ['scope', 'request_key'])
    .execute();
}

export const deviceGateways: AppMigration = { name: '011-device-gateways', up };
