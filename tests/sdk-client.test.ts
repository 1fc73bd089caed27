/**
 * The SDK client against the real server on loopback: login and refresh, typed errors, and the offline
 * outbox across a server stop and a client restart (nothing lost, nothing doubled).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BrightKitchenClient,
  createFileStorage,
  createNodeClient,
  isBrightKitchenError,
  type LedgerRecord,
  type OutboxEvents,
  type RuleError,
  verifyChain,
} from '@brightkitchen/sdk/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../packages/server/src/app.js';
import { issueAccessToken } from '../packages/server/src/auth/access-token.js';
import { seedTestCity, TEST_PASSWORD, type TestCity } from '../packages/server/src/testing/fixtures.js';
import { morningCheck, purchase } from '../packages/server/src/testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';

const FAST_BACKOFF = { baseMs: 50, maxMs: 400 };

function portOf(baseUrl: string): number {
  return Number(baseUrl.slice(baseUrl.lastIndexOf(':') + 1));
}

function nextEvent<K extends keyof OutboxEvents>(client: BrightKitchenClient, type: K): Promise<OutboxEvents[K]> {
  return new Promise((resolve) => {
    const handler = (event: OutboxEvents[K]) => {
      client.outbox.events.off(type, handler);
      resolve(event);
    };
    client.outbox.events.on(type, handler);
  });
}

describe.each(DATABASES)('SDK client against the real server (%s)', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let dir: string;
  const clients: BrightKitchenClient[] = [];
  const extraApps: Awaited<ReturnType<typeof buildApp>>[] = [];

  function client(storagePath?: string): BrightKitchenClient {
    const c = createNodeClient({
      baseURL: server.baseUrl,
      ...(storagePath ? { storagePath } : {}),
      outbox: { backoff: FAST_BACKOFF },
      timeoutMs: 5_000,
    });
    clients.push(c);
    return c;
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    dir = mkdtempSync(join(tmpdir(), 'bk-sdk-e2e-'));
  });

  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });

  afterAll(async () => {
    for (const app of extraApps) await app.close();
    await server.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs in, reads who it is, and lists regions and its venue', async () => {
    const staff = client();
    const session = await staff.auth.login(city.staffer.login, TEST_PASSWORD);
    expect(session.user).toMatchObject({ id: city.staffer.user.id, role: 'operator_staff' });
    const me = await staff.auth.me();
    expect(me.memberships).toEqual([{ venueId: city.venues.school, role: 'operator_staff' }]);
    const venue = await staff.venues.get(city.venues.school);
    expect(venue.kind).toBe('school_canteen');

    const wrong = await client()
      .auth.login(city.staffer.login, 'not the password')
      .catch((e: unknown) => e);
    expect(isBrightKitchenError(wrong, 'ApiError')).toBe(true);
    expect(wrong).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });

    const other = await staff.venues.get(city.venues.restaurant).catch((e: unknown) => e);
    expect(isBrightKitchenError(other)).toBe(true);
    expect((other as { status: number }).status).toBeGreaterThanOrEqual(403);
  });

  it('renews an expired access token with the refresh token, once, and carries on', async () => {
    const path = join(dir, `refresh-${kind}.json`);
    const first = client(path);
    await first.auth.login(city.manager.login, TEST_PASSWORD);
    first.close();
    // Replace the stored access token with one that expired a minute ago.
    const storage = createFileStorage(path);
    const stored = JSON.parse((await storage.get('bk:session')) ?? '{}') as { accessToken: string };
    stored.accessToken = issueAccessToken(
      server.config.tokenSecret,
      { userId: city.manager.user.id, role: 'operator_manager' },
      -60,
    );
    await storage.set('bk:session', JSON.stringify(stored));

    const second = client(path);
    const sessions: unknown[] = [];
    second.events.on('session', (s) => sessions.push(s));
    const [a, b] = await Promise.all([second.auth.me(), second.venues.staff.list(city.venues.school)]);
    expect(a.user.id).toBe(city.manager.user.id);
    expect(b.items.length).toBeGreaterThan(0);
    expect(sessions).toHaveLength(1);
    expect((await second.auth.session())?.accessToken).not.toBe(stored.accessToken);
  });

  it('refuses a record that breaks the rules: it leaves the outbox with the server code', async () => {
    const staff = client();
    await staff.auth.login(city.staffer.login, TEST_PASSWORD);
    const failed = nextEvent(staff, 'failed');
    const expiredGoods = purchase({ shelfLifeDays: 1, invoicePhotoRef: 'invoice.jpg' });
    const queued = await staff.ledgers.submit(city.venues.school, expiredGoods);
    const outcome = await queued.settled;
    expect(outcome.state).toBe('failed');
    const event = await failed;
    expect(event.code).toBe('LEDGER_RULE_VIOLATION');
    expect(event.error.name).toBe('RuleError');
    expect((event.error as RuleError).issues.map((i) => i.code)).toContain('LEDGER_PURCHASE_EXPIRED');
    expect(await staff.outbox.pending()).toEqual([]);
    expect((await staff.outbox.rejected()).map((r) => r.item.id)).toEqual([queued.id]);
  });

  it('sends a batch with one result per record, replays by key, refuses the bad one alone', async () => {
    const staff = client();
    await staff.auth.login(city.staffer.login, TEST_PASSWORD);
    const good = purchase({ productName: '面粉', invoicePhotoRef: 'inv.jpg' });
    const bad = purchase({ shelfLifeDays: 1, invoicePhotoRef: 'inv.jpg' });
    const keys = ['batch-key-0001', 'batch-key-0002'];
    const first = await staff.ledgers.submitMany(city.venues.school, [good, bad], { idempotencyKeys: keys });
    expect(first.map((r) => r.status)).toEqual([201, 422]);
    const again = await staff.ledgers.submitMany(city.venues.school, [good], { idempotencyKeys: [keys[0]!] });
    expect(again.map((r) => r.status)).toEqual([200]);
  });

  it('keeps ledger writes across a server stop and a client restart: nothing lost, nothing doubled', async () => {
    const path = join(dir, `outbox-${kind}.json`);
    const port = portOf(server.baseUrl);
    const writer = client(path);
    await writer.auth.login(city.staffer.login, TEST_PASSWORD);
    const lastSeqBefore = Math.max(
      0,
      ...(await writer.ledgers.list(city.venues.school, { limit: 500 })).items.map((e) => e.seq),
    );
    const records: LedgerRecord[] = Array.from({ length: 6 }, (_, i) =>
      purchase({ productName: `批次 ${i + 1}`, quantity: i + 1, invoicePhotoRef: `invoice-${i + 1}.jpg` }),
    );
    records.splice(3, 0, morningCheck(city.staff.fit));

    // Online: the first two go through.
    const sentFirst = await Promise.all([
      writer.ledgers.submit(city.venues.school, records[0]!),
      writer.ledgers.submit(city.venues.school, records[1]!),
    ]);
    for (const q of sentFirst) expect((await q.settled).state).toBe('sent');

    // The server stops; the client keeps queueing and retrying.
    await server.app.close();
    const retrying = nextEvent(writer, 'retrying');
    const queuedOffline = [];
    for (const record of records.slice(2)) queuedOffline.push(await writer.ledgers.submit(city.venues.school, record));
    expect((await retrying).error.code).toBe('NETWORK_ERROR');
    expect((await writer.outbox.pending()).map((p) => p.id)).toEqual(queuedOffline.map((q) => q.id));
    writer.close();

    // The server comes back on the same port and data; a new client on the same file resumes.
    const app = await buildApp(server.config, { logger: false });
    extraApps.push(app);
    await app.listen({ port, host: '127.0.0.1' });
    const resumed = client(path);
    const drained = nextEvent(resumed, 'drained');
    expect((await resumed.outbox.pending()).map((p) => p.idempotencyKey)).toEqual(
      queuedOffline.map((q) => q.idempotencyKey),
    );
    expect(await drained).toEqual({ sent: 5, failed: 0 });

    // Replaying one of the keys answers the first result and writes nothing new.
    const replay = await resumed.ledgers.submitNow(city.venues.school, records[2]!, {
      idempotencyKey: queuedOffline[0]!.idempotencyKey,
    });
    expect(replay.replayed).toBe(true);

    const listed = (await resumed.ledgers.list(city.venues.school, { limit: 500 })).items;
    const mine = listed.filter((e) => e.seq > lastSeqBefore).sort((a, b) => a.seq - b.seq);
    expect(mine).toHaveLength(records.length);
    expect(mine.map((e) => e.record.kind)).toEqual(records.map((r) => r.kind));
    expect(mine.map((e) => ('productName' in e.record ? e.record.productName : 'morning'))).toEqual(
      records.map((r) => ('productName' in r ? r.productName : 'morning')),
    );

    expect(await resumed.ledgers.verifyChain(city.venues.school)).toMatchObject({ ok: true });
    const exported = await resumed.ledgers.export(city.venues.school);
    expect(verifyChain(exported.records, exported.anchor ? { anchor: exported.anchor } : {}).ok).toBe(true);
  });
});
