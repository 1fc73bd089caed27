/**
 * What instances sharing one PostgreSQL tell each other, and which of them does the clock work.
 *
 * - Events: `NOTIFY bk_cluster, '<json>'` on every change another instance keeps in memory (a device
 *   registered, an alert opened or cleared, a schedule set); each instance `LISTEN`s and applies them.
 * - Leadership: one instance holds the session advisory lock `LEADER_LOCK`; the clock work (presence and
 *   silence checks, threshold ticks, the ledger contradiction pass, retention, ledger roots, risk refits)
 *   runs on it only. Its connection dying (kill -9, network) frees the lock and another takes it at its next try.
 *
 * Both use one dedicated connection outside the pool. On SQLite there is one instance: it leads, events go nowhere.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';

export type ClusterEvent =
  | { readonly kind: 'device'; readonly deviceId: string }
  | { readonly kind: 'alert'; readonly subject: string; readonly type: string; readonly id: string | null }
  | { readonly kind: 'schedule'; readonly deviceId: string }
  /** A region's rule overrides were set. */
  | { readonly kind: 'region'; readonly regionId: string }
  /** Something under `/venues/{venueId}` was written: its cached public profile is stale. */
  | { readonly kind: 'venue'; readonly venueId: string }
  /** Risk rankings were refitted or their policy changed: cached rankings are stale. */
  | { readonly kind: 'rankings' }
  /** A tip or consumer alert was written or withdrawn: cached public tips are stale. */
  | { readonly kind: 'tips' }
  /** Red/black lists were published: every cached profile's `listStatus` may be stale. */
  | { readonly kind: 'lists' };

/** A barrier (`sync`): sent by an instance to itself through the channel, never handed to the handlers. */
type Envelope = (ClusterEvent | { readonly kind: 'sync'; readonly token: string }) & { readonly from: string };

export const CLUSTER_CHANNEL = 'bk_cluster';
/** The advisory lock key of the clock work (any 64-bit number the platform uses for nothing else). */
export const LEADER_LOCK = 7_301_013_001;

export interface ClusterLink {
  /** This instance's id in events and logs. */
  readonly instanceId: string;
  readonly shared: boolean;
  start(): Promise<void>;
  /** True while this instance holds the clock work's lock. */
  isLeader(): boolean;
  /**
   * Tells the other instances (never this one). Resolves once the notification is committed (or queued while the
   * link is down; never rejects), so a write that awaits it answers only after every instance can learn of it.
   */
  publish(event: ClusterEvent): Promise<void>;
  onEvent(handler: (event: ClusterEvent) => void | Promise<void>): void;
  /**
   * Resolves once every notification committed before the call has reached this instance (PostgreSQL delivers a
   * channel's notifications in commit order, so its own barrier coming back means the earlier ones arrived and
   * their handlers started). The test balancer calls it on every instance after a write.
   */
  sync(): Promise<void>;
  /** Leadership changed here (gained or lost). */
  onLeadership(handler: (leader: boolean) => void): void;
  close(): Promise<void>;
}

export interface ClusterLinkOptions {
  readonly retryMs?: number;
  readonly log: (message: string, error?: unknown) => void;
}

export function createClusterLink(database: DatabaseConfig, options: ClusterLinkOptions): ClusterLink {
  const instanceId = `i-${randomBytes(4).toString('hex')}`;
  const handlers: ((event: ClusterEvent) => void | Promise<void>)[] = [];
  const leadershipHandlers: ((leader: boolean) => void)[] = [];
  if (database.kind !== 'postgres') {
    return {
      instanceId,
      shared: false,
      async start() {},
      isLeader: () => true,
      async publish() {},
      async sync() {},
      onEvent(handler) {
        handlers.push(handler);
      },
      onLeadership(handler) {
        leadershipHandlers.push(handler);
      },
      async close() {},
    };
  }

  const retryMs = options.retryMs ?? 1000;
  let client: pg.Client | undefined;
  let leader = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let connecting: Promise<void> | undefined;
  const outbox: string[] = [];
  const barriers = new Map<string, () => void>();

  const setLeader = (next: boolean) => {
    if (next === leader) return;
    leader = next;
    options.log(next ? `cluster: ${instanceId} leads the clock work` : `cluster: ${instanceId} no longer leads`);
    for (const h of leadershipHandlers) h(next);
  };

  const deliver = (payload: string | undefined) => {
    if (!payload) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload) as Envelope;
    } catch {
      return;
    }
    if (envelope.kind === 'sync') {
      if (envelope.from === instanceId) barriers.get(envelope.token)?.();
      return;
    }
    if (envelope.from === instanceId) return;
    for (const h of handlers) {
      Promise.resolve(h(envelope)).catch((error) => options.log('cluster: event handler failed', error));
    }
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: database.url, application_name: `bk-cluster-${instanceId}` });
    next.on('error', (error) => {
      options.log('cluster: connection lost', error);
      if (client === next) client = undefined;
      setLeader(false);
    });
    next.on('end', () => {
      if (client === next) client = undefined;
      setLeader(false);
    });
    next.on('notification', (message) => deliver(message.payload));
    await next.connect();
    await next.query(`listen ${CLUSTER_CHANNEL}`);
    client = next;
    // Sent while the link was down: late is better than never (receivers apply events idempotently).
    while (outbox.length > 0) {
      const payload = outbox.shift();
      if (payload) await next.query('select pg_notify($1, $2)', [CLUSTER_CHANNEL, payload]);
    }
  };

  const step = async () => {
    if (closed) return;
    try {
      if (!client) {
        connecting ??= connect().finally(() => {
          connecting = undefined;
        });
        await connecting;
      }
      if (client && !leader) {
        const result = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [
          LEADER_LOCK,
        ]);
        setLeader(result.rows[0]?.locked === true);
      }
    } catch (error) {
      options.log('cluster: link step failed', error);
    }
  };

  return {
    instanceId,
    shared: true,
    async start() {
      await step();
      timer = setInterval(() => void step(), retryMs);
      timer.unref();
    },
    isLeader: () => leader,
    async publish(event) {
      const payload = JSON.stringify({ ...event, from: instanceId });
      if (!client) {
        outbox.push(payload);
        return;
      }
      await client
        .query('select pg_notify($1, $2)', [CLUSTER_CHANNEL, payload])
        .then(() => undefined)
        .catch((error) => options.log('cluster: notify failed', error));
    },
    onEvent(handler) {
      handlers.push(handler);
    },
    async sync() {
      if (!client) return;
      const token = randomBytes(6).toString('hex');
      const back = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        barriers.set(token, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      await client
        .query('select pg_notify($1, $2)', [CLUSTER_CHANNEL, JSON.stringify({ kind: 'sync', token, from: instanceId })])
        .catch((error) => options.log('cluster: sync failed', error));
      await back;
      barriers.delete(token);
    },
    onLeadership(handler) {
      leadershipHandlers.push(handler);
    },
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      await connecting?.catch(() => undefined);
      const c = client;
      client = undefined;
      setLeader(false);
      await c?.end().catch(() => undefined);
    },
  };
}
