/**
 * The device alerts that come from the clock and the broker rather than from a message: a dropped
 * connection or a silent device (DEVICE_OFFLINE, source `device`, auto-cleared when it is back) and a
 * preset disinfection run that never started (DISINFECTION_RUN_MISSED, source `disinfection`).
 */
import type { ScheduledRun } from '@brightkitchen/sdk';
import type { Database } from '../../db/index.js';
import type { DeviceEntry } from '../../devices/device.js';
import type { DeviceStatusBook } from '../../devices/status.js';
import type { AlertBook } from '../alert-book.js';
import {
  DISINFECTION_RUN_MISSED,
  disconnectedMessage,
  runMissedMessage,
  silentDeviceMessage,
} from './device-alert-texts.js';
import { DEVICE_ALERT_TYPES } from './messages.js';
import { type PresenceChange, PresenceWatch, VENDOR_SILENCE_MS } from './presence-watch.js';
import { ScheduleWatch } from './schedule-watch.js';

export interface DeviceWatchersOptions {
  readonly database: Database;
  readonly book: AlertBook;
  readonly status: DeviceStatusBook;
  readonly entryOf: (deviceId: string) => DeviceEntry | undefined;
  readonly entries: () => Iterable<DeviceEntry>;
  readonly timeZoneOf: (venueId: string) => string;
  /** Whether the device's location kind has sensor thresholds (then SENSOR_SILENT covers silence). */
  readonly hasThresholds: (entry: DeviceEntry) => boolean;
  readonly offlineGraceMs: number;
  readonly runGraceMs: number;
  readonly log: (message: string, error?: unknown) => void;
}

const iso = (ms: number) => new Date(ms).toISOString();
const OFFLINE = DEVICE_ALERT_TYPES.offline;

export class DeviceWatchers {
  readonly presence: PresenceWatch;
  readonly schedules: ScheduleWatch;

  constructor(private readonly o: DeviceWatchersOptions) {
    this.presence = new PresenceWatch({
      graceMs: o.offlineGraceMs,
      silenceMsOf: (entry) => (o.hasThresholds(entry) ? undefined : VENDOR_SILENCE_MS[entry.device.vendor]),
    });
    this.schedules = new ScheduleWatch(o.database, o.runGraceMs, o.log);
  }

  load(): Promise<void> {
    return this.schedules.load();
  }

  /** The embedded broker saw a device connect or disconnect. */
  async connection(deviceId: string, online: boolean, at: number): Promise<void> {
    const entry = this.o.entryOf(deviceId);
    if (!entry) return;
    if (!online) {
      this.presence.disconnected(deviceId, at);
      return;
    }
    if (this.presence.connected(deviceId)) {
      await this.o.status.availability(deviceId, true);
      await this.o.book.clear(deviceId, OFFLINE, iso(at));
    }
  }

  scheduleSet(deviceId: string, runs: readonly ScheduledRun[], at: number): void {
    this.schedules.set(deviceId, runs, at);
  }

  async tick(now: number): Promise<void> {
    const lastSeen = new Map<string, number>();
    for (const entry of this.o.entries()) {
      if (this.o.hasThresholds(entry) || VENDOR_SILENCE_MS[entry.device.vendor] === undefined) continue;
      const seen = (await this.o.status.read(entry.device.id)).lastSeenAt;
      if (seen) lastSeen.set(entry.device.id, Date.parse(seen));
    }
    for (const change of this.presence.check(now, this.o.entries(), (id) => lastSeen.get(id))) {
      await this.presenceChanged(change, now).catch((error) => this.o.log('presence alert', error));
    }
    const missed = await this.schedules.check(now, (deviceId) => {
      const entry = this.o.entryOf(deviceId);
      return entry ? this.o.timeZoneOf(entry.venueId) : undefined;
    });
    for (const run of missed) {
      const entry = this.o.entryOf(run.deviceId);
      if (!entry || entry.disabled) continue;
      const graceMin = Math.round(this.o.runGraceMs / 60_000);
      await this.o.book.openAlert({
        venueId: entry.venueId,
        source: 'disinfection',
        type: DISINFECTION_RUN_MISSED,
        severity: 'warning',
        subject: `${entry.device.id}@${iso(run.startsAt)}`,
        message: runMissedMessage(entry.device.name, run.run.time, graceMin),
        details: {
          deviceId: entry.device.id,
          scheduledAt: iso(run.startsAt),
          time: run.run.time,
          durationMin: run.run.durationMin,
          graceMin,
        },
        openedAt: iso(now),
      });
    }
  }

  private async presenceChanged(change: PresenceChange, now: number): Promise<void> {
    const entry = this.o.entryOf(change.deviceId);
    if (!entry) return;
    const { book, status } = this.o;
    if (change.kind === 'heard_again') {
      await book.clear(entry.device.id, OFFLINE, iso(now));
      return;
    }
    if (change.kind === 'disconnected' && this.presence.isConnected(entry.device.id)) return;
    await status.availability(entry.device.id, false);
    const minutes = Math.round((now - (change.kind === 'disconnected' ? change.since : change.lastSeenAt)) / 60_000);
    await book.openAlert({
      venueId: entry.venueId,
      source: 'device',
      type: OFFLINE,
      severity: 'warning',
      subject: entry.device.id,
      message:
        change.kind === 'disconnected'
          ? disconnectedMessage(entry.device.name, minutes)
          : silentDeviceMessage(entry.device.name, minutes),
      details:
        change.kind === 'disconnected'
          ? { reason: 'disconnected', deviceName: entry.device.name, disconnectedAt: iso(change.since) }
          : { reason: 'silent', deviceName: entry.device.name, lastSeenAt: iso(change.lastSeenAt) },
      openedAt: iso(now),
    });
  }
}
