/**
 * The disinfection controller's other half: a preset run that never started. The schedules set by
 * `POST /v1/devices/{id}/schedule` are kept here; once a run's start plus the grace has passed, the
 * lamp's measured runs (disinfection_runs, from power telemetry) must show one under way by then that
 * had not ended before the start; otherwise the run was missed. A cursor in engine_cursors keeps a
 * restart from judging twice.
 */
import { type ScheduledRun, ScheduledRunSchema } from '@brightkitchen/sdk';
import * as v from 'valibot';
import { type CorruptValueLog, type Database, logCorrupt, readJson } from '../../db/index.js';
import { dueOccurrences, type Occurrence } from './schedule-occurrences.js';

const CURSOR = 'disinfection-schedule-check';
const RunsSchema = v.array(ScheduledRunSchema);

export interface MissedRun extends Occurrence {
  readonly deviceId: string;
}

interface Schedule {
  readonly runs: readonly ScheduledRun[];
  readonly since: number;
}

export class ScheduleWatch {
  private readonly schedules = new Map<string, Schedule>();
  private checkedUntil: number | undefined;

  constructor(
    private readonly database: Database,
    private readonly graceMs: number,
    private readonly log: CorruptValueLog,
  ) {}

  /** Loads the stored schedules; a damaged one is logged and not judged until it is set again. */
  async load(): Promise<void> {
    const { db } = this.database;
    const rows = await db.selectFrom('device_schedules').select(['device_id', 'runs', 'updated_at']).execute();
    for (const row of rows) {
      const runs = readJson(RunsSchema, row.runs, { table: 'device_schedules', column: 'runs', id: row.device_id });
      if (runs.ok) this.schedules.set(row.device_id, { runs: runs.value, since: Date.parse(row.updated_at) });
      else logCorrupt(this.log, runs.error);
    }
    const cursor = await db.selectFrom('engine_cursors').select('value').where('name', '=', CURSOR).executeTakeFirst();
    if (cursor) this.checkedUntil = Date.parse(cursor.value);
  }

  /** Another instance set this device's schedule, or its device was removed: read it back (none: forgotten). */
  async reload(deviceId: string): Promise<void> {
    const row = await this.database.db
      .selectFrom('device_schedules')
      .select(['device_id', 'runs', 'updated_at'])
      .where('device_id', '=', deviceId)
      .executeTakeFirst();
    if (!row) {
      this.schedules.delete(deviceId);
      return;
    }
    const runs = readJson(RunsSchema, row.runs, { table: 'device_schedules', column: 'runs', id: row.device_id });
    if (runs.ok) this.schedules.set(row.device_id, { runs: runs.value, since: Date.parse(row.updated_at) });
    else logCorrupt(this.log, runs.error);
  }

  /** A schedule was set (or replaced) at `at`. */
  set(deviceId: string, runs: readonly ScheduledRun[], at: number): void {
    this.schedules.set(deviceId, { runs, since: at });
  }

  /** The runs due for checking by `now` that never started; `timeZoneOf` gives each device's zone. */
  async check(now: number, timeZoneOf: (deviceId: string) => string | undefined): Promise<MissedRun[]> {
    const from = this.checkedUntil ?? now;
    this.checkedUntil = now;
    if (now <= from) return [];
    const missed: MissedRun[] = [];
    let judged = 0;
    for (const [deviceId, schedule] of this.schedules) {
      const timeZone = timeZoneOf(deviceId);
      if (!timeZone) continue;
      const due = dueOccurrences(schedule.runs, timeZone, { from, to: now, notBefore: schedule.since }, this.graceMs);
      for (const occurrence of due) {
        judged++;
        if (!(await this.ranAround(deviceId, occurrence.startsAt))) missed.push({ deviceId, ...occurrence });
      }
    }
    if (judged > 0) await this.saveCursor(now);
    return missed;
  }

  /** A measured run began by the end of the grace and had not ended before the scheduled start. */
  private async ranAround(deviceId: string, startsAt: number): Promise<boolean> {
    const earliest = new Date(startsAt).toISOString();
    const latest = new Date(startsAt + this.graceMs).toISOString();
    const run = await this.database.db
      .selectFrom('disinfection_runs')
      .select('id')
      .where('device_id', '=', deviceId)
      .where('started_at', '<=', latest)
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', earliest)]))
      .executeTakeFirst();
    return run !== undefined;
  }

  private async saveCursor(at: number): Promise<void> {
    const value = new Date(at).toISOString();
    await this.database.db
      .insertInto('engine_cursors')
      .values({ name: CURSOR, value })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value }))
      .execute();
  }
}
