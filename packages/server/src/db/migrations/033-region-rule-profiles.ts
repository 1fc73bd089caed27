import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/** A region's overrides of the national rule numbers (JSON, a partial rule profile), set by its regulators. */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('region_rule_profiles')
    .addColumn('region_id', 'text', (c) => c.primaryKey().references('regions.id'))
    .addColumn('overrides', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export const regionRuleProfiles: AppMigration = { name: '033-region-rule-profiles', up };
