export { type Database, type DialectKind, openDatabase } from './database.js';
export { newId, newPublicCode, nowIso } from './ids.js';
export { toJson } from './json.js';
export { lockVenue } from './lock.js';
export { migrateToLatest, pendingMigrations } from './migrate.js';
export type * from './schema.js';
export {
  CorruptStoredValue,
  type CorruptValueLog,
  logCorrupt,
  readEach,
  readJson,
  type StoredAt,
  type StoredRead,
  type StoredShape,
  storedValue,
} from './stored-json.js';
