import { type Kysely, sql } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * What an inspection found, as columns the risk model and the registers read: failed key and other items (from
 * the stored items for inspections recorded here; as given for imported history, whose items are not kept), the
 * kind of inspection and its result as the register words them, and where it came from (`recorded`/`imported`).
 */
async function up(db: Kysely<unknown>, dialect: DialectKind): Promise<void> {
  await db.schema
    .alterTable('inspections')
    .addColumn('key_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('inspections')
    .addColumn('other_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('inspections').addColumn('type', 'text').execute();
  await db.schema.alterTable('inspections').addColumn('result', 'text').execute();
  await db.schema
    .alterTable('inspections')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('recorded'))
    .execute();
  const failed = (key: boolean) =>
    dialect === 'sqlite'
      ? sql`(select count(*) from json_each(inspections.items)
          where json_extract(value, '$.key') = ${key ? 1 : 0} and json_extract(value, '$.passed') = 0)`
      : sql`(select count(*) from jsonb_array_elements((inspections.items)::jsonb) as e
          where (e ->> 'key')::boolean = ${key} and not (e ->> 'passed')::boolean)`;
  await sql`update inspections set key_failures = ${failed(true)}, other_failures = ${failed(false)}`.execute(db);
}

export const inspectionOutcomes: AppMigration = { name: '043-inspection-outcomes', up };
