import type { Alert } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { morningCheck } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe.each(DATABASES)('alerts on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let alertId: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    // A morning check of someone whose health certificate has expired: kept, and it opens an alert.
    const res = await server.request(`/v1/venues/${city.venues.school}/ledgers`, {
      token: city.staffer.token,
      body: morningCheck(city.staff.expiredCertificate),
      headers: { 'idempotency-key': 'alert-test-check-1' },
    });
    expect(res.status).toBe(201);
  });
  afterAll(() => server.close());

  const list = (token: string, query = '') => server.request<Page<Alert>>(`/v1/alerts${query}`, { token });

  it('lists the venue’s alerts to its people and its regulator only', async () => {
    const mine = await list(city.manager.token, `?venueId=${city.venues.school}&state=open`);
    expect(mine.status).toBe(200);
    const alert = mine.body.items.find((a) => a.source === 'ledger');
    expect(alert).toMatchObject({
      venueId: city.venues.school,
      state: 'open',
      type: 'LEDGER_STAFF_HEALTH_CERT_INVALID',
    });
    alertId = alert?.id ?? '';

    expect((await list(city.regulator.token)).body.items.map((a) => a.id)).toContain(alertId);
    expect((await list(city.westRegulator.token)).body.items.map((a) => a.id)).not.toContain(alertId);
    expect((await list(city.otherManager.token)).body.items.map((a) => a.id)).not.toContain(alertId);
    expect((await list(city.consumer.token)).status).toBe(403);
    expect((await server.request('/v1/alerts')).status).toBe(401);
  });

  it('goes open → acknowledged → resolved, and resolving needs a corrective action', async () => {
    const path = `/v1/alerts/${alertId}`;
    expect((await server.request(`${path}/ack`, { token: city.otherManager.token, body: {} })).status).toBe(403);
    expect((await server.request(`${path}/ack`, { token: city.regulator.token, body: {} })).status).toBe(403);

    const acked = await server.request<Alert>(`${path}/ack`, { token: city.staffer.token, body: {} });
    expect(acked.status).toBe(200);
    expect(acked.body.state).toBe('acknowledged');
    expect(acked.body.acknowledgedAt).toBeTruthy();

    for (const body of [{ correctiveAction: '   ' }, {}]) {
      const blank = await server.request<{ code: string }>(`${path}/resolve`, { token: city.manager.token, body });
      expect(blank.status).toBe(422);
      expect(blank.body.code).toBe('ALERT_CORRECTIVE_ACTION_REQUIRED');
    }
    const wrongType = await server.request<{ code: string }>(`${path}/resolve`, {
      token: city.manager.token,
      body: { correctiveAction: 42 },
    });
    expect(wrongType.status).toBe(400);
    const foreign = await server.request(`${path}/resolve`, {
      token: city.otherManager.token,
      body: { correctiveAction: '调离岗位' },
    });
    expect(foreign.status).toBe(403);
    expect((await list(city.manager.token, '?state=acknowledged')).body.items.map((a) => a.id)).toContain(alertId);

    const resolved = await server.request<Alert>(`${path}/resolve`, {
      token: city.manager.token,
      body: { correctiveAction: '已调离直接接触食品岗位，督促办理健康证' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      state: 'resolved',
      correctiveAction: '已调离直接接触食品岗位，督促办理健康证',
    });

    const again = await server.request<{ code: string }>(`${path}/resolve`, {
      token: city.manager.token,
      body: { correctiveAction: '再次处置' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALERT_INVALID_TRANSITION');
    expect((await server.request(`${path}/ack`, { token: city.manager.token, body: {} })).status).toBe(409);

    const after = await list(city.regulator.token, '?state=resolved');
    expect(after.body.items.find((a) => a.id === alertId)?.correctiveAction).toBe(
      '已调离直接接触食品岗位，督促办理健康证',
    );
    expect((await server.request('/v1/alerts/alr_nope/ack', { token: city.manager.token, body: {} })).status).toBe(404);
  });
});
