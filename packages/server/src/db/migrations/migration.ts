import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';

/** A versioned schema change. `name` sorts: `NNN-what`. Never edit a released migration; add one. */
export interface AppMigration {
  readonly name: string;
  up(db: Kysely<unknown>, dialect: DialectKind): Promise<void>;
}
