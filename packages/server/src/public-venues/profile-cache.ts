/**
 * The public profiles, serialized once and served from memory for a short time: a QR scan storm on one
 * venue costs one set of queries per TTL. Writes about a venue drop its entry at once (see invalidation.ts);
 * a load that raced such a write is not stored.
 */
import type { Database } from '../db/index.js';

/** How long a profile is served from memory (clients may also keep it `max-age=30`). */
export const PROFILE_TTL_MS = 30_000;

interface Entry {
  readonly json: string;
  readonly venueId: string;
  readonly expires: number;
}

export class ProfileCache {
  private readonly entries = new Map<string, Entry>();
  private readonly codeOfVenue = new Map<string, string>();
  private readonly loading = new Map<string, Promise<Entry | null>>();
  private generation = 0;

  constructor(private readonly ttlMs: number = PROFILE_TTL_MS) {}

  /** The cached JSON of a public code, if fresh. */
  get(publicCode: string, nowMs: number = Date.now()): string | undefined {
    const entry = this.entries.get(publicCode);
    if (!entry) return undefined;
    if (entry.expires > nowMs) return entry.json;
    this.entries.delete(publicCode);
    return undefined;
  }

  /** The JSON of a public code: cached, or loaded once however many requests ask at the same time. */
  async load(
    publicCode: string,
    loader: () => Promise<{ venueId: string; json: string } | null>,
  ): Promise<string | null> {
    const cached = this.get(publicCode);
    if (cached !== undefined) return cached;
    let pending = this.loading.get(publicCode);
    if (!pending) {
      const generation = this.generation;
      pending = loader()
        .then((loaded) => {
          if (!loaded) return null;
          const entry: Entry = { ...loaded, expires: Date.now() + this.ttlMs };
          if (generation === this.generation) {
            this.entries.set(publicCode, entry);
            this.codeOfVenue.set(loaded.venueId, publicCode);
          }
          return entry;
        })
        .finally(() => this.loading.delete(publicCode));
      this.loading.set(publicCode, pending);
    }
    return (await pending)?.json ?? null;
  }

  /** Drops what is cached about a venue (its data changed). */
  invalidateVenue(venueId: string): void {
    this.generation += 1;
    const code = this.codeOfVenue.get(venueId);
    if (code === undefined) return;
    this.codeOfVenue.delete(venueId);
    this.entries.delete(code);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.codeOfVenue.clear();
  }
}

const caches = new WeakMap<Database, ProfileCache>();

/** One cache per open database, shared by the profile route and the invalidation hook. */
export function profileCacheOf(database: Database): ProfileCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = new ProfileCache();
    caches.set(database, cache);
  }
  return cache;
}
