/**
 * What every answer carries: security headers (a CSP that lets Swagger UI and the H5 app run), CORS for the listed
 * origins only, and a request id that is echoed and found in the request's log lines.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { inlineScriptHashes } from '../app-static/inline-scripts.js';
import { loadConfig } from '../config.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { pageHeaders } from './security-headers.js';

const PARTNER = 'https://partner.example.com';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const scratch = mkdtempSync(join(tmpdir(), 'bk-http-test-'));
const appDir = join(scratch, 'app');
const APP_HTML = '<!DOCTYPE html><html><head><script>document.title = "明厨亮灶";</script></head><body></body></html>';

let server: TestServer;
beforeAll(async () => {
  mkdirSync(appDir);
  writeFileSync(join(appDir, 'index.html'), APP_HTML);
  server = await startTestServer('sqlite', {
    BK_CORS_ORIGINS: `${PARTNER}, http://localhost:10086`,
    BK_APP_DIR: appDir,
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const preflight = (origin: string, path = '/v1/public/venues/ABCDEFGHJK') =>
  fetch(`${server.baseUrl}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
  });
const corsHeaders = (headers: Headers) => [...headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('security headers', () => {
  it('are on every answer, errors and 404s alike', async () => {
    for (const path of ['/healthz', '/no-such-page', '/v1/public/venues/ABCDEFGHJK', '/v1/me', '/v1/no-such-route']) {
      const { headers } = await fetch(`${server.baseUrl}${path}`);
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(headers.get('strict-transport-security'), path).toBe('max-age=31536000');
      expect(headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
      expect(headers.get('content-security-policy'), path).toMatch(/^default-src/);
      expect(headers.get('x-powered-by'), path).toBeNull();
    }
  });

  it('let another origin’s page play the live kitchen: its media routes may be loaded cross-origin', async () => {
    for (const path of [
      '/v1/live/l.x.1.sig/live.m3u8',
      '/v1/recordings/r.x/index.m3u8',
      '/v1/public/venues/ABCDEFGHJK/kitchen.jpg',
    ]) {
      const { headers } = await fetch(`${server.baseUrl}${path}`);
      expect(headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
      expect(headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    // A venue page served by an instance whose video plays from another (plain-HTTP) origin may load it.
    const csp = pageHeaders([], 'http://127.0.0.1:8081')['content-security-policy'] ?? '';
    for (const name of ['connect-src', 'media-src', 'img-src']) {
      expect(
        csp.split(';').find((d) => d.startsWith(`${name} `)),
        name,
      ).toContain('http://127.0.0.1:8081');
    }
  });

  it('let an API answer opened as a page run nothing and be framed nowhere', async () => {
    const { headers } = await fetch(`${server.baseUrl}/v1/public/venues/ABCDEFGHJK`);
    expect(headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(headers.get('x-frame-options')).toBe('DENY');
  });

  it('let Swagger UI load its own scripts and styles, and the H5 app run its inline script (by hash only)', async () => {
    const docs = await fetch(`${server.baseUrl}/docs/`);
    expect(docs.status).toBe(200);
    const csp = docs.headers.get('content-security-policy') ?? '';
    const directive = (name: string) => csp.split(';').find((d) => d.startsWith(`${name} `)) ?? '';
    expect(directive('script-src')).toContain("'self'");
    expect(directive('script-src')).not.toContain('unsafe-inline');
    expect(directive('style-src')).toContain("'self'");
    expect(directive('img-src')).toContain('data:');
    expect(directive('connect-src')).toContain("'self'");
    // The H5 app reads a picked photo's blob: URL to compress and send it with a complaint.
    expect(directive('connect-src')).toContain('blob:');
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(docs.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(docs.headers.get('cross-origin-opener-policy')).toBe('same-origin');

    const app = await fetch(`${server.baseUrl}/app/`);
    expect(app.status).toBe(200);
    const [hash] = inlineScriptHashes(APP_HTML);
    expect(app.headers.get('content-security-policy')).toContain(`script-src 'self' ${hash}`);
  });
});

describe('CORS', () => {
  it('answers the preflight of a listed origin, and its requests', async () => {
    const res = await preflight(PARTNER);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(PARTNER);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(res.headers.get('vary')).toContain('Origin');

    const get = await fetch(`${server.baseUrl}/v1/public/venues/ABCDEFGHJK`, { headers: { origin: PARTNER } });
    expect(get.headers.get('access-control-allow-origin')).toBe(PARTNER);
    expect(get.headers.get('access-control-expose-headers')).toContain('X-Request-Id');
    expect((await preflight('http://localhost:10086')).status).toBe(204);
  });

  it('gives any other origin no CORS header at all', async () => {
    for (const origin of ['https://evil.example.com', 'https://partner.example.com.evil.com', 'null']) {
      const res = await preflight(origin);
      expect(res.status, origin).toBe(404);
      expect(corsHeaders(res.headers), origin).toEqual([]);
      const get = await fetch(`${server.baseUrl}/v1/public/venues/ABCDEFGHJK`, { headers: { origin } });
      expect(corsHeaders(get.headers), origin).toEqual([]);
    }
  });

  it('allows no origin when BK_CORS_ORIGINS is empty (same origin only)', async () => {
    const plain = await startTestServer('sqlite', { BK_DEVICES: 'off' });
    try {
      const res = await fetch(`${plain.baseUrl}/v1/public/venues/ABCDEFGHJK`, {
        method: 'OPTIONS',
        headers: { origin: PARTNER, 'access-control-request-method': 'GET' },
      });
      expect(res.status).toBe(404);
      expect(corsHeaders(res.headers)).toEqual([]);
    } finally {
      await plain.close();
    }
  });
});

describe('request ids', () => {
  it("echoes a caller's sane X-Request-Id, on success and on errors", async () => {
    for (const path of ['/healthz', '/v1/me', '/no-such-page']) {
      const res = await fetch(`${server.baseUrl}${path}`, { headers: { 'x-request-id': 'lb-7f3a.91_x' } });
      expect(res.headers.get('x-request-id'), path).toBe('lb-7f3a.91_x');
    }
  });

  it('makes a fresh one when none is sent or the one sent is not sane', async () => {
    const ids: string[] = [];
    for (const sent of [undefined, 'a'.repeat(65), 'id with spaces', 'id\u00e9', '{"x":1}']) {
      const res = await fetch(`${server.baseUrl}/healthz`, { headers: sent ? { 'x-request-id': sent } : {} });
      const id = res.headers.get('x-request-id') ?? '';
      expect(id, String(sent)).toMatch(UUID);
      ids.push(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    const longest = 'b'.repeat(64);
    const res = await fetch(`${server.baseUrl}/healthz`, { headers: { 'x-request-id': longest } });
    expect(res.headers.get('x-request-id')).toBe(longest);
  });

  it('puts the id in every log line of the request', async () => {
    const lines: Record<string, unknown>[] = [];
    const dataDir = join(scratch, 'logged');
    const config = loadConfig({ BK_DATA_DIR: dataDir, BK_DEVICES: 'off', BK_LOG_LEVEL: 'debug' });
    const app = await buildApp(config, {
      logger: { level: 'debug', stream: { write: (line) => void lines.push(JSON.parse(line)) } },
    });
    try {
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${address}/v1/me`, { headers: { 'x-request-id': 'trace-42' } });
      expect(res.status).toBe(401);
      const ofRequest = lines.filter((line) => line.req !== undefined || line.res !== undefined);
      expect(ofRequest.map((line) => line.msg)).toEqual(
        expect.arrayContaining(['incoming request', 'request completed']),
      );
      for (const line of ofRequest) expect(line.reqId).toBe('trace-42');
    } finally {
      await app.close();
    }
  });
});
