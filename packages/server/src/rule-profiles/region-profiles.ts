/**
 * The rule profile each venue is judged by: the national numbers, then its region's overrides (stored in
 * `region_rule_profiles`, set by the region's regulators), then its venue kind's. Overrides are cached per
 * region in this process; setting them clears the entry and tells the listeners (the alert engine's
 * thresholds). Instances sharing the database are told at once (cluster event `region`; `CACHE_MS` bounds it otherwise).
 */
import {
  parseProfileOverride,
  type RuleProfile,
  type RuleProfileOverride,
  resolveProfile,
  type VenueKind,
} from '@brightkitchen/sdk';
import { type Database, readJson, storedValue, toJson } from '../db/index.js';

const CACHE_MS = 60_000;

export interface RegionOverride {
  readonly overrides: RuleProfileOverride;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

const NONE: RegionOverride = { overrides: {}, updatedAt: null, updatedBy: null };

export class RegionProfiles {
  private readonly cache = new Map<string, { at: number; value: Promise<RegionOverride> }>();
  private readonly listeners = new Set<(regionId: string) => void>();
  /** Resolved profiles per venue kind, for as long as the override they come from is the cached one. */
  private readonly resolved = new WeakMap<RegionOverride, Map<string, RuleProfile>>();

  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** What the region changes in the national numbers (`{}` when nothing). */
  override(regionId: string): Promise<RegionOverride> {
    const hit = this.cache.get(regionId);
    if (hit && this.now() - hit.at < CACHE_MS) return hit.value;
    const value = this.load(regionId);
    this.cache.set(regionId, { at: this.now(), value });
    value.catch(() => this.cache.delete(regionId));
    return value;
  }

  /** The national numbers with the region's overrides (and the venue kind's, when given). */
  async profile(regionId: string, venueKind?: VenueKind): Promise<RuleProfile> {
    const override = await this.override(regionId);
    let byKind = this.resolved.get(override);
    if (!byKind) {
      byKind = new Map();
      this.resolved.set(override, byKind);
    }
    const key = venueKind ?? '';
    let profile = byKind.get(key);
    if (!profile) {
      profile = resolveProfile({ regionOverrides: override.overrides, ...(venueKind ? { venueKind } : {}) });
      byKind.set(key, profile);
    }
    return profile;
  }

  profileOfVenue(venue: { readonly region_id: string; readonly kind: string }): Promise<RuleProfile> {
    return this.profile(venue.region_id, venue.kind as VenueKind);
  }

  /** Stores the region's overrides (already checked with `parseProfileOverride`), replacing the previous ones. */
  async set(regionId: string, overrides: RuleProfileOverride, userId: string): Promise<RegionOverride> {
    const row = {
      region_id: regionId,
      overrides: toJson(overrides),
      updated_by: userId,
      updated_at: new Date(this.now()).toISOString(),
    };
    await this.database.db
      .insertInto('region_rule_profiles')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('region_id')
          .doUpdateSet({ overrides: row.overrides, updated_by: userId, updated_at: row.updated_at }),
      )
      .execute();
    this.changed(regionId);
    return { overrides, updatedAt: row.updated_at, updatedBy: userId };
  }

  /** The region's overrides changed (here, or on another instance sharing the database): read them again. */
  changed(regionId: string): void {
    this.cache.delete(regionId);
    for (const listener of this.listeners) listener(regionId);
  }

  onChange(listener: (regionId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async load(regionId: string): Promise<RegionOverride> {
    const row = await this.database.db
      .selectFrom('region_rule_profiles')
      .selectAll()
      .where('region_id', '=', regionId)
      .executeTakeFirst();
    if (!row) return NONE;
    // Damaged overrides must not fall back to the national numbers (a region's 200 g would pass 150 g):
    // the read fails (500, logged) and is tried again on the next request.
    const at = { table: 'region_rule_profiles', column: 'overrides', id: regionId };
    return {
      overrides: storedValue(readJson((value) => parseProfileOverride(value), row.overrides, at)),
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  }
}
