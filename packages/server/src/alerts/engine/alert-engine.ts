/**
 * Turns normalized device events into alerts: threshold transitions (sensor), silence and offline
 * (device), violations with their snapshot, short disinfection runs and contradicted ledgers.
 */
import type {
  AlarmEvent,
  Attachment,
  ReadingEvent,
  Severity,
  SwitchEvent,
  ThresholdTransition,
  ViolationEvent,
  ViolationType,
} from '@brightkitchen/sdk';
import type { Database } from '../../db/index.js';
import type { DeviceEntry } from '../../devices/device.js';
import type { AlertBook } from '../alert-book.js';
import { cameraAlarmKind } from './camera-alarms.js';
import { cameraAlarmMessage } from './device-alert-texts.js';
import {
  checkDisinfectionLedgers,
  DISINFECTING_KINDS,
  type DisinfectionWatch,
  type FinishedRun,
} from './disinfection-watch.js';
import {
  ledgerContradictedMessage,
  offlineMessage,
  runTooShortMessage,
  silentMessage,
  DEVICE_ALERT_TYPES as T,
  thresholdMessage,
  violationMessage,
} from './messages.js';
import type { ThresholdWatch } from './threshold-watch.js';

const CRITICAL_VIOLATIONS: readonly ViolationType[] = ['unattended_fire', 'rodent', 'smoking'];

export interface AlertEngineOptions {
  readonly database: Database;
  readonly book: AlertBook;
  readonly thresholds: ThresholdWatch;
  readonly disinfection: DisinfectionWatch;
  readonly log: (message: string, error?: unknown) => void;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class AlertEngine {
  constructor(private readonly o: AlertEngineOptions) {}

  reading(entry: DeviceEntry, event: ReadingEvent): void {
    const transitions = this.o.thresholds.reading(entry, event.metric, event.value, event.time);
    if (transitions instanceof Promise) {
      this.guard(transitions.then((ts) => Promise.all(ts.map((t) => this.transition(entry, t)))));
    } else {
      for (const transition of transitions) this.guard(this.transition(entry, transition));
    }
    if (event.metric === 'power' && DISINFECTING_KINDS.includes(entry.locationKind)) {
      this.guard(this.o.disinfection.power(entry, event.value, Date.parse(event.time)).then((r) => this.finished(r)));
    }
  }

  switched(entry: DeviceEntry, event: SwitchEvent): void {
    if (!DISINFECTING_KINDS.includes(entry.locationKind)) return;
    this.guard(
      this.o.disinfection.switched(entry, event.on, event.powerW, Date.parse(event.time)).then((r) => this.finished(r)),
    );
  }

  availability(entry: DeviceEntry, online: boolean, at: string): Promise<unknown> {
    if (online) return this.o.book.clear(entry.device.id, T.offline, at);
    return this.o.book.openAlert({
      venueId: entry.venueId,
      source: 'device',
      type: T.offline,
      severity: 'warning',
      subject: entry.device.id,
      message: offlineMessage(entry.device.name),
      details: { deviceName: entry.device.name, vendor: entry.device.vendor },
      openedAt: at,
    });
  }

  violation(entry: DeviceEntry, event: ViolationEvent, attachments: readonly Attachment[] = []): Promise<unknown> {
    if (event.violation === 'unknown' || event.phase === 'end') return Promise.resolve(undefined);
    const ref = event.snapshotRef?.startsWith('cid:') ? event.snapshotRef.slice(4) : undefined;
    const image = ref === undefined ? undefined : attachments.find((a) => a.id === ref);
    const snapshot =
      image ?? (ref === undefined ? attachments.find((a) => a.contentType.startsWith('image/')) : undefined);
    const severity: Severity = CRITICAL_VIOLATIONS.includes(event.violation) ? 'critical' : 'warning';
    return this.o.book.openAlert({
      venueId: entry.venueId,
      source: 'violation',
      type: event.violation,
      severity,
      subject: entry.device.id,
      message: violationMessage(event.violation, entry.device.name),
      details: {
        cameraId: event.cameraId,
        ...(event.channel === undefined ? {} : { channel: event.channel }),
        ...(event.confidence === undefined ? {} : { confidence: event.confidence }),
        ...(event.vendorCode === undefined ? {} : { vendorCode: event.vendorCode }),
        ...(event.eventId === undefined ? {} : { eventId: event.eventId }),
        seenAt: event.time,
        hasSnapshot: snapshot !== undefined,
      },
      openedAt: iso(Date.parse(event.time) || Date.now()),
      ...(snapshot ? { snapshot: { contentType: snapshot.contentType, bytes: snapshot.bytes } } : {}),
    });
  }

  /** A generic device alarm (motion, tamper, video loss, fault): opened as a `device` alert, cleared at its end. */
  alarm(entry: DeviceEntry, event: AlarmEvent): void {
    const kind = cameraAlarmKind(event);
    if (!kind) return;
    const subject = entry.device.id;
    if (event.phase === 'end') {
      this.guard(this.o.book.clear(subject, kind.type, iso(Date.parse(event.time) || Date.now())));
      return;
    }
    this.guard(
      this.o.book.openAlert({
        venueId: entry.venueId,
        source: 'device',
        type: kind.type,
        severity: kind.severity,
        subject,
        message: cameraAlarmMessage(kind.type, entry.device.name, event.description),
        details: {
          code: event.code,
          ...(event.channel === undefined ? {} : { channel: event.channel }),
          ...(event.level === undefined ? {} : { vendorLevel: event.level }),
          ...(event.eventId === undefined ? {} : { eventId: event.eventId }),
          seenAt: event.time,
        },
        openedAt: iso(Date.parse(event.time) || Date.now()),
      }),
    );
  }

  /** Clock work: threshold delays and silence, then the ledger cross-check. */
  /**
   * The clock's pass: threshold delays and silences (every instance, for the readings it received), then,
   * on the instance that leads the clock work (`leader`, always true alone), the ledger contradiction pass.
   */
  async tick(now: number, leader = true): Promise<void> {
    await this.o.book.reconcile();
    await Promise.all(
      (await this.o.thresholds.tick(now)).map(({ entry, transition }) => this.transition(entry, transition)),
    );
    if (!leader) return;
    for (const check of await checkDisinfectionLedgers(this.o.database, now, this.o.log)) {
      await this.o.book.openAlert({
        venueId: check.venueId,
        source: 'disinfection',
        type: T.ledgerContradicted,
        severity: 'warning',
        subject: check.ledgerId,
        message: ledgerContradictedMessage(check.claimedMin, check.measuredMin),
        details: { ...check },
        openedAt: iso(now),
      });
    }
  }

  private async transition(entry: DeviceEntry, t: ThresholdTransition): Promise<unknown> {
    const { book } = this.o;
    const subject = entry.device.id;
    switch (t.kind) {
      case 'raised':
        return book.openAlert({
          venueId: entry.venueId,
          source: 'sensor',
          type: t.bound === 'max' ? T.tooWarm : T.tooCold,
          severity: 'critical',
          subject,
          message: thresholdMessage(entry.locationKind, entry.device.name, t.bound, t.value, t.limit),
          details: { locationKind: entry.locationKind, value: t.value, limit: t.limit, since: iso(t.since) },
          openedAt: iso(t.at),
        });
      case 'cleared':
        await book.clear(subject, T.tooWarm, iso(t.at));
        return book.clear(subject, T.tooCold, iso(t.at));
      case 'silence':
        return book.openAlert({
          venueId: entry.venueId,
          source: 'device',
          type: T.silent,
          severity: 'warning',
          subject,
          message: silentMessage(entry.device.name, Math.round((t.at - t.lastSeenAt) / 60_000)),
          details: { lastSeenAt: iso(t.lastSeenAt) },
          openedAt: iso(t.at),
        });
      case 'silence_cleared':
        return book.clear(subject, T.silent, iso(t.at));
    }
  }

  private async finished(run: FinishedRun | undefined): Promise<unknown> {
    if (!run?.short) return undefined;
    const actualMin = Math.round((run.endedAt - run.startedAt) / 60_000);
    return this.o.book.openAlert({
      venueId: run.entry.venueId,
      source: 'disinfection',
      type: T.runTooShort,
      severity: 'warning',
      subject: run.runId,
      message: runTooShortMessage(run.entry.device.name, actualMin, Math.round(run.requiredS / 60)),
      details: {
        deviceId: run.entry.device.id,
        startedAt: iso(run.startedAt),
        endedAt: iso(run.endedAt),
        requiredMin: Math.round(run.requiredS / 60),
        actualMin,
      },
      openedAt: iso(run.endedAt),
    });
  }

  private guard(work: Promise<unknown>): void {
    work.catch((error) => this.o.log('alert engine', error));
  }
}
