/**
 * Issue 12, defect 6: reusing a rotated refresh token (a copy of it was stolen) revokes everything issued
 * from that login: the refresh token rotated from it and the access tokens issued with them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, TEST_PASSWORD, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

interface SessionAnswer {
  accessToken: string;
  refreshToken: string;
}

describe.each(DATABASES)('refresh token reuse on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  const login = async () => {
    const res = await server.request<SessionAnswer>('/v1/auth/login', {
      body: { login: city.manager.login, password: TEST_PASSWORD },
    });
    expect(res.status).toBe(200);
    return res.body;
  };
  const refresh = (refreshToken: string) =>
    server.request<SessionAnswer & { code?: string }>('/v1/auth/refresh', { body: { refreshToken } });
  const me = (token: string) => server.request<{ code?: string }>('/v1/me', { token });

  it('revokes the family when a spent refresh token comes back, and leaves other logins alone', async () => {
    const stolen = await login();
    const otherDevice = await login();
    const rotated = await refresh(stolen.refreshToken);
    expect(rotated.status).toBe(200);
    expect((await me(rotated.body.accessToken)).status).toBe(200);

    const reuse = await refresh(stolen.refreshToken);
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('TOKEN_INVALID');

    const next = await refresh(rotated.body.refreshToken);
    expect(next.status).toBe(401);
    const afterRevoke = await me(rotated.body.accessToken);
    expect(afterRevoke.status).toBe(401);
    expect(afterRevoke.body.code).toBe('TOKEN_INVALID');
    expect((await me(stolen.accessToken)).status).toBe(401);

    expect((await me(otherDevice.accessToken)).status).toBe(200);
    expect((await refresh(otherDevice.refreshToken)).status).toBe(200);
  });
});
