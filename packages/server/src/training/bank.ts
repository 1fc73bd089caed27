/**
 * The active questions a paper is drawn from (the national bank and the learner's regions'), cached for a minute
 * per set of regions: a start draws from memory. An import clears this instance's cache at once; another instance
 * sees new questions within the minute (a paper is never wrong for it, only without the newest questions).
 */
import type { Question } from '@brightkitchen/sdk/training';
import { type Database, readEach } from '../db/index.js';
import { toQuestion } from './store.js';

const TTL_MS = 60_000;
const cacheOf = new WeakMap<Database, Map<string, { at: number; questions: Question[] }>>();

function cache(database: Database) {
  let c = cacheOf.get(database);
  if (!c) {
    c = new Map();
    cacheOf.set(database, c);
  }
  return c;
}

/** Active questions of the national bank and of `regions`. */
export async function activeBank(database: Database, regions: readonly string[]): Promise<Question[]> {
  const scopes = ['national', ...regions];
  const key = scopes.join('|');
  const hit = cache(database).get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.questions;
  const rows = await database.db
    .selectFrom('training_questions')
    .select(['id', 'data'])
    .where('scope', 'in', scopes)
    .where('state', '=', 'active')
    .execute();
  const questions = readEach(rows, toQuestion, () => undefined);
  cache(database).set(key, { at: Date.now(), questions });
  return questions;
}

/** Forgets the cached banks (after an import or a retirement). */
export function bankChanged(database: Database): void {
  cache(database).clear();
}
