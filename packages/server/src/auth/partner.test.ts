import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { signPartnerRequest } from './partner-signature.js';

describe.each(DATABASES)('partner signatures on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  function signed(path: string, options: { timestamp?: number; secret?: string; method?: string; body?: string } = {}) {
    const timestamp = String(options.timestamp ?? Date.now());
    const method = options.method ?? 'GET';
    const signature = signPartnerRequest(options.secret ?? city.partner.secret, {
      method,
      pathWithQuery: path,
      timestamp,
      body: options.body ?? '',
    });
    return {
      method,
      headers: {
        'x-bk-key': city.partner.keyId,
        'x-bk-timestamp': timestamp,
        'x-bk-signature': signature,
        ...(options.body ? { 'content-type': 'application/json' } : {}),
      },
      ...(options.body ? { rawBody: options.body } : {}),
    };
  }

  it('accepts a signed request, and refuses the same request replayed', async () => {
    const path = `/v1/venues?regionId=${city.regions.east}`;
    const request = signed(path);
    const first = await server.request<{ items: { id: string }[] }>(path, request);
    expect(first.status).toBe(200);
    expect(first.body.items.map((v) => v.id).sort()).toEqual([city.venues.school, city.venues.restaurant].sort());

    const replay = await server.request(path, request);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'REPLAYED_REQUEST' });
  });

  it('refuses a wrong secret, a changed query and a stale timestamp', async () => {
    const path = `/v1/venues/${city.venues.school}`;
    const wrongSecret = await server.request(path, signed(path, { secret: 'guess' }));
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body).toMatchObject({ code: 'SIGNATURE_INVALID' });

    const other = await server.request(`/v1/venues/${city.venues.westCanteen}`, signed(path));
    expect(other.body).toMatchObject({ code: 'SIGNATURE_INVALID' });

    const stale = await server.request(path, signed(path, { timestamp: Date.now() - 6 * 60_000 }));
    expect(stale.status).toBe(401);
    expect(stale.body).toMatchObject({ code: 'TIMESTAMP_OUT_OF_WINDOW' });
  });

  it('binds the signature to the body', async () => {
    const path = `/v1/venues/${city.venues.school}/ledgers`;
    const request = signed(path, { method: 'POST', body: '{"kind":"morning_check"}' });
    const tampered = await server.request(path, { ...request, rawBody: '{"kind":"purchase_inspection"}' });
    expect(tampered.status).toBe(401);
    expect(tampered.body).toMatchObject({ code: 'SIGNATURE_INVALID' });
  });

  it('keeps partners out of venue-private data even with a valid signature', async () => {
    const path = `/v1/venues/${city.venues.school}/ledgers`;
    const res = await server.request(path, signed(path));
    expect(res.status).toBe(403);
  });
});
