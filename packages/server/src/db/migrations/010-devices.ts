/**
 * Devices and what they report: the registry (credentials hashed), live status, readings (batched),
 * threshold machine states (so a restart keeps an open alarm), snapshots of violations, the
 * notification record of the escalation dispatcher, disinfection schedules and runs.
 */
import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  const double = dialect === 'postgres' ? 'double precision' : 'real';
  const s = db.schema;

  await s
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('vendor', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('location_kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('binding_key', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .addUniqueConstraint('devices_vendor_binding', ['vendor', 'binding_key'])
    .execute();
  await s.createIndex('devices_venue').on('devices').column('venue_id').execute();

  await s
    .createTable('device_status')
    .addColumn('device_id', 'text', (c) => c.primaryKey())
    .addColumn('online', 'integer')
    .addColumn('last_seen_at', 'text')
    .addColumn('readings', 'text', (c) => c.notNull())
    .addColumn('failures', 'text', (c) => c.notNull())
    .addColumn('failure_count', 'integer', (c) => c.notNull())
    .addColumn('last_failure', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('readings')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('venue_id', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('value', double, (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('time', 'text', (c) => c.notNull())
    .execute();
  await s.createIndex('readings_device_time').on('readings').columns(['device_id', 'time']).execute();

  await s
    .createTable('threshold_states')
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('threshold_states_pk', ['device_id', 'metric'])
    .execute();

  await s
    .createTable('alert_snapshots')
    .addColumn('alert_id', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('bytes', blob, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('alert_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull())
    .addColumn('venue_id', 'text', (c) => c.notNull())
    .addColumn('repeat', 'integer', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('alert_notifications_once', ['alert_id', 'repeat', 'channel', 'recipient'])
    .execute();
  await s.createIndex('alert_notifications_alert').on('alert_notifications').column('alert_id').execute();
  await s
    .createIndex('alert_notifications_retry')
    .on('alert_notifications')
    .columns(['status', 'next_attempt_at'])
    .execute();

  await s
    .createTable('device_schedules')
    .addColumn('device_id', 'text', (c) => c.primaryKey())
    .addColumn('runs', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('disinfection_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('venue_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('duration_s', 'integer')
    .addColumn('required_s', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await s
    .createIndex('disinfection_runs_device')
    .on('disinfection_runs')
    .columns(['device_id', 'started_at'])
    .execute();
  await s.createIndex('disinfection_runs_venue').on('disinfection_runs').columns(['venue_id', 'started_at']).execute();

  await s
    .createTable('engine_cursors')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export const devices: AppMigration = { name: '010-devices', up };
