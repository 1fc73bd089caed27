/**
 * Regulators' coverage: of the staff on the archives (those who left excluded), who is trained (a lesson done or
 * an exam taken), certified (a valid certificate today, the platform's or the archive's), expiring within 30 days;
 * by district (the venue's own region) and venue kind; and the topics most answered wrong over the last year.
 */
import { localDay, StaffSchema, type VenueKind } from '@brightkitchen/sdk';
import {
  AttemptResultSchema,
  coverageFigures,
  daysUntil,
  RENEWAL_NOTICE_DAYS,
  type TrainingCoverage,
  topicLabel,
} from '@brightkitchen/sdk/training';
import { type CorruptValueLog, type Database, logCorrupt, readJson } from '../db/index.js';
import { platformCertificateExpiries } from './certificates.js';

interface Tally {
  staff: number;
  trained: number;
  certified: number;
  expiring: number;
}

const empty = (): Tally => ({ staff: 0, trained: 0, certified: 0, expiring: 0 });

export async function trainingCoverage(
  database: Database,
  regions: readonly string[] | 'all',
  now: Date,
  log: CorruptValueLog,
): Promise<TrainingCoverage> {
  const { db } = database;
  const day = localDay(now, 'Asia/Shanghai');
  let staffQuery = db
    .selectFrom('staff')
    .innerJoin('venues', 'venues.id', 'staff.venue_id')
    .select(['staff.id', 'staff.data', 'venues.region_id', 'venues.kind'])
    .where((eb) => eb.or([eb('staff.left_on', 'is', null), eb('staff.left_on', '>=', day)]));
  if (regions !== 'all') {
    if (regions.length === 0) staffQuery = staffQuery.where('venues.region_id', '=', '');
    else staffQuery = staffQuery.where('venues.region_id', 'in', [...regions]);
  }
  const staff = await staffQuery.execute();
  const ids = staff.map((s) => s.id);
  const platform = await platformCertificateExpiries(database, ids);
  const trainedIds = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const r of await db
      .selectFrom('training_progress')
      .select('staff_id')
      .where('staff_id', 'in', chunk)
      .execute()) {
      if (r.staff_id) trainedIds.add(r.staff_id);
    }
    for (const r of await db
      .selectFrom('training_attempts')
      .select('staff_id')
      .where('staff_id', 'in', chunk)
      .execute()) {
      trainedIds.add(r.staff_id);
    }
  }
  const total = empty();
  const byRegion = new Map<string, Tally>();
  const byKind = new Map<string, Tally>();
  for (const row of staff) {
    const read = readJson(StaffSchema, row.data, { table: 'staff', column: 'data', id: row.id });
    if (!read.ok) {
      logCorrupt(log, read.error);
      continue;
    }
    const expiries = [platform.get(row.id)?.expiresOn, read.value.trainingCertificate?.expiresOn].filter(
      (d): d is string => typeof d === 'string',
    );
    const best = expiries.sort().pop();
    const left = best === undefined ? -1 : daysUntil(day, best);
    const certified = left >= 0;
    const trained = certified || trainedIds.has(row.id);
    for (const tally of [total, at(byRegion, row.region_id), at(byKind, row.kind)]) {
      tally.staff += 1;
      if (trained) tally.trained += 1;
      if (certified) tally.certified += 1;
      if (certified && left <= RENEWAL_NOTICE_DAYS) tally.expiring += 1;
    }
  }
  const names = new Map(
    (await db.selectFrom('regions').select(['id', 'name']).execute()).map((r) => [r.id, r.name] as const),
  );
  return {
    day,
    total: coverageFigures(total),
    byDistrict: [...byRegion]
      .map(([regionId, t]) => ({ regionId, name: names.get(regionId) ?? regionId, ...coverageFigures(t) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    byVenueKind: [...byKind]
      .map(([kind, t]) => ({ kind: kind as VenueKind, ...coverageFigures(t) }))
      .sort((a, b) => a.kind.localeCompare(b.kind)),
    failingTopics: await failingTopics(database, regions, now, log),
  };
}

function at(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) {
    tally = empty();
    map.set(key, tally);
  }
  return tally;
}

/** Topics by share of wrong answers over closed attempts of the last 365 days (at least 1 answered). */
async function failingTopics(database: Database, regions: readonly string[] | 'all', now: Date, log: CorruptValueLog) {
  const since = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  let query = database.db
    .selectFrom('training_attempts')
    .select(['id', 'result'])
    .where('result', 'is not', null)
    .where('started_at', '>=', since);
  if (regions !== 'all') {
    query = regions.length === 0 ? query.where('region_id', '=', '') : query.where('region_id', 'in', [...regions]);
  }
  const tallies = new Map<string, { answered: number; wrong: number }>();
  for (const row of await query.execute()) {
    const read = readJson(AttemptResultSchema, row.result, {
      table: 'training_attempts',
      column: 'result',
      id: row.id,
    });
    if (!read.ok) {
      logCorrupt(log, read.error);
      continue;
    }
    for (const [topic, { right, total }] of Object.entries(read.value.byTopic)) {
      const t = tallies.get(topic) ?? { answered: 0, wrong: 0 };
      tallies.set(topic, { answered: t.answered + total, wrong: t.wrong + (total - right) });
    }
  }
  return [...tallies]
    .filter(([, t]) => t.answered > 0)
    .map(([topic, t]) => ({
      topic,
      label: topicLabel(topic),
      answered: t.answered,
      wrong: t.wrong,
      wrongShare: Math.round((t.wrong / t.answered) * 1000) / 1000,
    }))
    .sort((a, b) => b.wrongShare - a.wrongShare || b.answered - a.answered)
    .slice(0, 10);
}
