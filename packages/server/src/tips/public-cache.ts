/**
 * The public tips of a region, cached per instance as the serialized answer: a region's entry lives at most
 * {@link PUBLIC_TIPS_TTL_MS}, and never past the next start or end of one of its tips, so the list changes on
 * time. A write here clears the cache at once; other instances hear of it through the cluster link (`tips`), or
 * at worst after the TTL.
 */
import type { PublicTips } from '@brightkitchen/sdk';
import type { Database } from '../db/index.js';
import { regionChain } from '../regions/tree.js';
import { currentTipsOf, inForce, type TipRow, toPublicTip } from './service.js';

export const PUBLIC_TIPS_TTL_MS = 5_000;
const MAX_ENTRIES = 5_000;

interface Entry {
  readonly json: string;
  readonly until: number;
}

export class PublicTipsCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(private readonly database: Database) {}

  /** The cached answer, or undefined when missing or stale. */
  get(regionId: string, now: number): string | undefined {
    const entry = this.entries.get(regionId);
    if (entry === undefined) return undefined;
    if (entry.until > now) return entry.json;
    this.entries.delete(regionId);
    return undefined;
  }

  async load(regionId: string, now: number): Promise<string> {
    const generation = this.generation;
    const chain = await regionChain(this.database, regionId);
    const rows = await currentTipsOf(this.database, chain, new Date(now));
    const json = JSON.stringify(answer(regionId, rows, now));
    // A write landed while this was read: answer it, but do not keep it.
    if (generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(regionId, { json, until: nextChange(rows, now) });
    }
    return json;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

function answer(regionId: string, rows: readonly TipRow[], now: number): PublicTips {
  return { regionId, at: new Date(now).toISOString(), items: inForce(rows, now).map(toPublicTip) };
}

/** The earliest of the TTL and the next start or end of a tip among the rows. */
function nextChange(rows: readonly TipRow[], now: number): number {
  let until = now + PUBLIC_TIPS_TTL_MS;
  for (const r of rows) {
    for (const t of [Date.parse(r.valid_from), Date.parse(r.valid_until)]) if (t > now && t < until) until = t;
  }
  return until;
}

const caches = new WeakMap<Database, PublicTipsCache>();

/** One cache per database (one per app). */
export function publicTipsCacheOf(database: Database): PublicTipsCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = new PublicTipsCache(database);
    caches.set(database, cache);
  }
  return cache;
}
