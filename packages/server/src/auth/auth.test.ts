import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeWechat, startFakeWechat } from '../testing/fake-wechat.js';
import { seedTestCity, TEST_PASSWORD, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { issueAccessToken } from './access-token.js';

interface SessionBody {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; role: string };
}

describe.each(DATABASES)('auth on %s', (kind) => {
  let server: TestServer;
  let wechat: FakeWechat;
  let city: TestCity;

  beforeAll(async () => {
    wechat = await startFakeWechat('wx-test-app', 'wx-test-secret');
    server = await startTestServer(kind, { BK_WECHAT_API_BASE: wechat.baseUrl });
    city = await seedTestCity(server);
  });
  afterAll(async () => {
    await server?.close();
    await wechat?.close();
  });

  it('logs in with a password and reads /v1/me with the access token', async () => {
    const login = await server.request<SessionBody>('/v1/auth/login', {
      body: { login: city.manager.login, password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ id: city.manager.user.id, role: 'operator_manager' });
    expect(login.body.expiresIn).toBe(900);
    expect(JSON.stringify(login.body)).not.toContain('scrypt');

    const me = await server.request<{ memberships: unknown[] }>('/v1/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.memberships).toEqual([{ venueId: city.venues.school, role: 'operator_manager' }]);
  });

  it('refuses a wrong password and an unknown login alike', async () => {
    const wrong = await server.request('/v1/auth/login', { body: { login: city.manager.login, password: 'nope' } });
    const unknown = await server.request('/v1/auth/login', { body: { login: 'nobody', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('rotates refresh tokens: a spent refresh token is refused', async () => {
    const login = await server.request<SessionBody>('/v1/auth/login', {
      body: { login: city.staffer.login, password: TEST_PASSWORD },
    });
    const first = await server.request<SessionBody>('/v1/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(login.body.refreshToken);
    const again = await server.request('/v1/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('refuses no token, a forged token and an expired token', async () => {
    const none = await server.request('/v1/me');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ code: 'UNAUTHENTICATED' });

    const forged = issueAccessToken('not-the-server-secret', { userId: city.admin.user.id, role: 'admin' }, 900);
    const f = await server.request('/v1/me', { token: forged });
    expect(f.status).toBe(401);
    expect(f.body).toMatchObject({ code: 'TOKEN_INVALID' });

    const [payload, signature] = city.consumer.token.split('.');
    const elevated = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'admin' }),
    ).toString('base64url');
    const tampered = await server.request('/v1/me', { token: `${elevated}.${signature}` });
    expect(tampered.body).toMatchObject({ code: 'TOKEN_INVALID' });

    const expired = issueAccessToken(
      server.config.tokenSecret,
      { userId: city.manager.user.id, role: 'operator_manager' },
      900,
      Date.now() - 3600_000,
    );
    const e = await server.request('/v1/me', { token: expired });
    expect(e.status).toBe(401);
    expect(e.body).toMatchObject({ code: 'TOKEN_EXPIRED' });
  });

  it('logs a consumer in through WeChat code2session and keeps one account per openid', async () => {
    wechat.addCode('code-1', 'openid-abc');
    wechat.addCode('code-2', 'openid-abc');
    const first = await server.request<SessionBody>('/v1/auth/wechat', { body: { code: 'code-1' } });
    expect(first.status).toBe(200);
    expect(first.body.user.role).toBe('consumer');
    const sent = wechat.requests.at(-1)!;
    expect(sent.searchParams.get('appid')).toBe('wx-test-app');
    expect(sent.searchParams.get('grant_type')).toBe('authorization_code');
    const second = await server.request<SessionBody>('/v1/auth/wechat', { body: { code: 'code-2' } });
    expect(second.body.user.id).toBe(first.body.user.id);

    const reused = await server.request('/v1/auth/wechat', { body: { code: 'code-1' } });
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ code: 'WECHAT_LOGIN_FAILED', details: { errcode: 40029 } });
  });

  it('answers bad login bodies with VALIDATION_FAILED and field issues', async () => {
    const missing = await server.request<{ code: string; details: { issues: { path: string }[] } }>('/v1/auth/login', {
      body: { login: 'x' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.details.issues.map((i) => i.path)).toContain('password');

    const wrongType = await server.request('/v1/auth/login', { body: { login: 1, password: true } });
    expect(wrongType.status).toBe(400);

    const notJson = await server.request('/v1/auth/login', {
      rawBody: '{"login":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ code: 'VALIDATION_FAILED' });

    const xml = await server.request('/v1/auth/login', {
      rawBody: '<login/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.status).toBe(415);
    expect(xml.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});
