import mitt, { type Emitter } from 'mitt';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from '../backoff.js';
import type { Clock } from '../clock.js';
import type { BrightKitchenError } from '../errors/bright-kitchen-error.js';
import { isBrightKitchenError } from '../errors/bright-kitchen-error.js';
import { NetworkError } from '../errors/network-error.js';
import type { HttpAnswer } from '../http.js';
import { newIdempotencyKey, type Random } from '../ids.js';
import type { KeyValueStorage } from '../storage.js';
import { isRefusal } from './classify.js';
import type { OutboxEvents } from './events.js';
import type { OutboxItem, OutboxKind, OutboxOutcome, RejectedItem } from './item.js';
import { createPersister } from './persister.js';
import { checkOutboxItem, checkRejectedItem, quarantine, readStoredList } from './stored.js';

/** What a queued write hands back at once: its id and idempotency key, and a way to await its outcome. */
export interface QueuedWrite {
  readonly id: string;
  readonly kind: OutboxKind;
  readonly idempotencyKey: string;
  /** Resolves when the write is sent or refused, in this client's lifetime. Never rejects. */
  readonly settled: Promise<OutboxOutcome>;
}

/** What one `outbox.flush()` did: writes sent, dropped as refused, and still waiting. */
export interface FlushResult {
  readonly sent: number;
  readonly failed: number;
  /** Still waiting: the head could not be sent now (offline, network, 5xx). */
  readonly pending: number;
}

/**
 * The offline outbox: writes kept in storage and sent strictly in order, each with its idempotency key,
 * retried with backoff when the network or the server fails, dropped with an event when refused.
 */
export interface Outbox {
  readonly events: Emitter<OutboxEvents>;
  /** Stores a write and, when started and online, sends it soon. */
  enqueue(kind: OutboxKind, path: string, body: unknown): Promise<QueuedWrite>;
  /** Tries to send everything now, skipping any backoff wait. */
  flush(): Promise<FlushResult>;
  /** Writes not yet sent, oldest first. */
  pending(): Promise<readonly OutboxItem[]>;
  /** Writes the server refused (most recent first, at most `maxRejected`). */
  rejected(): Promise<readonly RejectedItem[]>;
  /** Forgets refused writes (all, or one by id) once the user has seen them. */
  dismiss(id?: string): Promise<void>;
  /** Resolves when the write with this id is sent or refused. */
  settled(id: string): Promise<OutboxOutcome>;
  /** Sends automatically: now, after each enqueue and after each backoff delay. */
  start(): void;
  /** No more automatic sending; pending writes stay stored. */
  stop(): void;
  /** The host's network state (wire it to `wx.onNetworkStatusChange` or similar). Offline pauses sending. */
  setOnline(online: boolean): void;
  readonly running: boolean;
}

export interface OutboxOptions {
  readonly storage: KeyValueStorage;
  /** Storage key prefix of this client; two clients with different namespaces never share writes. */
  readonly namespace: string;
  readonly send: (item: OutboxItem) => Promise<HttpAnswer<unknown>>;
  readonly clock: Clock;
  readonly random: Random;
  readonly newId?: () => string;
  readonly backoff?: BackoffPolicy;
  readonly maxRejected?: number;
}

export function createOutbox(options: OutboxOptions): Outbox {
  const events = mitt<OutboxEvents>();
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const maxRejected = options.maxRejected ?? 100;
  const newId = options.newId ?? newIdempotencyKey;
  const queueKey = `${options.namespace}:outbox`;
  const rejectedKey = `${options.namespace}:outbox:rejected`;
  const quarantineKey = `${options.namespace}:outbox:quarantine`;

  let queue: OutboxItem[] = [];
  let rejectedList: RejectedItem[] = [];
  const waiters = new Map<string, ((outcome: OutboxOutcome) => void)[]>();
  let started = false;
  let online = true;
  let timer: unknown = null;
  let run: Promise<FlushResult> | null = null;

  /** Writes being stored: not sent before they are kept, and dropped if keeping them fails. */
  let staged: OutboxItem[] = [];
  const saveQueue = createPersister(options.storage, queueKey, () =>
    queue.length + staged.length === 0 ? null : JSON.stringify([...queue, ...staged]),
  );
  const saveRejected = createPersister(options.storage, rejectedKey, () =>
    rejectedList.length === 0 ? null : JSON.stringify(rejectedList),
  );

  const ready = (async () => {
    const [q, r] = await Promise.all([options.storage.get(queueKey), options.storage.get(rejectedKey)]);
    const stored = readStoredList<OutboxItem>(queueKey, q, checkOutboxItem);
    const refused = readStoredList<RejectedItem>(rejectedKey, r, checkRejectedItem);
    queue = stored.items;
    rejectedList = refused.items;
    const setAside = [...stored.setAside, ...refused.setAside];
    if (setAside.length === 0) return;
    for (const value of setAside) events.emit('quarantined', value);
    // Stored again without the damaged values only once those are kept aside, so nothing is lost.
    if (await quarantine(options.storage, quarantineKey, setAside, options.clock.now())) {
      await Promise.all([
        stored.setAside.length > 0 ? saveQueue() : undefined,
        refused.setAside.length > 0 ? saveRejected() : undefined,
      ]).catch(ignore);
    }
  })();

  function settle(outcome: OutboxOutcome): void {
    const list = waiters.get(outcome.item.id);
    waiters.delete(outcome.item.id);
    for (const resolve of list ?? []) resolve(outcome);
  }

  function settled(id: string): Promise<OutboxOutcome> {
    return new Promise((resolve) => {
      const list = waiters.get(id) ?? [];
      list.push(resolve);
      waiters.set(id, list);
    });
  }

  function clearTimer(): void {
    if (timer !== null) options.clock.clearTimeout(timer);
    timer = null;
  }

  function schedule(delayMs: number): void {
    clearTimer();
    if (!started || !online) return;
    timer = options.clock.setTimeout(() => {
      timer = null;
      void kick().catch(ignore);
    }, delayMs);
  }

  /** Sends from the head until the queue is empty or the head must wait. One run at a time. */
  async function drain(): Promise<FlushResult> {
    await ready;
    let sent = 0;
    let failed = 0;
    for (;;) {
      if (!online) break;
      const item = queue[0];
      if (!item) break;
      try {
        const answer = await options.send(item);
        queue.shift();
        await saveQueue();
        sent++;
        events.emit('sent', { item, status: answer.status, result: answer.body });
        settle({ state: 'sent', item, status: answer.status, result: answer.body });
      } catch (caught) {
        const error = asError(caught);
        if (isRefusal(error)) {
          queue.shift();
          rejectedList = [{ item, error: error.toJSON(), rejectedAt: options.clock.now() }, ...rejectedList].slice(
            0,
            maxRejected,
          );
          await Promise.all([saveQueue(), saveRejected()]);
          failed++;
          events.emit('failed', { item, code: error.code, error });
          settle({ state: 'failed', item, error: error.toJSON() });
          continue;
        }
        const attempt = item.attempts + 1;
        const retried: OutboxItem = { ...item, attempts: attempt, lastError: error.toJSON() };
        queue[0] = retried;
        await saveQueue();
        const delayMs = backoffDelay(attempt, policy, options.random);
        events.emit('retrying', { item: retried, attempt, delayMs, error });
        schedule(delayMs);
        return { sent, failed, pending: queue.length };
      }
    }
    if (queue.length === 0 && (sent > 0 || failed > 0)) events.emit('drained', { sent, failed });
    return { sent, failed, pending: queue.length };
  }

  function kick(): Promise<FlushResult> {
    if (run) return run;
    run = drain().finally(() => {
      run = null;
    });
    return run;
  }

  return {
    events,
    async enqueue(kind, path, body) {
      await ready;
      const id = newId();
      // The body is stored as JSON now, so what is retried later is exactly what was queued.
      const item: OutboxItem = {
        id,
        kind,
        idempotencyKey: id,
        path,
        body: JSON.parse(JSON.stringify(body)),
        enqueuedAt: options.clock.now(),
        attempts: 0,
      };
      staged.push(item);
      try {
        await saveQueue();
      } finally {
        staged = staged.filter((i) => i !== item);
      }
      // Kept: only now may it be sent (a write that could not be stored is refused, never sent).
      const outcome = settled(id);
      queue.push(item);
      events.emit('queued', { item, pending: queue.length });
      if (started && online && timer === null) void kick().catch(ignore);
      return { id, kind, idempotencyKey: item.idempotencyKey, settled: outcome };
    },
    async flush() {
      clearTimer();
      if (run) await run;
      return kick();
    },
    async pending() {
      await ready;
      return [...queue];
    },
    async rejected() {
      await ready;
      return [...rejectedList];
    },
    async dismiss(id) {
      await ready;
      rejectedList = id === undefined ? [] : rejectedList.filter((r) => r.item.id !== id);
      await saveRejected();
    },
    settled,
    start() {
      if (started) return;
      started = true;
      if (online) void kick().catch(ignore);
    },
    stop() {
      started = false;
      clearTimer();
    },
    setOnline(next) {
      online = next;
      if (!next) clearTimer();
      else if (started && timer === null) void kick().catch(ignore);
    },
    get running() {
      return started;
    },
  };
}

function asError(caught: unknown): BrightKitchenError {
  if (isBrightKitchenError(caught)) return caught;
  const message = caught instanceof Error ? caught.message : String(caught);
  return new NetworkError(message, caught);
}

/** Automatic runs have no caller to tell; a storage failure surfaces on the next `flush()`. */
function ignore(): void {}
