import { randomUUID } from 'node:crypto';
import {
  chainHeadLeafHash,
  type LedgerRoot,
  type LedgerRootPage,
  type LedgerRootProof,
  verifyMerkleProof,
} from '@brightkitchen/sdk';
import { verifyLedgerRoot } from '@brightkitchen/sdk/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformSigner } from '../crypto/index.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { purchase } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { publishDailyRoot } from './index.js';

describe.each(DATABASES)('ledger roots on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    for (const [venueId, token] of [
      [city.venues.school, city.manager.token],
      [city.venues.restaurant, city.otherManager.token],
    ] as const) {
      const res = await server.request(`/v1/venues/${venueId}/ledgers`, {
        token,
        body: purchase(),
        headers: { 'idempotency-key': randomUUID() },
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => server?.close());

  const publish = (token = city.admin.token) =>
    server.request<LedgerRoot>('/v1/ledger-roots', { method: 'POST', token });
  const roots = (query = '') => server.request<LedgerRootPage>(`/v1/open/ledger-roots${query}`);

  it('publishes the day’s root once, and more on an admin’s demand', async () => {
    const signer = platformSigner(server.config.ledgerSigningKey);
    const daily = await publishDailyRoot(server.database, signer);
    const before = (await roots()).body.items.length;
    expect(before).toBeGreaterThanOrEqual(1);
    if (daily) expect(daily.size).toBeGreaterThanOrEqual(2);
    expect(await publishDailyRoot(server.database, signer)).toBeUndefined();

    expect((await publish(city.manager.token)).status).toBe(403);
    expect((await server.request('/v1/ledger-roots', { method: 'POST' })).status).toBe(401);
    const demanded = await publish();
    expect(demanded.status).toBe(201);
    expect((await roots()).body.items.length).toBe(before + 1);
  });

  it('lists the roots as open data, newest first, each signed and naming the one before', async () => {
    await publish();
    const page = await roots();
    expect(page.status).toBe(200);
    expect(page.body.key).toMatchObject({
      algorithm: 'Ed25519',
      keyId: platformSigner(server.config.ledgerSigningKey).keyId,
    });
    const items = page.body.items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const [i, root] of items.entries()) {
      expect(verifyLedgerRoot(root, page.body.key.publicKey)).toBe(true);
      expect(verifyLedgerRoot({ ...root, size: root.size + 1 }, page.body.key.publicKey)).toBe(false);
      const older = items[i + 1];
      if (older)
        expect({ seq: root.seq - 1, prevRoot: root.prevRoot }).toEqual({ seq: older.seq, prevRoot: older.root });
    }
    expect(items[items.length - 1]).toMatchObject({ seq: 1, prevRoot: null });

    const first = await roots('?limit=1');
    expect(first.body.items).toEqual([items[0]]);
    const second = await roots(`?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toEqual([items[1]]);
  });

  it('proves each venue’s head in a root, checkable with nothing but the root', async () => {
    const latest = (await roots()).body.items[0]!;
    for (const venueId of [city.venues.school, city.venues.restaurant]) {
      for (const seq of [String(latest.seq), 'latest']) {
        const res = await server.request<LedgerRootProof>(`/v1/open/ledger-roots/${seq}/proofs/${venueId}`);
        expect(res.status).toBe(200);
        const { root, leaf, leafHash, proof } = res.body;
        expect(root).toEqual(latest);
        expect(leaf).toMatchObject({ venueId, seq: 1 });
        expect(leafHash).toBe(chainHeadLeafHash(leaf));
        expect(proof.size).toBe(root.size);
        expect(verifyMerkleProof(leafHash, proof, root.root)).toBe(true);
        expect(verifyMerkleProof(chainHeadLeafHash({ ...leaf, seq: 2 }), proof, root.root)).toBe(false);
      }
    }
    // A venue without records is in no root; neither is a root that was never published.
    expect((await server.request(`/v1/open/ledger-roots/latest/proofs/${city.venues.westCanteen}`)).status).toBe(404);
    expect((await server.request(`/v1/open/ledger-roots/999999/proofs/${city.venues.school}`)).status).toBe(404);
    expect((await server.request(`/v1/open/ledger-roots/first/proofs/${city.venues.school}`)).status).toBe(400);
  });
});
