/**
 * The ranking: every venue in scope scored by the model in force on `asOf` from its factors as of that day,
 * highest first; `score` = intercept + Σ contribution (coefficient × value), on the logit scale. A ranking is
 * kept for 60 s per instance (pages of one ranking agree; it is deterministic, so instances agree too).
 */
import { DEFAULT_TIME_ZONE, startOfLocalDay } from '@brightkitchen/sdk';
import { RISK_FACTORS, type RiskModel, type RiskVenue, type SamplingSuggestion } from '@brightkitchen/sdk/warehouse';
import type { Database } from '../db/index.js';
import { type DirectoryVenue, type VenueDirectory, venuesIn } from '../warehouse/directory.js';
import type { RegionSet } from '../warehouse/scope.js';
import { riskFactors } from './features.js';
import { loadHistories } from './history.js';
import { fitModel, refit, storedModel } from './model.js';
import { samplingEvidence } from './sampling.js';

const TTL_MS = 60_000;
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

export interface RankedVenue extends RiskVenue {
  readonly regionId: string;
}

export interface Ranking {
  readonly asOf: string;
  readonly model: RiskModel;
  readonly items: readonly RankedVenue[];
  readonly sampling: readonly SamplingSuggestion[];
}

/** Scores one venue's factor values under a model. */
export function scoreVenue(
  model: Pick<RiskModel, 'intercept' | 'coefficients'>,
  values: Readonly<Record<(typeof RISK_FACTORS)[number], number>>,
) {
  const factors = RISK_FACTORS.map((code) => ({
    code,
    value: values[code],
    contribution: round6((model.coefficients[code] ?? 0) * values[code]),
  }));
  return { score: round6(factors.reduce((s, f) => s + f.contribution, model.intercept)), factors };
}

/** What a ranking is asked for: whose venues, which model, as of which day (`current`: tomorrow, i.e. up to now). */
export interface RankingRequest {
  readonly directory: VenueDirectory;
  readonly regions: RegionSet;
  readonly scope: string;
  readonly asOf: string;
  readonly current: boolean;
  readonly now: Date;
}

/** The model for a scope on `asOf`: the newest fitted before that day; none → fitted now (stored when current). */
export async function modelFor(
  database: Database,
  { scope, regions, asOf, current, now }: Omit<RankingRequest, 'directory'>,
  venues: readonly DirectoryVenue[],
): Promise<RiskModel> {
  const before = current ? undefined : new Date(startOfLocalDay(asOf, DEFAULT_TIME_ZONE)).toISOString();
  const stored = await storedModel(database, scope, before);
  if (stored) return stored;
  const request = { scope, regions, venues, pins: {}, updatedBy: null, now, until: asOf } as const;
  return current ? refit(database, request) : fitModel(database, request);
}

const cache = new WeakMap<Database, Map<string, { at: number; ranking: Promise<Ranking> }>>();

async function compute(database: Database, request: RankingRequest): Promise<Ranking> {
  const { directory, regions, asOf } = request;
  const venues = venuesIn(directory, regions);
  const model = await modelFor(database, request, venues);
  const histories = await loadHistories(database, venues, regions, asOf, asOf);
  const items: RankedVenue[] = [];
  const sampling: SamplingSuggestion[] = [];
  for (const venue of venues) {
    const history = histories.get(venue.id);
    if (!history) continue;
    const asOfMs = Date.parse(startOfLocalDay(asOf, venue.timeZone));
    const { score, factors } = scoreVenue(model, riskFactors(history, asOf, asOfMs));
    items.push({ venueId: venue.id, name: venue.name, regionId: venue.regionId, rank: 0, score, factors });
    for (const s of samplingEvidence(history, asOfMs)) {
      sampling.push({ venueId: venue.id, name: venue.name, regionId: venue.regionId, ...s });
    }
  }
  items.sort(
    (a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN') || a.venueId.localeCompare(b.venueId),
  );
  const ranked = items.map((item, i) => ({ ...item, rank: i + 1 }));
  sampling.sort((a, b) => b.evidence - a.evidence);
  return { asOf, model, items: ranked, sampling };
}

/** The ranking a request asks for, kept 60 s. */
export function ranking(database: Database, request: RankingRequest): Promise<Ranking> {
  const { regions, scope, asOf, now } = request;
  let byKey = cache.get(database);
  if (!byKey) {
    byKey = new Map();
    cache.set(database, byKey);
  }
  const key = `${scope}|${regions === 'all' ? '*' : [...regions].sort().join(',')}|${asOf}`;
  const hit = byKey.get(key);
  if (hit && now.getTime() - hit.at < TTL_MS) return hit.ranking;
  const promise = compute(database, request);
  byKey.set(key, { at: now.getTime(), ranking: promise });
  promise.catch(() => byKey.delete(key));
  return promise;
}

/** The model a scope learns from: the region asked for, or the caller's whole reach. */
export function scopeKey(regionId: string | undefined, regions: RegionSet): string {
  return regionId ?? (regions === 'all' ? 'all' : [...regions].sort().join(','));
}

const forgotten = new WeakMap<Database, () => void>();

/**
 * Forgets cached rankings (after a refit or a policy change) and tells whoever listens (the other instances of
 * a cluster); `quiet` when the news came from another instance.
 */
export function forgetRankings(database: Database, quiet = false): void {
  cache.delete(database);
  if (!quiet) forgotten.get(database)?.();
}

/** Called whenever this process forgets the rankings of `database` (one listener: the cluster link). */
export function onRankingsForgotten(database: Database, listener: () => void): void {
  forgotten.set(database, listener);
}
