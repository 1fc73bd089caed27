/** Liveness and readiness as a balancer or Kubernetes probes them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

describe.each(DATABASES)('/healthz and /readyz on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  it('are ready when the database answers, migrations ran and the broker listens', async () => {
    const ready = await server.request('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ ready: true, checks: { database: 'ok', migrations: 'ok', broker: 'ok' } });
    expect((await server.request('/healthz')).status).toBe(200);
  });

  it('say which part failed (503) when the database is gone, while the process stays live', async () => {
    await server.database.close();
    const ready = await server.request<{ ready: boolean; checks: Record<string, string> }>('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({
      ready: false,
      checks: { database: 'failed', migrations: 'not checked', broker: 'ok' },
    });
    expect((await server.request('/healthz')).status).toBe(200);
  });
});

describe('/readyz and the broker', () => {
  it('does not ask for a broker', async () => {
    const server = await startTestServer('sqlite', { BK_DEVICES: 'off' });
    try {
      const ready = await server.request('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ checks: { broker: 'off' } });
    } finally {
      await server.close();
    }
  });

  it('is not ready once the broker stopped', async () => {
    const server = await startTestServer('sqlite');
    try {
      await server.app.devices.bus?.close();
      const ready = await server.request('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ ready: false, checks: { database: 'ok', broker: 'unreachable' } });
    } finally {
      await server.close();
    }
  });
});
