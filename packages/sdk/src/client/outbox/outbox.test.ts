import { describe, expect, it } from 'vitest';
import type { SampleRetentionRecord } from '../../domain/ledger.js';
import { idempotentSink, json, manualClock, scriptedTransport, settle } from '../__tests__/harness.js';
import { createClient } from '../create-client.js';
import { createMemoryStorage } from '../storage.js';
import type { OutboxEvents } from './events.js';

const VENUE = 'v1';

function sample(n: number): SampleRetentionRecord {
  return {
    kind: 'sample_retention',
    dishName: `菜品 ${n}`,
    meal: 'lunch',
    weightGrams: 130,
    sampledAt: '2024-05-01T11:30:00+08:00',
    storageUnit: '留样柜 1',
    sealedSeparately: true,
    person: '张三',
  };
}

function dishes(order: unknown[]): string[] {
  return order.map((body) => (body as { dishName: string }).dishName);
}

function record<K extends keyof OutboxEvents>(emitter: { on: (k: K, f: (e: OutboxEvents[K]) => void) => void }, k: K) {
  const seen: OutboxEvents[K][] = [];
  emitter.on(k, (e) => seen.push(e));
  return seen;
}

describe('outbox', () => {
  it('sends queued writes in order, each with the idempotency key it got at enqueue', async () => {
    const sink = idempotentSink();
    const { transport, requests } = scriptedTransport(sink.answer);
    const client = createClient({ baseURL: 'http://bk.test', transport, clock: manualClock() });
    const queued = [];
    for (let i = 1; i <= 5; i++) queued.push(await client.ledgers.submit(VENUE, sample(i)));
    const outcomes = await Promise.all(queued.map((q) => q.settled));

    expect(outcomes.map((o) => o.state)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    expect(dishes(sink.order)).toEqual(['菜品 1', '菜品 2', '菜品 3', '菜品 4', '菜品 5']);
    expect(requests.map((r) => r.url)).toEqual(Array(5).fill('http://bk.test/v1/venues/v1/ledgers'));
    expect(requests.map((r) => r.headers['Idempotency-Key'])).toEqual(queued.map((q) => q.idempotencyKey));
    expect(new Set(queued.map((q) => q.idempotencyKey)).size).toBe(5);
    expect(await client.outbox.pending()).toEqual([]);
  });

  it('retries with growing, jittered backoff on network errors and 5xx, keeping later writes behind', async () => {
    const sink = idempotentSink();
    let failuresLeft = 4;
    const { transport, requests } = scriptedTransport((req) => {
      if (failuresLeft > 0) {
        failuresLeft--;
        return failuresLeft % 2 === 0 ? new Error('ECONNREFUSED') : json(503, { code: 'INTERNAL', message: 'x' });
      }
      return sink.answer(req);
    });
    const clock = manualClock();
    const client = createClient({
      baseURL: 'http://bk.test',
      transport,
      clock,
      random: () => 0.5,
      outbox: { backoff: { baseMs: 1000, maxMs: 60_000 } },
    });
    const retrying = record(client.outbox.events, 'retrying');
    const drained = record(client.outbox.events, 'drained');

    await client.ledgers.submit(VENUE, sample(1));
    await client.ledgers.submit(VENUE, sample(2));
    await settle();
    // Only the head was tried; the second write waits behind it.
    expect(requests).toHaveLength(1);
    for (let i = 0; i < 4; i++) await clock.advance(60_000);

    expect(retrying.map((r) => r.attempt)).toEqual([1, 2, 3, 4]);
    // Equal jitter with random 0.5: three quarters of a ceiling that doubles from 1 s.
    expect(retrying.map((r) => r.delayMs)).toEqual([750, 1500, 3000, 6000]);
    expect(retrying.map((r) => r.error.code)).toEqual(['INTERNAL', 'NETWORK_ERROR', 'INTERNAL', 'NETWORK_ERROR']);
    expect(dishes(sink.order)).toEqual(['菜品 1', '菜品 2']);
    expect(new Set(requests.slice(0, 5).map((r) => r.headers['Idempotency-Key'])).size).toBe(1);
    expect(drained).toEqual([{ sent: 2, failed: 0 }]);
  });

  it('jitter spreads delays within the upper half of the ceiling, capped at maxMs', async () => {
    const { backoffDelay } = await import('../backoff.js');
    const policy = { baseMs: 1000, maxMs: 8000 };
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(10, policy, () => 0)).toBe(4000);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(7996);
    // Without jitter (a reconnect, a server's redelivery): the ceiling, by any factor.
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy))).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3].map((n) => backoffDelay(n, { ...policy, factor: 6, maxMs: 30_000 }))).toEqual([
      1000, 6000, 30_000,
    ]);
  });

  it('drops a write the rules refuse, with the server code, and goes on with the next', async () => {
    const sink = idempotentSink();
    const { transport } = scriptedTransport((req) => {
      const body = JSON.parse(req.body ?? '{}') as { weightGrams?: number };
      if (body.weightGrams === 50) {
        return json(422, {
          code: 'LEDGER_RULE_VIOLATION',
          message: { zh: '台账不符合食品安全规则', en: 'rule' },
          details: {
            issues: [{ code: 'SAMPLE_UNDERWEIGHT', path: 'weightGrams', message: { zh: '留样不足', en: 'too light' } }],
          },
        });
      }
      return sink.answer(req);
    });
    const client = createClient({ baseURL: 'http://bk.test', transport, clock: manualClock() });
    const failed = record(client.outbox.events, 'failed');

    const bad = await client.ledgers.submit(VENUE, { ...sample(1), weightGrams: 50 });
    const good = await client.ledgers.submit(VENUE, sample(2));
    const badOutcome = await bad.settled;
    await good.settled;

    expect(badOutcome.state).toBe('failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.code).toBe('LEDGER_RULE_VIOLATION');
    expect(failed[0]?.error.name).toBe('RuleError');
    expect(dishes(sink.order)).toEqual(['菜品 2']);
    expect(await client.outbox.pending()).toEqual([]);
    const rejected = await client.outbox.rejected();
    expect(rejected.map((r) => [r.item.id, r.error.code])).toEqual([[bad.id, 'LEDGER_RULE_VIOLATION']]);
    await client.outbox.dismiss(bad.id);
    expect(await client.outbox.rejected()).toEqual([]);
  });

  it('keeps retrying 401, 408 and 429 instead of dropping the write', async () => {
    const answers = [
      json(429, { code: 'RATE_LIMITED', message: 'x' }),
      json(408, { code: 'HTTP_408', message: 'x' }),
      json(401, { code: 'UNAUTHENTICATED', message: 'x' }),
    ];
    const sink = idempotentSink();
    const { transport } = scriptedTransport((req) => answers.shift() ?? sink.answer(req));
    const clock = manualClock();
    const client = createClient({ baseURL: 'http://bk.test', transport, clock });
    const failed = record(client.outbox.events, 'failed');
    const q = await client.ratings.submit(VENUE, {
      faces: { dishes: 'satisfied', hygiene: 'neutral', service: 'satisfied' },
    });
    await settle();
    for (let i = 0; i < 3; i++) await clock.advance(60_000);
    expect((await q.settled).state).toBe('sent');
    expect(failed).toEqual([]);
    expect(sink.order).toHaveLength(1);
  });

  it('survives a restart: a new client on the same storage sends what the old one could not, once', async () => {
    const storage = createMemoryStorage();
    const sink = idempotentSink();
    let serverUp = false;
    // The first attempt reaches the server but the answer is lost: the retry must not double the record.
    let loseNextAnswer = true;
    const { transport } = scriptedTransport((req) => {
      if (!serverUp) return new Error('ECONNREFUSED');
      const answer = sink.answer(req);
      if (loseNextAnswer) {
        loseNextAnswer = false;
        return new Error('socket hang up');
      }
      return answer;
    });
    const first = createClient({ baseURL: 'http://bk.test', transport, storage, clock: manualClock() });
    const keys = [];
    for (let i = 1; i <= 3; i++) keys.push((await first.ledgers.submit(VENUE, sample(i))).idempotencyKey);
    await settle();
    first.close();
    expect((await first.outbox.pending()).map((p) => p.idempotencyKey)).toEqual(keys);

    serverUp = true;
    const second = createClient({ baseURL: 'http://bk.test', transport, storage, outbox: { autoStart: false } });
    expect((await second.outbox.pending()).map((p) => p.idempotencyKey)).toEqual(keys);
    expect(await second.outbox.flush()).toEqual({ sent: 0, failed: 0, pending: 3 }); // the answer was lost
    const result = await second.outbox.flush();

    expect(result).toEqual({ sent: 3, failed: 0, pending: 0 });
    expect(dishes(sink.order)).toEqual(['菜品 1', '菜品 2', '菜品 3']);
    expect([...sink.stored.keys()]).toEqual(keys);
    second.close();
    const third = createClient({ baseURL: 'http://bk.test', transport, storage, outbox: { autoStart: false } });
    expect(await third.outbox.pending()).toEqual([]);
  });

  it('two clients side by side keep their own outboxes and sessions', async () => {
    const shared = createMemoryStorage();
    const sinkA = idempotentSink();
    const sinkB = idempotentSink();
    const a = createClient({
      baseURL: 'http://a.test',
      ...scriptedTransport(sinkA.answer),
      storage: shared,
      namespace: 'a',
      outbox: { autoStart: false },
    });
    const b = createClient({
      baseURL: 'http://b.test',
      ...scriptedTransport(sinkB.answer),
      storage: shared,
      namespace: 'b',
      outbox: { autoStart: false },
    });
    const c = createClient({
      baseURL: 'http://c.test',
      transport: scriptedTransport(() => new Error('down')).transport,
      outbox: { autoStart: false },
    });
    await a.ledgers.submit(VENUE, sample(1));
    await b.ledgers.submit(VENUE, sample(2));
    await b.ledgers.submit(VENUE, sample(3));
    await c.ledgers.submit(VENUE, sample(4));

    expect((await a.outbox.pending()).length).toBe(1);
    expect((await b.outbox.pending()).length).toBe(2);
    expect(await a.outbox.flush()).toEqual({ sent: 1, failed: 0, pending: 0 });
    expect(await b.outbox.flush()).toEqual({ sent: 2, failed: 0, pending: 0 });
    expect(dishes(sinkA.order)).toEqual(['菜品 1']);
    expect(dishes(sinkB.order)).toEqual(['菜品 2', '菜品 3']);
    expect((await c.outbox.pending()).length).toBe(1);
  });

  it('pauses while offline and resumes when the host reports the network back', async () => {
    const sink = idempotentSink();
    const { transport, requests } = scriptedTransport(sink.answer);
    const client = createClient({ baseURL: 'http://bk.test', transport, clock: manualClock() });
    client.outbox.setOnline(false);
    await client.notices.send(VENUE, { subject: '后厨卫生', body: '地面有积水' });
    await client.complaints.submit(VENUE, {
      text: '饭菜有异物',
      photos: [{ contentType: 'image/png', dataBase64: 'iVBORw0KGgo=' }],
    });
    await settle();
    expect(requests).toHaveLength(0);
    expect((await client.outbox.flush()).pending).toBe(2);

    const drained = record(client.outbox.events, 'drained');
    client.outbox.setOnline(true);
    await settle();
    expect(requests.map((r) => r.url)).toEqual([
      'http://bk.test/v1/venues/v1/notices',
      'http://bk.test/v1/venues/v1/complaints',
    ]);
    expect(drained).toEqual([{ sent: 2, failed: 0 }]);
  });

  it('refuses a write the phone cannot keep (storage full) and never sends it', async () => {
    const sink = idempotentSink();
    const { transport, requests } = scriptedTransport(sink.answer);
    const memory = createMemoryStorage();
    let full = false;
    const storage = {
      ...memory,
      set: (key: string, value: string) =>
        full && value.includes('菜品 2') ? Promise.reject(new Error('storage full')) : memory.set(key, value),
    };
    const client = createClient({ baseURL: 'http://bk.test', transport, clock: manualClock(), storage });
    client.outbox.setOnline(false);
    await client.ledgers.submit(VENUE, sample(1));
    full = true;
    await expect(client.ledgers.submit(VENUE, sample(2))).rejects.toThrow('storage full');
    full = false;
    const third = await client.ledgers.submit(VENUE, sample(3));
    expect(dishes((await client.outbox.pending()).map((i) => i.body))).toEqual(['菜品 1', '菜品 3']);
    client.outbox.setOnline(true);
    await third.settled;
    expect(dishes(sink.order)).toEqual(['菜品 1', '菜品 3']);
    expect(requests).toHaveLength(2);
  });

  it('emits queued and sent with the stored item', async () => {
    const sink = idempotentSink();
    const client = createClient({ baseURL: 'http://bk.test', ...scriptedTransport(sink.answer), clock: manualClock() });
    const queued = record(client.outbox.events, 'queued');
    const sent = record(client.outbox.events, 'sent');
    const q = await client.ledgers.submit(VENUE, sample(1));
    await q.settled;
    expect(queued.map((e) => [e.item.id, e.item.kind, e.pending])).toEqual([[q.id, 'ledger', 1]]);
    expect(sent.map((e) => [e.item.id, e.status])).toEqual([[q.id, 201]]);
  });
});

describe('outbox with a corrupt stored value', () => {
  /** A queue as an earlier client stored it, the middle write damaged (a half-written or edited value). */
  async function storedQueue(storage: ReturnType<typeof createMemoryStorage>) {
    const first = createClient({
      baseURL: 'http://bk.test',
      transport: scriptedTransport(() => new Error('down')).transport,
      storage,
      outbox: { autoStart: false },
    });
    for (let i = 1; i <= 3; i++) await first.ledgers.submit(VENUE, sample(i));
    first.close();
    return JSON.parse((await storage.get('bk:outbox')) ?? '[]') as Record<string, unknown>[];
  }

  it('sets an unreadable queue aside, says why, and keeps taking and sending writes', async () => {
    const storage = createMemoryStorage({ 'bk:outbox': '[{"id":"w1","kind":"ledger"' });
    const sink = idempotentSink();
    const client = createClient({ baseURL: 'http://bk.test', ...scriptedTransport(sink.answer), storage });
    const quarantined = record(client.outbox.events, 'quarantined');

    expect(await client.outbox.pending()).toEqual([]);
    const q = await client.ledgers.submit(VENUE, sample(1));
    expect((await q.settled).state).toBe('sent');
    expect(dishes(sink.order)).toEqual(['菜品 1']);

    expect(quarantined).toEqual([
      { key: 'bk:outbox', value: '[{"id":"w1","kind":"ledger"', reason: expect.stringMatching(/JSON/i) },
    ]);
    // Kept for support, not lost: the raw value under the quarantine key.
    const kept = JSON.parse((await storage.get('bk:outbox:quarantine')) ?? '[]');
    expect(kept).toMatchObject([{ key: 'bk:outbox', value: '[{"id":"w1","kind":"ledger"' }]);
  });

  it('sets aside only the damaged write: the ones before and after it are sent, in order', async () => {
    const storage = createMemoryStorage();
    const items = await storedQueue(storage);
    const damaged = { ...items[1], path: 42, attempts: 'many' };
    await storage.set('bk:outbox', JSON.stringify([items[0], damaged, items[2]]));

    const sink = idempotentSink();
    const client = createClient({
      baseURL: 'http://bk.test',
      ...scriptedTransport(sink.answer),
      storage,
      outbox: { autoStart: false },
    });
    const quarantined = record(client.outbox.events, 'quarantined');
    expect((await client.outbox.pending()).map((p) => p.id)).toEqual([items[0]?.id, items[2]?.id]);
    expect(quarantined).toEqual([
      { key: 'bk:outbox', value: JSON.stringify(damaged), reason: expect.stringContaining('path') },
    ]);
    expect(await client.outbox.flush()).toEqual({ sent: 2, failed: 0, pending: 0 });
    expect(dishes(sink.order)).toEqual(['菜品 1', '菜品 3']);
    // Stored again without it: a next start does not trip over it again.
    const again = createClient({ baseURL: 'http://bk.test', storage, outbox: { autoStart: false } });
    const later = record(again.outbox.events, 'quarantined');
    expect(await again.outbox.pending()).toEqual([]);
    expect(later).toEqual([]);
  });

  it('sets aside a damaged list of refused writes and keeps the queue', async () => {
    const storage = createMemoryStorage();
    await storedQueue(storage);
    await storage.set('bk:outbox:rejected', '{"oops":true}');
    const client = createClient({ baseURL: 'http://bk.test', storage, outbox: { autoStart: false } });
    const quarantined = record(client.outbox.events, 'quarantined');

    expect(await client.outbox.rejected()).toEqual([]);
    expect(await client.outbox.pending()).toHaveLength(3);
    expect(quarantined.map((q) => q.key)).toEqual(['bk:outbox:rejected']);
    await client.outbox.dismiss();
  });
});
