/**
 * What an operator reads on the alerts page: the history (resolved alerts stay, filtered by state, source, type and
 * the venue's local day), the snapshot an AI capture stored (a typed `snapshot` the page can fetch, not a guess in
 * `details`), and the staff member a fever or symptom alert is about.
 */
import type { Alert } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { morningCheck } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { alertRow } from './alert-book.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe.each(DATABASES)('alert history on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let fever: Alert;
  let capture: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    const res = await server.request(`/v1/venues/${city.venues.school}/ledgers`, {
      token: city.staffer.token,
      body: morningCheck(city.staff.fit, { temperatureC: 38.2, staffName: '随便写的名字' }),
      headers: { 'idempotency-key': 'history-fever-1' },
    });
    expect(res.status).toBe(201);
    // An AI capture with its snapshot, opened a week ago at 00:30 in Shanghai (16:30 UTC the day before).
    const row = alertRow({
      venueId: city.venues.school,
      source: 'violation',
      type: 'no_hat',
      severity: 'warning',
      subject: 'dev-camera',
      message: { zh: '后厨摄像机：未戴帽', en: 'Kitchen camera: no hat' },
      details: { hasSnapshot: true },
      openedAt: '2024-06-09T16:30:00.000Z',
    });
    capture = row.id;
    await server.database.db.insertInto('alerts').values(row).execute();
    await server.database.db
      .insertInto('alert_snapshots')
      .values({
        alert_id: row.id,
        content_type: 'image/jpeg',
        bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
        created_at: row.opened_at,
      })
      .execute();
  });
  afterAll(() => server?.close());

  const list = (query: string) =>
    server.request<Page<Alert>>(`/v1/alerts?venueId=${city.venues.school}${query}`, { token: city.manager.token });

  it('names the staff member of a fever alert as the staff archive has them', async () => {
    const alerts = await list('&source=ledger');
    fever = alerts.body.items.find((a) => a.type === 'LEDGER_MORNING_FEVER') as Alert;
    expect(fever).toBeDefined();
    expect(fever.staff).toEqual({ id: city.staff.fit, name: '张三' });
  });

  it('says where an AI capture’s snapshot is, and serves it there', async () => {
    const alerts = await list('&source=violation');
    const alert = alerts.body.items.find((a) => a.id === capture);
    expect(alert?.snapshot).toEqual({ path: `/v1/alerts/${capture}/snapshot`, contentType: 'image/jpeg' });
    const image = await fetch(`${server.baseUrl}${alert?.snapshot?.path}`, {
      headers: { authorization: `Bearer ${city.manager.token}` },
    });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect(fever.snapshot).toBeUndefined();
  });

  it('keeps resolved alerts in the history and filters by state, source, type and local day', async () => {
    const resolved = await server.request<Alert>(`/v1/alerts/${fever.id}/resolve`, {
      token: city.manager.token,
      body: { correctiveAction: '已安排休息，体温正常后上岗' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.staff?.name).toBe('张三');

    const all = await list('');
    expect(all.body.items.map((a) => a.id)).toEqual(expect.arrayContaining([fever.id, capture]));
    expect((await list('&state=resolved')).body.items.map((a) => a.id)).toEqual([fever.id]);
    const unresolved = (await list('&state=unresolved')).body.items.map((a) => a.id);
    expect(unresolved).toContain(capture);
    expect(unresolved).not.toContain(fever.id);
    expect((await list('&type=no_hat')).body.items.map((a) => a.id)).toEqual([capture]);

    // 2024-06-10 in Shanghai is 2024-06-09T16:00Z … 2024-06-10T15:59:59.999Z.
    expect((await list('&from=2024-06-10&to=2024-06-10')).body.items.map((a) => a.id)).toEqual([capture]);
    expect((await list('&to=2024-06-09')).body.items).toEqual([]);
    expect((await list('&from=2024-06-11&to=2024-06-30')).body.items).toEqual([]);
    expect((await list('&from=2024-06-09T16:30:00Z&to=2024-06-09T16:30:00Z')).body.items.map((a) => a.id)).toEqual([
      capture,
    ]);
  });

  it('refuses a day that is no day, naming the parameter', async () => {
    const res = await server.request<{ details: { issues: { path: string }[] } }>(
      `/v1/alerts?venueId=${city.venues.school}&from=2024-02-30`,
      { token: city.manager.token },
    );
    expect(res.status).toBe(400);
    expect(res.body.details.issues[0]?.path).toBe('from');
  });
});
