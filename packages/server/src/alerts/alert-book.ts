/**
 * Opens and auto-clears the alerts of device conditions (sensor out of range, silent sensor, device
 * offline, violation, disinfection). One open alert per subject + type: opening again while one is
 * open is a no-op; clearing goes through the SDK's `transitionAlert` (sensor and device sources only).
 */
import {
  type Alert,
  type AlertSource,
  AUTO_CLEARING_SOURCES,
  type LocalizedText,
  type Severity,
  transitionAlert,
} from '@brightkitchen/sdk';
import { type AlertsTable, type Database, newId, toJson } from '../db/index.js';
import { ONE_OPEN_SOURCES } from '../db/migrations/055-one-open-alert.js';
import type { PublishRealtime } from './realtime-event.js';
import { toAlert } from './service.js';

export interface AlertOpening {
  readonly venueId: string;
  readonly source: AlertSource;
  readonly type: string;
  readonly severity: Severity;
  /** The registered device id (or ledger record id) the alert is about. */
  readonly subject: string;
  readonly message: LocalizedText;
  readonly details?: Record<string, unknown>;
  readonly openedAt: string;
  readonly snapshot?: { readonly contentType: string; readonly bytes: Uint8Array };
}

export interface AlertBookOptions {
  readonly database: Database;
  readonly publish: PublishRealtime;
  /** Called after an alert was stored (the dispatcher sends its first notification at once). */
  readonly onOpened?: (alert: Alert) => void;
  readonly log?: (message: string, error?: unknown) => void;
  /** Instances share the database (PostgreSQL): a subject unknown here is looked up before clearing. */
  readonly shared?: boolean;
  /** An alert was opened or cleared here (told to the other instances). */
  readonly onChange?: (change: AlertBookChange) => void;
}

export interface AlertBookChange {
  readonly kind: 'opened' | 'cleared';
  readonly subject: string;
  readonly type: string;
  readonly id: string;
}

const key = (subject: string, type: string) => `${subject}\u0000${type}`;

/** The stored row of a new open alert: the one shape every opener writes. */
export function alertRow(opening: Omit<AlertOpening, 'snapshot'>): AlertsTable {
  return {
    id: newId('alr'),
    venue_id: opening.venueId,
    source: opening.source,
    type: opening.type,
    severity: opening.severity,
    state: 'open',
    subject: opening.subject,
    message: toJson(opening.message),
    details: opening.details ? toJson(opening.details) : null,
    opened_at: opening.openedAt,
    acknowledged_at: null,
    acknowledged_by: null,
    resolved_at: null,
    resolved_by: null,
    corrective_action: null,
  };
}

/** Told of alerts that a caller stored in its own transaction (a ledger record and its warning are one write). */
export interface AlertAnnouncer {
  announce(rows: readonly AlertsTable[]): void;
}

export class AlertBook implements AlertAnnouncer {
  /** Alerts opened since start, by source (ledger warnings included): read by `/metrics`. */
  readonly openedBySource = new Map<AlertSource, number>();
  private readonly open = new Map<string, string>();
  private readonly inFlight = new Map<string, Promise<Alert | undefined>>();

  constructor(private readonly options: AlertBookOptions) {}

  /** Indexes the unresolved alerts of device conditions (after a restart). */
  async load(): Promise<void> {
    const rows = await this.options.database.db
      .selectFrom('alerts')
      .select(['id', 'subject', 'type'])
      .where('state', '!=', 'resolved')
      .where('source', 'in', [...ONE_OPEN_SOURCES])
      .execute();
    for (const row of rows) if (row.subject) this.open.set(key(row.subject, row.type), row.id);
  }

  isOpen(subject: string, type: string): boolean {
    return this.open.has(key(subject, type));
  }

  openAlertId(subject: string, type: string): string | undefined {
    return this.open.get(key(subject, type));
  }

  /** Opens the alert unless one is open for the same subject and type (then answers undefined). */
  openAlert(opening: AlertOpening): Promise<Alert | undefined> {
    const k = key(opening.subject, opening.type);
    if (this.open.has(k)) return Promise.resolve(undefined);
    const pending = this.inFlight.get(k);
    if (pending) return pending.then(() => undefined);
    const work = this.insert(opening).finally(() => this.inFlight.delete(k));
    this.inFlight.set(k, work);
    return work;
  }

  private async insert(opening: AlertOpening): Promise<Alert | undefined> {
    const { db } = this.options.database;
    const row = alertRow(opening);
    // One open alert per subject and type is the database's rule (migration 055): an instance sharing the
    // database may have opened it a moment ago, and then this insert stores nothing and nothing is announced.
    const stored = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('alerts')
        .values(row)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
      if (opening.snapshot) {
        await trx
          .insertInto('alert_snapshots')
          .values({
            alert_id: row.id,
            content_type: opening.snapshot.contentType,
            bytes: opening.snapshot.bytes,
            created_at: opening.openedAt,
          })
          .execute();
      }
      return true;
    });
    if (!stored) {
      const existing = await this.openInDatabase(opening.subject, opening.type);
      if (existing) this.open.set(key(opening.subject, opening.type), existing);
      return undefined;
    }
    const alert = toAlert({ ...row, snapshot_type: opening.snapshot?.contentType ?? null });
    this.emit({ type: 'alert.opened', venueId: row.venue_id, at: row.opened_at, alert });
    this.open.set(key(opening.subject, opening.type), row.id);
    this.opened(alert);
    this.options.onChange?.({ kind: 'opened', subject: opening.subject, type: opening.type, id: row.id });
    return alert;
  }

  /** The id of the unresolved alert of this subject and type in the database, if any. */
  private async openInDatabase(subject: string, type: string): Promise<string | undefined> {
    const row = await this.options.database.db
      .selectFrom('alerts')
      .select('id')
      .where('subject', '=', subject)
      .where('type', '=', type)
      .where('state', '!=', 'resolved')
      .where('source', 'in', [...ONE_OPEN_SOURCES])
      .executeTakeFirst();
    return row?.id;
  }

  /** Another instance opened (`id`) or cleared (undefined) the alert of this subject and type. */
  learn(subject: string, type: string, id: string | undefined): void {
    const k = key(subject, type);
    if (id) this.open.set(k, id);
    else this.open.delete(k);
  }

  /** Publishes and dispatches alerts stored with their cause (ledger warnings), as if the book had opened them. */
  announce(rows: readonly AlertsTable[]): void {
    for (const row of rows) {
      const alert = toAlert(row);
      this.emit({ type: 'alert.opened', venueId: row.venue_id, at: row.opened_at, alert });
      this.opened(alert);
    }
  }

  private opened(alert: Alert): void {
    this.openedBySource.set(alert.source, (this.openedBySource.get(alert.source) ?? 0) + 1);
    this.options.onOpened?.(alert);
  }

  /** Auto-resolves the open alert of this subject and type, if any (the condition ended by itself). */
  async clear(subject: string, type: string, at: string): Promise<Alert | undefined> {
    const k = key(subject, type);
    await this.inFlight.get(k);
    // Sharing the database, the alert may have been opened by another instance this one has not heard of yet.
    const id = this.open.get(k) ?? (this.options.shared ? await this.openInDatabase(subject, type) : undefined);
    if (!id) return undefined;
    this.open.delete(k);
    const { db } = this.options.database;
    const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !AUTO_CLEARING_SOURCES.includes(row.source as AlertSource)) return undefined;
    const result = transitionAlert(toAlert(row), { type: 'clear' }, at);
    if (!result.ok) return undefined;
    const update = await db
      .updateTable('alerts')
      .set({ state: 'resolved', resolved_at: result.alert.resolvedAt ?? at })
      .where('id', '=', id)
      .where('state', '=', row.state)
      .executeTakeFirst();
    if (Number(update.numUpdatedRows) !== 1) return undefined;
    this.emit({ type: 'alert.cleared', venueId: row.venue_id, at, alert: result.alert });
    this.options.onChange?.({ kind: 'cleared', subject, type, id });
    return result.alert;
  }

  /** Forgets alerts someone resolved by hand since, so their condition can open a new one. */
  async reconcile(): Promise<void> {
    const before = new Map(this.open);
    if (before.size === 0) return;
    const rows = await this.options.database.db
      .selectFrom('alerts')
      .select('id')
      .where('id', 'in', [...before.values()])
      .where('state', '!=', 'resolved')
      .execute();
    const unresolved = new Set(rows.map((r) => r.id));
    for (const [k, id] of before) if (!unresolved.has(id) && this.open.get(k) === id) this.open.delete(k);
  }

  private emit(event: Parameters<PublishRealtime>[0]): void {
    this.options.publish(event).catch((error) => this.options.log?.('realtime publish failed', error));
  }
}
