import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

describe.each(DATABASES)('health and docs on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server?.close());

  it('answers /healthz, the OpenAPI document with the SDK-derived schemas, and the docs page', async () => {
    expect((await server.request('/healthz')).body).toEqual({ ok: true });

    const doc = await server.request<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    }>('/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    const venuePost = doc.body.paths['/v1/venues']?.post;
    expect(JSON.stringify(venuePost?.requestBody)).toContain('hasLiveVideo');
    expect(doc.body.paths['/v1/venues/{venueId}/ledgers']?.post).toBeDefined();

    const page = await server.request<string>('/docs/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('answers unknown routes with the registry’s JSON error', async () => {
    const res = await server.request('/v1/nowhere');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: { zh: expect.any(String), en: expect.any(String) } });
  });
});
