/**
 * Seeds the demo city: 聊城市 and its districts, ≥ 200 venues of every kind with staff, 30 days of
 * ledgers written through the ledger service (validated by the SDK's rules, hash-chained, warnings
 * opening alerts), ratings, notices, complaints, AI-captured violations, inspections and one account
 * per role. Bulk rows go in chunked multi-row inserts inside transactions.
 */
import { SNAPSHOT_JPEG } from '@brightkitchen/device-adapters/simulator';
import { localDay, NATIONAL_PROFILE, type Staff, type Venue } from '@brightkitchen/sdk';
import type { Insertable, Kysely } from 'kysely';
import { type Database, type DB, newId, toJson } from '../db/index.js';
import { type AppendItem, appendLedgerRecords, prepareRecord, requestHash } from '../ledgers/index.js';
import { venueRow } from '../venues/venue-store.js';
import { createDemoAccounts, type DemoAccount } from './accounts.js';
import { complaintRows, inspectionRows, noticeRows, ratingRows, violationAlertRows } from './activity.js';
import { type CityScale, cityDevices, cityLedgerDays, equipCity, type VenueRisk } from './city-scale.js';
import { DEMO_CITY, DEMO_DISTRICTS, type DemoDistrict } from './districts.js';
import { markSeedingBegun, markSeedingDone } from './interrupted-seed.js';
import { planLedgers } from './ledgers.js';
import { seedDemoLists } from './lists.js';
import { createRandom } from './random.js';
import { seedDemoRectification } from './rectifications.js';
import { seedDemoTips } from './tips.js';
import { seedDemoTraining } from './training.js';
import { planStaff, planVenues, shiftDay } from './venues.js';

export interface SeedProgress {
  readonly phase: 'regions' | 'venues' | 'accounts' | 'ledgers' | 'activity' | 'done';
  readonly done: number;
  readonly total: number;
}

export interface SeedOptions {
  /** Number of venues (default 220: 20 of each of the 11 kinds). */
  readonly venues?: number;
  /** Days of ledgers up to today (default 30). */
  readonly days?: number;
  /** PRNG seed: the same seed gives the same city. */
  readonly seed?: number;
  readonly now?: Date;
  readonly onProgress?: (progress: SeedProgress) => void;
  /**
   * Stops the seeding between two writes (SIGTERM at a first start): it throws the signal's reason, and on a fresh
   * database the next start finds the seeding unfinished and seeds again (interrupted-seed.ts).
   */
  readonly signal?: AbortSignal;
  /**
   * A city at scale (`bk-server seed --venues 45000`, see city-scale.ts): only `equipped` venues have cameras and
   * sensors and keep digital ledgers (a staff archive), each on a share of the days; inspections follow each venue's
   * latent risk, so the risk model has something to learn.
   */
  readonly city?: CityScale;
}

export interface SeedResult {
  readonly accounts: DemoAccount[];
  readonly counts: Readonly<
    Record<
      'regions' | 'venues' | 'staff' | 'ledgers' | 'alerts' | 'ratings' | 'notices' | 'complaints' | 'inspections',
      number
    >
  >;
  readonly ms: number;
}

export const DEFAULT_DEMO_VENUES = 220;
const CHUNK = 200;
const SEED_CREATOR = 'system:demo-seed';

async function insertAll<T extends keyof DB & string>(db: Kysely<DB>, table: T, rows: readonly Insertable<DB[T]>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Kysely cannot narrow `values` for a generic table name; the rows are typed by the signature.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

export async function seedDemoCity(database: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const venueCount = options.venues ?? DEFAULT_DEMO_VENUES;
  const dayCount = options.days ?? 30;
  const random = createRandom(options.seed ?? 20240501);
  const progress = options.onProgress ?? (() => {});
  const stopIfAsked = async () => {
    if (!options.signal) return;
    // SQLite answers synchronously under Kysely's promises: without a turn of the event loop, a SIGTERM would only
    // be heard once the whole city is written.
    await new Promise((resolve) => setImmediate(resolve));
    options.signal.throwIfAborted();
  };
  const { db } = database;
  const today = localDay(now, 'Asia/Shanghai');
  const days = Array.from({ length: dayCount }, (_, i) => shiftDay(today, i - dayCount + 1));
  const createdAt = now.toISOString();

  await stopIfAsked();
  await markSeedingBegun(db, createdAt);
  // Regions: the city and its districts.
  progress({ phase: 'regions', done: 0, total: 1 });
  const cityId = newId('reg');
  const regionIds = new Map<DemoDistrict, string>(DEMO_DISTRICTS.map((d) => [d, newId('reg')]));
  await insertAll(db, 'regions', [
    { id: cityId, code: DEMO_CITY.code, name: DEMO_CITY.name, parent_id: null, created_at: createdAt },
    ...DEMO_DISTRICTS.map((d) => ({
      id: regionIds.get(d) as string,
      code: d.code,
      name: d.name,
      parent_id: cityId,
      created_at: createdAt,
    })),
  ]);

  // Venues and their staff.
  const planned = planVenues(venueCount, DEMO_DISTRICTS, (d) => regionIds.get(d) as string, today, random);
  // At city scale only the equipped venues have cameras, sensors and a staff archive (they keep ledgers here).
  const { plans, risk } = options.city
    ? equipCity(planned, options.city, random)
    : { plans: planned, risk: undefined as VenueRisk | undefined };
  const keepsLedgers = (venue: Venue) => !options.city || venue.hasLiveVideo;
  const staffOf = new Map<string, Staff[]>(
    plans.filter(({ venue }) => keepsLedgers(venue)).map(({ venue }) => [venue.id, planStaff(venue, today, random)]),
  );
  progress({ phase: 'venues', done: 0, total: plans.length });
  await stopIfAsked();
  await db.transaction().execute(async (trx) => {
    await insertAll(
      trx,
      'venues',
      plans.map(({ venue }) => venueRow(venue, createdAt)),
    );
    if (options.city) {
      const { devices, statuses } = cityDevices(plans, createdAt, random);
      await insertAll(trx, 'devices', devices);
      await insertAll(trx, 'device_status', statuses);
    }
    await insertAll(
      trx,
      'staff',
      [...staffOf.values()].flat().map((s) => ({
        id: s.id,
        venue_id: s.venueId,
        name: s.name,
        role: s.role,
        data: toJson(s),
        created_at: createdAt,
        updated_at: createdAt,
      })),
    );
  });
  progress({ phase: 'venues', done: plans.length, total: plans.length });

  // People: consumers who rate and complain, a regulator per district, and the demo accounts.
  progress({ phase: 'accounts', done: 0, total: 1 });
  await stopIfAsked();
  const consumerIds = Array.from({ length: 60 }, () => newId('usr'));
  const regulatorByRegion = new Map<string, string>(
    DEMO_DISTRICTS.map((d) => [regionIds.get(d) as string, newId('usr')]),
  );
  await db.transaction().execute(async (trx) => {
    await insertAll(trx, 'users', [
      ...consumerIds.map((id, i) => ({
        id,
        login: null,
        password_hash: null,
        display_name: `微信用户${String(1000 + i * 37).slice(-4)}`,
        role: 'consumer',
        wechat_openid: `demo-openid-${i}`,
        wechat_unionid: null,
        disabled_at: null,
        created_at: createdAt,
      })),
      ...DEMO_DISTRICTS.map((d) => ({
        id: regulatorByRegion.get(regionIds.get(d) as string) as string,
        login: null,
        password_hash: null,
        display_name: `${d.name}市场监督管理局`,
        role: 'regulator',
        wechat_openid: null,
        wechat_unionid: null,
        disabled_at: null,
        created_at: createdAt,
      })),
    ]);
    await insertAll(
      trx,
      'regulator_regions',
      [...regulatorByRegion].map(([regionId, userId]) => ({ user_id: userId, region_id: regionId })),
    );
  });
  const home = DEMO_DISTRICTS[0] as DemoDistrict;
  const homeRegionId = regionIds.get(home) as string;
  const school = (plans.find((p) => p.district === home && p.venue.kind === 'school_canteen') ?? plans[0])
    ?.venue as Venue;
  const cook = staffOf.get(school.id)?.find((s) => s.role === 'cook' && s.healthCertificate.expiresOn >= today);
  const accounts = await createDemoAccounts(database, {
    region: { id: homeRegionId, name: home.name },
    venue: { id: school.id, name: school.name, publicCode: school.publicCode },
    staffId: cook?.id ?? null,
  });
  progress({ phase: 'accounts', done: 1, total: 1 });

  // Training: the default set, the demo cook's passed exam and certificate, certificates and papers across the
  // city. Its own random: the rest of the city comes out the same as without it.
  await stopIfAsked();
  const cookUser = cook
    ? await db.selectFrom('memberships').select('user_id').where('staff_id', '=', cook.id).executeTakeFirst()
    : undefined;
  const certificateCode = await seedDemoTraining(database, {
    plans,
    staffOf,
    cook: cook ? { staff: cook, venue: school, userId: cookUser?.user_id ?? null } : null,
    regionsOf: (venue) => [venue.regionId, cityId],
    now,
    random: createRandom((options.seed ?? 20240501) + 11),
  });
  const staffAccount = accounts.findIndex((a) => a.role === 'operator_staff');
  if (certificateCode && staffAccount >= 0) {
    accounts[staffAccount] = { ...(accounts[staffAccount] as DemoAccount), certificateCode };
  }

  // Ledgers through the ledger service: validated, hash-chained, warnings open alerts.
  let ledgers = 0;
  const ledgerPlans = plans.filter(({ venue }) => keepsLedgers(venue));
  for (const [i, { venue }] of ledgerPlans.entries()) {
    await stopIfAsked();
    const staff = staffOf.get(venue.id) ?? [];
    const venueDays = options.city && risk ? cityLedgerDays(days, options.city, risk.of(venue.id), random) : days;
    const ctx = {
      venueId: venue.id,
      venueKind: venue.kind,
      timeZone: venue.timeZone,
      profile: NATIONAL_PROFILE,
      healthCertificates: new Map(staff.map((s) => [s.id, s.healthCertificate.expiresOn] as const)),
      // Checks carry the person's name, and their alerts name them.
      staffNames: new Map(staff.map((s) => [s.id, s.name] as const)),
      storedPhotos: new Set<string>(),
    };
    const items: AppendItem[] = planLedgers(venue, staff, venueDays, nowMs, random).map((record, n) => ({
      idempotencyKey: `demo-seed-${n}`,
      requestHash: requestHash(record),
      prepared: prepareRecord(record, ctx, now),
    }));
    const outcomes = await appendLedgerRecords(database, venue.id, SEED_CREATOR, items, now);
    ledgers += outcomes.filter((o) => o.status === 'created').length;
    progress({ phase: 'ledgers', done: i + 1, total: ledgerPlans.length });
  }

  // What consumers, regulators and cameras did.
  progress({ phase: 'activity', done: 0, total: 1 });
  const ratings = ratingRows(plans, consumerIds, days, random, nowMs);
  const notices = noticeRows(plans, consumerIds, (regionId) => regulatorByRegion.get(regionId), days, random, nowMs);
  const { complaints, photos } = complaintRows(plans, consumerIds, days, random);
  const violations = violationAlertRows(plans, random, nowMs, risk?.of);
  // Each AI capture with its picture, as a camera's push stores it (at city scale, the last two days' only: a
  // year of pictures would make the benchmark's database a gigabyte of the same JPEG).
  const pictured = options.city
    ? violations.filter((a) => nowMs - Date.parse(a.opened_at) < 2 * 86_400_000)
    : violations;
  const snapshots = pictured.map((a) => ({
    alert_id: a.id,
    content_type: 'image/jpeg',
    bytes: SNAPSHOT_JPEG,
    created_at: a.opened_at,
  }));
  const inspections = inspectionRows(plans, today, random, shiftDay, risk?.of);
  await stopIfAsked();
  // The city's activity, in one transaction.
  await db.transaction().execute(async (trx) => {
    await insertAll(trx, 'ratings', ratings);
    await insertAll(trx, 'notices', notices);
    await insertAll(trx, 'complaints', complaints);
    await insertAll(trx, 'complaint_photos', photos);
    await insertAll(trx, 'alerts', violations);
    await insertAll(trx, 'alert_snapshots', snapshots);
    await insertAll(trx, 'inspections', inspections);
  });
  // The demo canteen's open rectification notice (责令整改), due in a few days.
  await seedDemoRectification(database, {
    venueId: school.id,
    timeZone: school.timeZone,
    regulatorId: regulatorByRegion.get(homeRegionId) as string,
    now,
  });
  // Tips, one consumer alert in force and duties for canteens (法定义务), from the home district's regulator.
  await seedDemoTips(database, {
    cityId,
    districtId: homeRegionId,
    regulatorId: regulatorByRegion.get(homeRegionId) as string,
    now,
  });
  // Last month's red and black lists of the home district, published by its regulator (who finds them in the console).
  if (!options.city) {
    await seedDemoLists(database, {
      regionId: homeRegionId,
      regulatorId: regulatorByRegion.get(homeRegionId) as string,
      now,
    });
  }
  // The last write: the city is complete (and no longer marked as being seeded) once its notices, tips and lists are.
  await markSeedingDone(db);
  const alertCount = await db
    .selectFrom('alerts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  progress({ phase: 'done', done: 1, total: 1 });

  return {
    accounts,
    counts: {
      regions: DEMO_DISTRICTS.length + 1,
      venues: plans.length,
      staff: [...staffOf.values()].reduce((n, s) => n + s.length, 0),
      ledgers,
      alerts: Number(alertCount?.n ?? 0),
      ratings: ratings.length,
      notices: notices.length,
      complaints: complaints.length,
      inspections: inspections.length,
    },
    ms: Date.now() - started,
  };
}
