/**
 * Issue 12, defect 4: a signed partner request replayed after a restart (inside its 5-minute window) is
 * refused. The second app below shares the first one's database and nothing else, as a restarted process
 * or a second instance would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { signPartnerRequest } from './partner-signature.js';

describe.each(DATABASES)('partner replay across a restart on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  it('refuses on the restarted app a signature the first app accepted', async () => {
    const path = `/v1/venues/${city.venues.school}`;
    const timestamp = String(Date.now());
    const headers = {
      'x-bk-key': city.partner.keyId,
      'x-bk-timestamp': timestamp,
      'x-bk-signature': signPartnerRequest(city.partner.secret, {
        method: 'GET',
        pathWithQuery: path,
        timestamp,
        body: '',
      }),
    };
    const first = await server.request(path, { headers });
    expect(first.status).toBe(200);

    const restarted = await buildApp(server.config, { database: server.database, logger: false });
    try {
      const replay = await restarted.inject({ method: 'GET', url: path, headers });
      expect(replay.statusCode).toBe(401);
      expect(replay.json()).toMatchObject({ code: 'REPLAYED_REQUEST' });
      const stored = await server.database.db.selectFrom('replay_guards').select('signature').execute();
      expect(stored.map((r) => r.signature)).toContain(headers['x-bk-signature'].toLowerCase());
    } finally {
      await restarted.close();
    }
  });
});
