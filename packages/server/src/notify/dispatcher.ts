/**
 * The escalation dispatcher: on each tick (and at once when an alert opens) it asks the SDK's
 * `dueNotifications` what each unresolved alert is owed, given what the notification record says
 * was already sent, records one delivery per channel and recipient, and sends them. A failing
 * channel is retried with backoff and never stops the others; delivered rows are never sent
 * again, so a restart does not repeat what people already got.
 */
import {
  type BackoffPolicy,
  backoffDelay,
  DEFAULT_ESCALATION_POLICY,
  type DueNotification,
  dueNotifications,
  type EscalationLevel,
  type EscalationPolicy,
  inZone,
  type SentNotification,
} from '@brightkitchen/sdk';
import type { RealtimeEvent } from '../alerts/realtime-event.js';
import { toAlert } from '../alerts/service.js';
import type { AlertNotificationsTable, AlertsTable, Database } from '../db/index.js';
import { newId, readEach } from '../db/index.js';
import { recipientsFor } from './recipients.js';
import { sendWebhook } from './webhook-sender.js';
import type { WechatSender } from './wechat-sender.js';

export const NOTIFICATION_CHANNELS = ['realtime', 'wechat', 'webhook'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const MAX_ATTEMPTS = 5;
/** A failed delivery is tried again after 10 s, 1 min, 6 min, then every 30 min (the SDK's backoff, no jitter). */
/** How long a claimed delivery is left to the instance that claimed it before another may retry it. */
const CLAIM_LEASE_MS = 60_000;
const REDELIVERY: BackoffPolicy = { baseMs: 10_000, maxMs: 30 * 60_000, factor: 6 };

const LEVEL_PHRASE: Readonly<Record<EscalationLevel, string>> = {
  manager: '管理员',
  venue_head: '负责人',
  regulator: '监管人员',
};

export interface DispatcherOptions {
  readonly database: Database;
  readonly now: () => number;
  readonly policy?: EscalationPolicy;
  readonly realtime?: (event: RealtimeEvent) => Promise<void>;
  readonly wechat?: WechatSender;
  readonly webhook?: { readonly url: string; readonly secret: string };
  readonly log: (message: string, error?: unknown) => void;
}

export interface DispatchReport {
  readonly planned: number;
  readonly delivered: number;
  readonly failed: number;
}

type AlertWithVenue = AlertsTable & { venue_name: string; time_zone: string };

const clip = (text: string, n: number) =>
  Array.from(text).length > n
    ? `${Array.from(text)
        .slice(0, n - 1)
        .join('')}…`
    : text;

const NOTHING: DispatchReport = { planned: 0, delivered: 0, failed: 0 };

export class EscalationDispatcher {
  /** Passes run one after the other, never overlapping. */
  private chain: Promise<unknown> = Promise.resolve();
  /** A pass queued and not started yet takes in the calls that come meanwhile. */
  private queuedFull: Promise<DispatchReport> | undefined;
  private queuedFresh: Promise<DispatchReport> | undefined;
  private readonly fresh = new Set<string>();
  /** Delivery attempts since start, by channel and outcome: read by `/metrics`. */
  readonly outcomes = new Map<NotificationChannel, { delivered: number; failed: number }>();

  constructor(private readonly o: DispatcherOptions) {}

  /** A full pass over every unresolved alert, with the retries of failed deliveries (the clock's tick). */
  tick(): Promise<DispatchReport> {
    this.queuedFull ??= this.enqueue(() => {
      this.queuedFull = undefined;
      return this.pass();
    });
    return this.queuedFull;
  }

  /**
   * An alert was just opened: its first notification goes out now, in a pass over the alerts opened
   * since the last such pass only (a burst of openings does not rescan every unresolved alert of the city).
   */
  opened(alertId: string): Promise<DispatchReport> {
    this.fresh.add(alertId);
    this.queuedFresh ??= this.enqueue(() => {
      this.queuedFresh = undefined;
      const ids = [...this.fresh];
      this.fresh.clear();
      return this.pass(ids);
    });
    return this.queuedFresh;
  }

  private enqueue(run: () => Promise<DispatchReport>): Promise<DispatchReport> {
    const next = this.chain.then(run).catch((error) => {
      this.o.log('escalation dispatcher', error);
      return NOTHING;
    });
    this.chain = next;
    return next;
  }

  /** Plans and sends what is due: for the given alerts only, or (without `only`) for all, then the retries. */
  private async pass(only?: readonly string[]): Promise<DispatchReport> {
    const { db } = this.o.database;
    const now = this.o.now();
    const nowIso = new Date(now).toISOString();
    const policy = this.o.policy ?? DEFAULT_ESCALATION_POLICY;
    let query = db
      .selectFrom('alerts')
      .innerJoin('venues', 'venues.id', 'alerts.venue_id')
      .selectAll('alerts')
      .select(['venues.name as venue_name', 'venues.time_zone as time_zone'])
      .where('alerts.state', '!=', 'resolved');
    if (only) query = query.where('alerts.id', 'in', only);
    const alerts = (await query.orderBy('alerts.opened_at').limit(2000).execute()) as AlertWithVenue[];
    const byId = new Map(alerts.map((a) => [a.id, a]));
    const sent = new Map<string, SentNotification[]>();
    if (alerts.length > 0) {
      const slots = await db
        .selectFrom('alert_notifications')
        .select(['alert_id', 'repeat', 'due_at'])
        .where('alert_id', 'in', [...byId.keys()])
        .groupBy(['alert_id', 'repeat', 'due_at'])
        .execute();
      for (const s of slots) {
        const log = sent.get(s.alert_id) ?? [];
        log.push({ repeat: s.repeat, dueAt: s.due_at });
        sent.set(s.alert_id, log);
      }
    }
    const work: Promise<boolean>[] = [];
    let planned = 0;
    // An alert whose stored message or details are damaged is logged and skipped; the others are still owed theirs.
    const readable = readEach(alerts, (alert) => ({ alert, view: toAlert(alert) }), this.o.log);
    for (const { alert, view } of readable) {
      for (const due of dueNotifications(view, sent.get(alert.id) ?? [], policy, now)) {
        const rows = await this.plan(alert, due, nowIso);
        planned += rows.length;
        for (const row of rows) work.push(this.deliver(row, alert, now));
      }
    }
    const results = await Promise.all(work);
    // Retries after this pass's own deliveries settled, so nothing planned above is sent twice.
    if (!only) results.push(...(await this.retries(byId, now)));
    const delivered = results.filter(Boolean).length;
    return { planned, delivered, failed: results.length - delivered };
  }

  /**
   * Deliveries that failed or never finished, past their backoff, claimed before sending: the claim moves
   * `next_attempt_at` a lease ahead, and on PostgreSQL the rows are picked `for update skip locked`, so two
   * instances never send the same retry.
   */
  private async retries(byId: ReadonlyMap<string, AlertWithVenue>, now: number): Promise<boolean[]> {
    if (byId.size === 0) return [];
    const nowIso = new Date(now).toISOString();
    const { db, dialect } = this.o.database;
    const claimed = await db
      .updateTable('alert_notifications')
      .set({ next_attempt_at: new Date(now + CLAIM_LEASE_MS).toISOString(), updated_at: nowIso })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('alert_notifications')
          .select('id')
          .where('alert_id', 'in', [...byId.keys()])
          .where('status', 'in', ['failed', 'pending'])
          .where('attempts', '<', MAX_ATTEMPTS)
          .where('created_at', '<', nowIso)
          .where((w) => w.or([w('next_attempt_at', 'is', null), w('next_attempt_at', '<=', nowIso)]))
          .limit(500)
          .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
      )
      .returningAll()
      .execute();
    return Promise.all(
      claimed.flatMap((row) => {
        const alert = byId.get(row.alert_id);
        return alert ? [this.deliver(row, alert, now)] : [];
      }),
    );
  }

  /** Records the deliveries of one due notification (idempotent on alert, repeat, channel, recipient). */
  private async plan(alert: AlertWithVenue, due: DueNotification, nowIso: string): Promise<AlertNotificationsTable[]> {
    const recipients = await recipientsFor(this.o.database, alert.venue_id, due.level);
    const targets: { channel: NotificationChannel; recipient: string }[] = [];
    if (this.o.realtime) targets.push({ channel: 'realtime', recipient: `venue:${alert.venue_id}` });
    if (this.o.webhook) targets.push({ channel: 'webhook', recipient: this.o.webhook.url });
    if (this.o.wechat?.enabled) {
      for (const r of recipients) if (r.wechatOpenid) targets.push({ channel: 'wechat', recipient: r.userId });
    }
    const rows: AlertNotificationsTable[] = targets.map((t) => ({
      id: newId('ntf'),
      alert_id: alert.id,
      venue_id: alert.venue_id,
      repeat: due.repeat,
      level: due.level,
      due_at: new Date(due.dueAt).toISOString(),
      channel: t.channel,
      recipient: t.recipient,
      status: 'pending',
      attempts: 0,
      error: null,
      // Claimed by whoever stores it: another instance retries it only once the lease has passed unsent.
      next_attempt_at: new Date(Date.parse(nowIso) + CLAIM_LEASE_MS).toISOString(),
      created_at: nowIso,
      updated_at: nowIso,
    }));
    if (rows.length === 0) return [];
    // Only the rows stored here are sent from here: an instance planning the same slot at once stores nothing.
    return this.o.database.db
      .insertInto('alert_notifications')
      .values(rows)
      .onConflict((oc) => oc.columns(['alert_id', 'repeat', 'channel', 'recipient']).doNothing())
      .returningAll()
      .execute();
  }

  private async deliver(row: AlertNotificationsTable, alert: AlertWithVenue, now: number): Promise<boolean> {
    const attempts = row.attempts + 1;
    const at = new Date(now).toISOString();
    let error: string | null = null;
    try {
      await this.send(row, alert, at, now);
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
    }
    const backoff = backoffDelay(attempts, REDELIVERY);
    await this.o.database.db
      .updateTable('alert_notifications')
      .set({
        status: error ? 'failed' : 'delivered',
        attempts,
        error,
        next_attempt_at: error && attempts < MAX_ATTEMPTS ? new Date(now + backoff).toISOString() : null,
        updated_at: at,
      })
      .where('id', '=', row.id)
      .where('status', '!=', 'delivered')
      .execute();
    if (error) this.o.log(`notification ${row.channel} → ${row.recipient} failed: ${error}`);
    const counts = this.outcomes.get(row.channel as NotificationChannel) ?? { delivered: 0, failed: 0 };
    counts[error ? 'failed' : 'delivered'] += 1;
    this.outcomes.set(row.channel as NotificationChannel, counts);
    return error === null;
  }

  private async send(row: AlertNotificationsTable, alert: AlertWithVenue, at: string, now: number): Promise<void> {
    const view = toAlert(alert);
    const level = row.level as EscalationLevel;
    switch (row.channel as NotificationChannel) {
      case 'realtime':
        if (!this.o.realtime) throw new Error('realtime channel is off');
        return this.o.realtime({
          type: 'alert.notification',
          venueId: alert.venue_id,
          at,
          alert: view,
          repeat: row.repeat,
          level,
        });
      case 'webhook': {
        if (!this.o.webhook) throw new Error('webhook channel is off');
        const body = JSON.stringify({ event: 'alert.notification', at, repeat: row.repeat, level, alert: view });
        return sendWebhook(this.o.webhook.url, this.o.webhook.secret, 'alert.notification', body, now);
      }
      case 'wechat': {
        if (!this.o.wechat) throw new Error('wechat channel is off');
        const user = await this.o.database.db
          .selectFrom('users')
          .select('wechat_openid')
          .where('id', '=', row.recipient)
          .executeTakeFirst();
        if (!user?.wechat_openid) throw new Error('recipient has no WeChat openid');
        return this.o.wechat.send(user.wechat_openid, {
          thing1: { value: clip(view.message.zh, 20) },
          time2: { value: inZone(view.openedAt, alert.time_zone).format('YYYY-MM-DD HH:mm') },
          thing3: { value: clip(alert.venue_name, 20) },
          phrase4: { value: LEVEL_PHRASE[level] ?? '管理员' },
        });
      }
    }
  }
}
