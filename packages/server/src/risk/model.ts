/**
 * Fitting a region's risk model on its own past inspections (outcome: a key item failed), each inspection seen
 * with its factors as of its own day; one in five held back (by a hash of venue and day, so a refit on the same
 * data holds back the same ones) to measure the AUC, then the model refitted on all of them. Stored, one row per fit.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_TIME_ZONE, localDay, startOfLocalDay } from '@brightkitchen/sdk';
import { RISK_FACTORS, type RiskFactorCode, type RiskModel } from '@brightkitchen/sdk/warehouse';
import type { Database, RiskModelsTable } from '../db/index.js';
import { newId } from '../db/index.js';
import type { DirectoryVenue } from '../warehouse/directory.js';
import { addDays } from '../warehouse/range.js';
import type { RegionSet } from '../warehouse/scope.js';
import { venuesInRegionsSql } from '../warehouse/sql-scope.js';
import { factorRow, riskFactors } from './features.js';
import { loadHistories } from './history.js';
import { auc, fitLogistic, type LogisticModel, logit } from './logistic.js';
import { MIN_INSPECTIONS_TO_LEARN, PRIOR_COEFFICIENTS, PRIOR_INTERCEPT } from './prior.js';

/** Inspections of the last year are learned from. */
const TRAINING_DAYS = 365;

export type Pins = Partial<Record<RiskFactorCode, number>>;

const toRecord = (values: readonly number[]) =>
  Object.fromEntries(RISK_FACTORS.map((code, j) => [code, Math.round((values[j] ?? 0) * 1e6) / 1e6])) as Record<
    RiskFactorCode,
    number
  >;

const hashOf = (venueId: string, day: string) => createHash('sha256').update(`${venueId}|${day}`).digest('hex');

/**
 * One in five inspections of each outcome held back, chosen by a hash of venue and day (a refit on the same data
 * holds back the same ones; both outcomes are always among them, so the AUC can be measured).
 */
function heldBack(keys: readonly string[], labels: readonly number[]): boolean[] {
  const held = keys.map(() => false);
  for (const label of [0, 1]) {
    const members = keys.map((k, i) => ({ k, i })).filter(({ i }) => labels[i] === label);
    members.sort((a, b) => a.k.localeCompare(b.k));
    members.forEach(({ i }, n) => {
      if (n % 5 === 0) held[i] = true;
    });
  }
  return held;
}

/** The model's row shape as stored. */
export function modelRow(model: RiskModel, scope: string): RiskModelsTable {
  return {
    id: newId('rsk'),
    scope,
    fitted_at: model.fittedAt,
    source: model.source,
    intercept: model.intercept,
    coefficients: JSON.stringify(model.coefficients),
    auc: model.auc,
    inspections: model.inspections,
    key_failed: model.keyFailed,
    held_out: model.heldOut,
    pins: JSON.stringify(model.pins),
    updated_by: model.updatedBy,
  };
}

export function modelOf(row: RiskModelsTable): RiskModel {
  return {
    fittedAt: row.fitted_at,
    auc: row.auc === null ? null : Number(row.auc),
    intercept: Number(row.intercept),
    coefficients: JSON.parse(row.coefficients) as Record<RiskFactorCode, number>,
    regionId: row.scope === 'all' ? null : row.scope,
    source: row.source === 'learned' ? 'learned' : 'prior',
    inspections: Number(row.inspections),
    keyFailed: Number(row.key_failed),
    heldOut: Number(row.held_out),
    pins: JSON.parse(row.pins) as Pins,
    updatedBy: row.updated_by,
  };
}

/** The model in force for a scope at an instant (the newest fitted before it), if any. */
export async function storedModel({ db }: Database, scope: string, before?: string): Promise<RiskModel | undefined> {
  let q = db.selectFrom('risk_models').selectAll().where('scope', '=', scope);
  if (before) q = q.where('fitted_at', '<', before);
  const row = await q.orderBy('fitted_at', 'desc').limit(1).executeTakeFirst();
  return row ? modelOf(row) : undefined;
}

export interface FitRequest {
  readonly scope: string;
  readonly regions: RegionSet;
  readonly venues: readonly DirectoryVenue[];
  readonly pins: Pins;
  readonly updatedBy: string | null;
  /** Learn from inspections before this day only (default: today). */
  readonly until?: string;
  readonly now: Date;
}

/** Fits (or, with too few inspections, takes the prior with the pins) — does not store. */
export async function fitModel(database: Database, request: FitRequest): Promise<RiskModel> {
  const until = request.until ?? localDay(request.now, DEFAULT_TIME_ZONE);
  const from = addDays(until, -TRAINING_DAYS);
  const rows = await database.db
    .selectFrom('inspections')
    .select(['venue_id', 'date', 'key_failures'])
    .where('date', '>=', from)
    .where('date', '<', until)
    .where(venuesInRegionsSql(request.regions, 'venue_id'))
    .execute();
  const byId = new Map(request.venues.map((v) => [v.id, v]));
  const known = rows.filter((r) => byId.has(r.venue_id));
  const histories = await loadHistories(database, request.venues, request.regions, from, until);
  const x: number[][] = [];
  const y: number[] = [];
  const keys: string[] = [];
  for (const r of known) {
    const history = histories.get(r.venue_id);
    const venue = byId.get(r.venue_id);
    if (!history || !venue) continue;
    x.push(factorRow(riskFactors(history, r.date, Date.parse(startOfLocalDay(r.date, venue.timeZone)))));
    y.push(Number(r.key_failures) > 0 ? 1 : 0);
    keys.push(hashOf(r.venue_id, r.date));
  }
  const pinned = new Map(
    RISK_FACTORS.flatMap((code, j) =>
      request.pins[code] === undefined ? [] : [[j, request.pins[code] as number] as const],
    ),
  );
  const positives = y.filter((v) => v === 1).length;
  const base = {
    fittedAt: request.now.toISOString(),
    regionId: request.scope === 'all' ? null : request.scope,
    inspections: y.length,
    keyFailed: positives,
    pins: request.pins,
    updatedBy: request.updatedBy,
  };
  if (y.length < MIN_INSPECTIONS_TO_LEARN || positives === 0 || positives === y.length) {
    const coefficients = RISK_FACTORS.map((code, j) => pinned.get(j) ?? PRIOR_COEFFICIENTS[code]);
    return {
      ...base,
      source: 'prior',
      auc: null,
      heldOut: 0,
      intercept: PRIOR_INTERCEPT,
      coefficients: toRecord(coefficients),
    };
  }
  const held = heldBack(keys, y);
  const train = x.filter((_, i) => !held[i]);
  const test = x.filter((_, i) => held[i]);
  const testY = y.filter((_, i) => held[i]);
  let measured: number | null = null;
  if (test.length > 0 && train.length > 0) {
    const trial: LogisticModel = fitLogistic(
      train,
      y.filter((_, i) => !held[i]),
      { pinned },
    );
    measured = auc(
      test.map((row) => logit(trial, row)),
      testY,
    );
  }
  const model = fitLogistic(x, y, { pinned });
  return {
    ...base,
    source: 'learned',
    auc: measured === null ? null : Math.round(measured * 1000) / 1000,
    heldOut: test.length,
    intercept: Math.round(model.intercept * 1e6) / 1e6,
    coefficients: toRecord(model.coefficients),
  };
}

/** Fits and stores a model for the scope. */
export async function refit(database: Database, request: FitRequest): Promise<RiskModel> {
  const model = await fitModel(database, request);
  await database.db.insertInto('risk_models').values(modelRow(model, request.scope)).execute();
  return model;
}
