/**
 * The published lists of a region as consumers fetch them, cached per instance as the serialized answer for
 * {@link PUBLIC_LISTS_TTL_MS}: lists change once a month. Publishing clears it here at once and on the other
 * instances through the cluster link (`lists`).
 */
import type { Database } from '../db/index.js';
import { publicLists } from './store.js';

export const PUBLIC_LISTS_TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;

export class PublicListsCache {
  private readonly entries = new Map<string, { readonly json: string; readonly until: number }>();
  private generation = 0;

  constructor(private readonly database: Database) {}

  get(regionId: string, now: number): string | undefined {
    const entry = this.entries.get(regionId);
    if (entry && entry.until > now) return entry.json;
    this.entries.delete(regionId);
    return undefined;
  }

  async load(regionId: string, now: number): Promise<string> {
    const generation = this.generation;
    const json = JSON.stringify(await publicLists(this.database, regionId));
    // Published while this was read: answer it, do not keep it.
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(regionId, { json, until: now + PUBLIC_LISTS_TTL_MS });
    }
    return json;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

const caches = new WeakMap<Database, PublicListsCache>();

export function publicListsCacheOf(database: Database): PublicListsCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = new PublicListsCache(database);
    caches.set(database, cache);
  }
  return cache;
}
