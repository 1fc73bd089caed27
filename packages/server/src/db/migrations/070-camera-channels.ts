import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * The live kitchen's camera channels: one row per channel of a venue, the SDK's channel input as JSON in `data`
 * (area, name, source, hours, public, record, device) and since when its source has been unreachable, which every
 * instance reads (the outage alert and the consumer page's "temporarily unavailable").
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('camera_channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('is_public', 'integer', (c) => c.notNull())
    .addColumn('unavailable_since', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('camera_channels_venue').on('camera_channels').column('venue_id').execute();
}

export const cameraChannels: AppMigration = { name: '070-camera-channels', up };
