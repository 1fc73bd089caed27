/**
 * The disinfection controller's check: from a UV lamp's or cabinet's power telemetry (relay state
 * and, when measured, the power drawn), each run is recorded with its duration; a run shorter than
 * the rule profile requires (≥ 30 min UV) opens an alert. An air-disinfection ledger record that
 * claims more than the lamps actually ran is flagged (source 'disinfection').
 */
import { AirDisinfectionRecordSchema, type LocationKind, type RuleProfile } from '@brightkitchen/sdk';
import { type CorruptValueLog, type Database, logCorrupt, newId, readJson } from '../../db/index.js';
import type { DeviceEntry } from '../../devices/device.js';

/** Below this draw a relay that is "on" is not disinfecting (a dead tube, an unplugged lamp). */
export const MIN_RUNNING_POWER_W = 1;
/** What a ledger may claim beyond the measured run time before it is flagged. */
export const LEDGER_TOLERANCE_MIN = 5;

export const DISINFECTING_KINDS: readonly LocationKind[] = ['uv_lamp', 'disinfection_cabinet'];

export function requiredRunSeconds(location: LocationKind, profile: RuleProfile): number {
  if (location === 'disinfection_cabinet') return profile.ledger.disinfection.infrared_cabinet.minSeconds;
  return profile.ledger.airDisinfection.uvMinMinutes * 60;
}

export interface FinishedRun {
  readonly entry: DeviceEntry;
  readonly runId: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly requiredS: number;
  readonly short: boolean;
}

interface Relay {
  on?: boolean;
  powerW?: number;
  run?: { id: string; startedAt: number; requiredS: number };
}

export class DisinfectionWatch {
  private readonly relays = new Map<string, Relay>();

  /**
   * `shared` (a cluster on PostgreSQL): the running run is the database's, not this instance's — a run is
   * started with `on conflict do nothing` (059) and ended by the one update that finds it running, so a
   * lamp whose telemetry is split between instances has one run, ended once.
   */
  constructor(
    private readonly database: Database,
    private readonly profileOf: (venueId: string) => RuleProfile,
    private readonly shared = false,
  ) {}

  /** Resumes runs that were going on when the server stopped. */
  async load(entryOf: (deviceId: string) => DeviceEntry | undefined): Promise<void> {
    const rows = await this.database.db
      .selectFrom('disinfection_runs')
      .selectAll()
      .where('status', '=', 'running')
      .execute();
    for (const row of rows) {
      if (!entryOf(row.device_id)) continue;
      this.relays.set(row.device_id, {
        on: true,
        run: { id: row.id, startedAt: Date.parse(row.started_at), requiredS: row.required_s },
      });
    }
  }

  switched(entry: DeviceEntry, on: boolean, powerW: number | undefined, at: number): Promise<FinishedRun | undefined> {
    const relay = this.relay(entry);
    relay.on = on;
    if (powerW !== undefined) relay.powerW = powerW;
    return this.settle(entry, relay, at);
  }

  power(entry: DeviceEntry, powerW: number, at: number): Promise<FinishedRun | undefined> {
    const relay = this.relay(entry);
    relay.powerW = powerW;
    if (relay.on === undefined) relay.on = powerW >= MIN_RUNNING_POWER_W;
    return this.settle(entry, relay, at);
  }

  private relay(entry: DeviceEntry): Relay {
    let relay = this.relays.get(entry.device.id);
    if (!relay) {
      relay = {};
      this.relays.set(entry.device.id, relay);
    }
    return relay;
  }

  private async settle(entry: DeviceEntry, relay: Relay, at: number): Promise<FinishedRun | undefined> {
    const running = relay.on === true && (relay.powerW === undefined || relay.powerW >= MIN_RUNNING_POWER_W);
    if (this.shared) return this.settleShared(entry, running, at);
    const { db } = this.database;
    if (running && !relay.run) {
      const requiredS = requiredRunSeconds(entry.locationKind, this.profileOf(entry.venueId));
      relay.run = { id: newId('run'), startedAt: at, requiredS };
      await db
        .insertInto('disinfection_runs')
        .values({
          id: relay.run.id,
          device_id: entry.device.id,
          venue_id: entry.venueId,
          started_at: new Date(at).toISOString(),
          ended_at: null,
          duration_s: null,
          required_s: requiredS,
          status: 'running',
        })
        .execute();
      return undefined;
    }
    if (running || !relay.run) return undefined;
    const run = relay.run;
    relay.run = undefined;
    const durationS = Math.max(0, Math.round((at - run.startedAt) / 1000));
    const short = durationS < run.requiredS;
    await db
      .updateTable('disinfection_runs')
      .set({ ended_at: new Date(at).toISOString(), duration_s: durationS, status: short ? 'short' : 'ok' })
      .where('id', '=', run.id)
      .execute();
    return { entry, runId: run.id, startedAt: run.startedAt, endedAt: at, requiredS: run.requiredS, short };
  }

  private async settleShared(entry: DeviceEntry, running: boolean, at: number): Promise<FinishedRun | undefined> {
    const { db } = this.database;
    if (running) {
      const requiredS = requiredRunSeconds(entry.locationKind, this.profileOf(entry.venueId));
      await db
        .insertInto('disinfection_runs')
        .values({
          id: newId('run'),
          device_id: entry.device.id,
          venue_id: entry.venueId,
          started_at: new Date(at).toISOString(),
          ended_at: null,
          duration_s: null,
          required_s: requiredS,
          status: 'running',
        })
        .onConflict((c) => c.column('device_id').where('status', '=', 'running').doNothing())
        .execute();
      return undefined;
    }
    const open = await db
      .selectFrom('disinfection_runs')
      .select(['id', 'started_at', 'required_s'])
      .where('device_id', '=', entry.device.id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (!open) return undefined;
    const startedAt = Date.parse(open.started_at);
    const durationS = Math.max(0, Math.round((at - startedAt) / 1000));
    const short = durationS < open.required_s;
    // Only the instance whose update ends it reports it (the other finds it no longer running).
    const ended = await db
      .updateTable('disinfection_runs')
      .set({ ended_at: new Date(at).toISOString(), duration_s: durationS, status: short ? 'short' : 'ok' })
      .where('id', '=', open.id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (Number(ended.numUpdatedRows) !== 1) return undefined;
    return { entry, runId: open.id, startedAt, endedAt: at, requiredS: open.required_s, short };
  }
}

export interface LedgerCheck {
  readonly ledgerId: string;
  readonly venueId: string;
  readonly claimedMin: number;
  readonly measuredMin: number;
  readonly start: string;
  readonly end: string;
}

const CURSOR = 'disinfection-ledger-check';

type Lamp = { readonly id: string; readonly binding_key: string; readonly created_at: string };

/** The UV lamps of these venues, by venue (one query for a page of ledger records). */
async function uvLamps(database: Database, venueIds: readonly string[]): Promise<Map<string, Lamp[]>> {
  const byVenue = new Map<string, Lamp[]>();
  if (venueIds.length === 0) return byVenue;
  const rows = await database.db
    .selectFrom('devices')
    .select(['id', 'binding_key', 'created_at', 'venue_id'])
    .where('venue_id', 'in', venueIds)
    .where('location_kind', '=', 'uv_lamp')
    .execute();
  for (const { venue_id, ...lamp } of rows) {
    const lamps = byVenue.get(venue_id);
    if (lamps) lamps.push(lamp);
    else byVenue.set(venue_id, [lamp]);
  }
  return byVenue;
}

/**
 * Of a venue's UV lamps, those that were there to measure a period starting at `startIso`: registered
 * by then, or with a measured run by then. A lamp registered later cannot contradict older records.
 */
async function measuringLamps(database: Database, lamps: readonly Lamp[], startIso: string): Promise<Lamp[]> {
  const out: Lamp[] = [];
  for (const lamp of lamps) {
    const there =
      lamp.created_at <= startIso ||
      (await database.db
        .selectFrom('disinfection_runs')
        .select('id')
        .where('device_id', '=', lamp.id)
        .where('started_at', '<=', startIso)
        .executeTakeFirst()) !== undefined;
    if (there) out.push(lamp);
  }
  return out;
}

/**
 * Compares UV air-disinfection ledger records (newer than the stored cursor, whose end has passed)
 * with the measured runs of the venue's UV lamps. Venues without a lamp there at the time are not judged.
 * Returns the records the telemetry contradicts. A record whose stored body is damaged is logged and passed.
 */
export async function checkDisinfectionLedgers(
  database: Database,
  now: number,
  log: CorruptValueLog,
): Promise<LedgerCheck[]> {
  const { db } = database;
  const cursor = (await db.selectFrom('engine_cursors').select('value').where('name', '=', CURSOR).executeTakeFirst())
    ?.value;
  let q = db
    .selectFrom('ledger_records')
    .select(['id', 'venue_id', 'body', 'created_at'])
    .where('kind', '=', 'air_disinfection')
    .orderBy('created_at')
    .orderBy('id')
    .limit(200);
  if (cursor) {
    const [at = '', id = ''] = cursor.split('|');
    q = q.where((eb) => eb.or([eb('created_at', '>', at), eb.and([eb('created_at', '=', at), eb('id', '>', id)])]));
  }
  const rows = await q.execute();
  const lampsByVenue = await uvLamps(database, [...new Set(rows.map((r) => r.venue_id))]);
  const out: LedgerCheck[] = [];
  let last: string | undefined;
  for (const row of rows) {
    const read = readJson(AirDisinfectionRecordSchema, row.body, {
      table: 'ledger_records',
      column: 'body',
      id: row.id,
    });
    const record = read.ok ? read.value : undefined;
    const end = record ? Date.parse(record.end) : Number.NaN;
    if (Number.isFinite(end) && end > now) break;
    last = `${row.created_at}|${row.id}`;
    if (!read.ok) logCorrupt(log, read.error);
    if (record?.method !== 'uv') continue;
    const start = Date.parse(record.start);
    if (!Number.isFinite(start) || !(end > start)) continue;
    const lamps = await measuringLamps(database, lampsByVenue.get(row.venue_id) ?? [], new Date(start).toISOString());
    const chosen = record.deviceId
      ? lamps.filter((l) => l.id === record.deviceId || l.binding_key === record.deviceId)
      : lamps;
    if (chosen.length === 0) continue;
    const runs = await db
      .selectFrom('disinfection_runs')
      .select(['started_at', 'ended_at'])
      .where(
        'device_id',
        'in',
        chosen.map((l) => l.id),
      )
      .where('started_at', '<', new Date(end).toISOString())
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', new Date(start).toISOString())]))
      .execute();
    let measuredMs = 0;
    for (const run of runs) {
      const from = Math.max(start, Date.parse(run.started_at));
      const to = Math.min(end, run.ended_at ? Date.parse(run.ended_at) : now);
      if (to > from) measuredMs += to - from;
    }
    const claimedMin = Math.round((end - start) / 60_000);
    const measuredMin = Math.round(measuredMs / 60_000);
    if (claimedMin - measuredMin > LEDGER_TOLERANCE_MIN) {
      out.push({
        ledgerId: row.id,
        venueId: row.venue_id,
        claimedMin,
        measuredMin,
        start: record.start,
        end: record.end,
      });
    }
  }
  if (last) {
    await db
      .insertInto('engine_cursors')
      .values({ name: CURSOR, value: last })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: last }))
      .execute();
  }
  return out;
}
