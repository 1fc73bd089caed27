import { describe, expect, it, vi } from 'vitest';
import { json, manualClock, scriptedTransport } from './__tests__/harness.js';
import { createClient } from './create-client.js';
import { isBrightKitchenError } from './errors/bright-kitchen-error.js';
import { createMemoryStorage } from './storage.js';
import type { TransportRequest } from './transport.js';

const user = { id: 'u1', role: 'operator_staff' };

function tokens(n: number, expiresIn = 900) {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn, user };
}

/** Answers login and refresh; `/v1/me` accepts only the newest access token. */
function authServer() {
  let issued = 0;
  let refreshes = 0;
  let valid = '';
  const script = (req: TransportRequest) => {
    const body = JSON.parse(req.body ?? '{}') as Record<string, string>;
    if (req.url.endsWith('/v1/auth/login')) {
      if (body.password !== 'right')
        return json(401, { code: 'INVALID_CREDENTIALS', message: { zh: '账号或密码错误', en: 'wrong' } });
      issued++;
      valid = `access-${issued}`;
      return json(200, tokens(issued));
    }
    if (req.url.endsWith('/v1/auth/refresh')) {
      refreshes++;
      if (body.refreshToken !== `refresh-${issued}`) return json(401, { code: 'TOKEN_INVALID', message: 'x' });
      issued++;
      valid = `access-${issued}`;
      return json(200, tokens(issued));
    }
    if (req.headers.authorization !== `Bearer ${valid}`) return json(401, { code: 'TOKEN_EXPIRED', message: 'x' });
    return json(200, { user, memberships: [{ venueId: 'v1', role: 'operator_staff' }], regionIds: [] });
  };
  return {
    script,
    expireAll: () => {
      valid = 'none';
    },
    get refreshes() {
      return refreshes;
    },
  };
}

describe('auth and the request pipeline', () => {
  it('logs in, keeps the session in storage, and refreshes once on TOKEN_EXPIRED', async () => {
    const server = authServer();
    const storage = createMemoryStorage();
    const { transport, requests } = scriptedTransport(server.script);
    const client = createClient({ baseURL: 'http://bk.test/', transport, storage, namespace: 'app' });
    const sessions: unknown[] = [];
    client.events.on('session', (s) => sessions.push(s));

    const session = await client.auth.login('staff1', 'right');
    expect(session.accessToken).toBe('access-1');
    expect(JSON.parse((await storage.get('app:session')) ?? '{}').refreshToken).toBe('refresh-1');

    server.expireAll();
    const [a, b] = await Promise.all([client.auth.me(), client.auth.me()]);
    expect(a.memberships).toEqual([{ venueId: 'v1', role: 'operator_staff' }]);
    expect(b.user.id).toBe('u1');
    expect(server.refreshes).toBe(1);
    expect((await client.auth.session())?.accessToken).toBe('access-2');
    expect(requests[0]?.url).toBe('http://bk.test/v1/auth/login');
    expect(requests[0]?.headers.authorization).toBeUndefined();

    // A restarted client on the same storage is still logged in.
    const again = createClient({ baseURL: 'http://bk.test', transport, storage, namespace: 'app' });
    expect((await again.auth.me()).user.id).toBe('u1');
    expect(sessions).toHaveLength(2);
  });

  it('refreshes ahead of expiry instead of waiting for a 401', async () => {
    const server = authServer();
    const clock = manualClock();
    const { transport } = scriptedTransport(server.script);
    const client = createClient({ baseURL: 'http://bk.test', transport, clock });
    await client.auth.login('staff1', 'right');
    await clock.advance(899_000);
    await client.auth.me();
    expect(server.refreshes).toBe(1);
  });

  it('forgets a session whose refresh token is refused and throws the server code', async () => {
    const server = authServer();
    const { transport } = scriptedTransport(server.script);
    const client = createClient({ baseURL: 'http://bk.test', transport });
    await client.auth.login('staff1', 'right');
    await client.auth.refresh();
    const storage = createMemoryStorage({
      'bk:session': JSON.stringify({
        accessToken: 'old',
        refreshToken: 'refresh-1',
        expiresAt: Date.now() + 60_000,
        user,
      }),
    });
    const stale = createClient({ baseURL: 'http://bk.test', transport, storage });
    server.expireAll();
    const error = await stale.auth.me().catch((e: unknown) => e);
    expect(isBrightKitchenError(error, 'ApiError') && error.code).toBe('TOKEN_INVALID');
    expect(await stale.auth.session()).toBeNull();
    expect(await storage.get('bk:session')).toBeNull();
  });

  it('turns answers into typed errors: ApiError with the code, RuleError with issues, NetworkError', async () => {
    const { transport } = scriptedTransport((req) => {
      if (req.url.includes('/alerts/a1/resolve')) {
        return json(400, {
          code: 'VALIDATION_FAILED',
          message: { zh: '请求内容不合法', en: 'invalid' },
          details: {
            issues: [{ code: 'FIELD_REQUIRED', path: 'correctiveAction', message: { zh: '必填', en: 'required' } }],
          },
        });
      }
      if (req.url.includes('/alerts/a2/ack'))
        return json(403, { code: 'FORBIDDEN', message: { zh: '无权访问', en: 'no' } });
      if (req.url.includes('/public/')) return json(502, 'Bad Gateway');
      return new Error('connect ECONNREFUSED 127.0.0.1:1');
    });
    const client = createClient({ baseURL: 'http://bk.test', transport });

    const rule = await client.alerts.resolve('a1', ' ').catch((e: unknown) => e);
    expect(isBrightKitchenError(rule, 'RuleError')).toBe(true);
    expect(rule).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect((rule as { issues: unknown[] }).issues).toEqual([
      { code: 'FIELD_REQUIRED', path: 'correctiveAction', message: { zh: '必填', en: 'required' } },
    ]);

    const forbidden = await client.alerts.ack('a2').catch((e: unknown) => e);
    expect(isBrightKitchenError(forbidden, 'ApiError')).toBe(true);
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', status: 403 });

    const gateway = await client.publicVenues.get('ABCDEFGH').catch((e: unknown) => e);
    expect(gateway).toMatchObject({ code: 'HTTP_502', status: 502 });

    const down = await client.regions.list().catch((e: unknown) => e);
    expect(isBrightKitchenError(down, 'NetworkError')).toBe(true);
    expect(down).toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('builds URLs with escaped ids and only the query values that are set', async () => {
    const { transport, requests } = scriptedTransport(() => json(200, { items: [], nextCursor: null }));
    const client = createClient({ baseURL: 'http://bk.test', transport });
    await client.venues.list({ regionId: 'r 1', kind: undefined, q: '食堂', limit: 10 });
    await client.alerts.list({ venueId: 'v/1', state: 'open' });
    expect(requests.map((r) => r.url)).toEqual([
      'http://bk.test/v1/venues?regionId=r%201&q=%E9%A3%9F%E5%A0%82&limit=10',
      'http://bk.test/v1/alerts?venueId=v%2F1&state=open',
    ]);
  });

  it('on a host without fetch and no transport given, a call fails with a NetworkError that says what to pass', async () => {
    vi.stubGlobal('fetch', undefined);
    try {
      const client = createClient({ baseURL: 'http://bk.test', outbox: { autoStart: false } });
      const error = await client.regions.list().catch((e: unknown) => e);
      expect(isBrightKitchenError(error, 'NetworkError')).toBe(true);
      expect((error as Error).message).toContain('transport');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
