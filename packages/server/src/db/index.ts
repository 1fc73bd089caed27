export { type Database, type DialectKind, openDatabase } from './database.js';
export { newId, newPublicCode, nowIso } from './ids.js';
export { parseJson, toJson } from './json.js';
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
export { lockVenue } from './lock.js';
export { migrateToLatest } from './migrate.js';
export type * from './schema.js';
