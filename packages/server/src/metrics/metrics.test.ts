/** `/metrics` as Prometheus scrapes it: valid text, requests counted by route, the platform's counters, access. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** The text exposition format, strictly: every line a comment or `name{labels} value`. */
function parse(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) types.set(type[1] as string, type[2] as string);
    if (line.startsWith('#')) {
      expect(line).toMatch(/^# (HELP|TYPE) /);
      continue;
    }
    // Values as Go's ParseFloat reads them (Prometheus): NaN and Inf in any case (prom-client writes `Nan`).
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.]+(?:e[+-]?\d+)?|(?:nan|[+-]inf))$/i.exec(line);
    expect(match, line).not.toBeNull();
    const labels = Object.fromEntries(
      [...(match?.[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    samples.push({ name: match?.[1] as string, labels, value: Number(match?.[3]) });
  }
  return { samples, types };
}

const sumOf = (samples: readonly Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

describe.each(DATABASES)('/metrics on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  const scrape = async () => {
    const res = await fetch(`${server.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    return parse(await res.text());
  };
  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  it('is valid Prometheus text and counts a request under its route pattern', async () => {
    const route = { route: '/v1/public/venues/:publicCode', method: 'GET', status: '404' };
    const before = sumOf((await scrape()).samples, 'bk_http_request_duration_seconds_count', route);
    // Counters are per instance (Prometheus sums them): ask the instance that is scraped, also in a test cluster.
    expect((await fetch(`${server.baseUrl}/v1/public/venues/ZZZZZZZZZZ`)).status).toBe(404);
    const { samples, types } = await scrape();
    expect(sumOf(samples, 'bk_http_request_duration_seconds_count', route)).toBe(before + 1);
    expect(types.get('bk_http_request_duration_seconds')).toBe('histogram');
    // Any path no route matched counts under one label: a scan adds no series.
    await fetch(`${server.baseUrl}/wp-admin/setup.php`);
    const after = (await scrape()).samples;
    expect(after.some((s) => s.labels.route === '/wp-admin/setup.php')).toBe(false);
    expect(sumOf(after, 'bk_http_request_duration_seconds_count', { route: 'unmatched', status: '404' })).toBe(1);
  });

  it('reports ingestion, the database, the broker and the process', async () => {
    const { samples, types } = await scrape();
    for (const name of [
      'bk_ingest_messages_total',
      'bk_ingest_events_total',
      'bk_ingest_readings_stored_total',
      'bk_db_queries_total',
      'bk_db_query_seconds_total',
    ]) {
      expect(types.get(name), name).toBe('counter');
    }
    expect(sumOf(samples, 'bk_db_queries_total')).toBeGreaterThan(0);
    expect(sumOf(samples, 'bk_broker_up')).toBe(1);
    if (kind === 'postgres') expect(sumOf(samples, 'bk_db_pool_connections', { state: 'open' })).toBeGreaterThan(0);
    expect(sumOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
  });

  it('counts the alerts opened and the notifications they sent', async () => {
    const alert = await server.app.devices.alertBook.openAlert({
      venueId: city.venues.school,
      source: 'sensor',
      type: 'FRIDGE_TOO_WARM',
      severity: 'warning',
      subject: 'dev_metrics_test',
      message: { zh: '冷藏温度过高', en: 'Fridge too warm' },
      openedAt: new Date().toISOString(),
    });
    expect(alert).toBeDefined();
    let samples: Sample[] = [];
    for (let i = 0; i < 50; i++) {
      samples = (await scrape()).samples;
      if (sumOf(samples, 'bk_notifications_total', { channel: 'realtime' }) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(sumOf(samples, 'bk_alerts_opened_total', { source: 'sensor' })).toBe(1);
    expect(sumOf(samples, 'bk_notifications_total', { channel: 'realtime', outcome: 'delivered' })).toBe(1);
  });

  it('refuses a request relayed by a proxy when no token is set', async () => {
    const res = await server.request('/metrics', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('/metrics with BK_METRICS_TOKEN', () => {
  it('asks for the token as a bearer, from anyone', async () => {
    const token = 'metrics-0123456789abcdef';
    const server = await startTestServer('sqlite', { BK_DEVICES: 'off', BK_METRICS_TOKEN: token });
    try {
      expect((await server.request('/metrics')).status).toBe(401);
      expect((await server.request('/metrics', { token: 'metrics-wrong-wrong-wrong' })).status).toBe(401);
      const res = await server.request<string>('/metrics', { token, headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(res.status).toBe(200);
      expect(res.body).toContain('bk_http_request_duration_seconds');
      expect(res.body).not.toContain('bk_broker_up');
    } finally {
      await server.close();
    }
  });
});
