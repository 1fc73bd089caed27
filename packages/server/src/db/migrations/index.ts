import { initial } from './001-initial.js';
import type { AppMigration } from './migration.js';

/** Every migration, in order. Append new ones here. */
export const MIGRATIONS: readonly AppMigration[] = [initial];
export type { AppMigration } from './migration.js';
