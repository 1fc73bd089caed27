import { type Kysely, sql } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Removing a device (`DELETE /v1/devices/{deviceId}`) keeps its row (`disabled_at` set: readings and alerts still
 * name it) and frees its binding: a vendor's topic or address is unique among the devices not removed, a unique
 * partial index instead of the table's constraint. SQLite cannot drop a table constraint, so there the table is
 * copied without it (nothing references `devices` by a foreign key).
 */
async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table devices drop constraint devices_vendor_binding`.execute(db);
  } else {
    await sql`create table devices_next (
      id text primary key,
      venue_id text not null references venues (id),
      vendor text not null,
      kind text not null,
      location_kind text not null,
      name text not null,
      binding_key text not null,
      secret_hash text not null,
      data text not null,
      created_at text not null,
      updated_at text not null,
      disabled_at text
    )`.execute(db);
    await sql`insert into devices_next select id, venue_id, vendor, kind, location_kind, name, binding_key,
      secret_hash, data, created_at, updated_at, disabled_at from devices`.execute(db);
    await sql`drop table devices`.execute(db);
    await sql`alter table devices_next rename to devices`.execute(db);
    await db.schema.createIndex('devices_venue').on('devices').column('venue_id').execute();
  }
  await db.schema
    .createIndex('devices_vendor_binding_live')
    .on('devices')
    .columns(['vendor', 'binding_key'])
    .unique()
    .where(sql.ref('disabled_at'), 'is', null)
    .execute();
}

export const deviceRemoval: AppMigration = { name: '080-device-removal', up };
