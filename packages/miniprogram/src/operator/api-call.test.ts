import { describe, expect, it } from 'vitest';
import { isBrightKitchenError, type Session, type TransportRequest } from '../../../sdk/src/index';
import { apiCaller } from './api-call';

const session = (token: string, expiresAt: number): Session => ({
  accessToken: token,
  refreshToken: `r-${token}`,
  expiresAt,
  user: { id: 'u1', role: 'operator_manager', displayName: '王经理', login: 'wang' },
});

function fakeAuth(first: Session | null) {
  let current = first;
  let refreshes = 0;
  return {
    get refreshes() {
      return refreshes;
    },
    session: async () => current,
    refresh: async () => {
      refreshes++;
      current = session(`t${refreshes + 1}`, Date.now() + 3_600_000);
      return current;
    },
  };
}

describe('apiCaller', () => {
  it('sends the session token, refreshes once on TOKEN_EXPIRED and retries', async () => {
    const auth = fakeAuth(session('t1', Date.now() + 3_600_000));
    const seen: TransportRequest[] = [];
    const call = apiCaller(
      auth,
      async (req) => {
        seen.push(req);
        return req.headers.authorization === 'Bearer t1'
          ? { status: 401, headers: {}, body: '{"code":"TOKEN_EXPIRED","message":"过期 / expired"}' }
          : { status: 200, headers: {}, body: '{"items":[]}' };
      },
      'https://api.test',
    );
    await expect(call('POST', '/v1/devices/d1/schedule', { runs: [] })).resolves.toEqual({ items: [] });
    expect(auth.refreshes).toBe(1);
    expect(seen.map((r) => r.headers.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
    expect(seen[1]).toMatchObject({ url: 'https://api.test/v1/devices/d1/schedule', body: '{"runs":[]}' });
  });

  it('refreshes ahead of expiry, and answers typed errors for refusals and for no network', async () => {
    const auth = fakeAuth(session('old', Date.now() + 1000));
    const call = apiCaller(
      auth,
      async () => ({ status: 422, headers: {}, body: '{"code":"DEVICE_COMMAND_REJECTED","message":"拒绝 / refused"}' }),
      'https://api.test',
    );
    const refused = await call('GET', '/v1/devices/d1').catch((e: unknown) => e);
    expect(auth.refreshes).toBe(1);
    expect(isBrightKitchenError(refused) && refused.code).toBe('DEVICE_COMMAND_REJECTED');

    const offline = apiCaller(
      auth,
      async () => {
        throw new Error('request:fail');
      },
      'https://api.test',
    );
    const error = await offline('GET', '/v1/devices/d1').catch((e: unknown) => e);
    expect(isBrightKitchenError(error, 'NetworkError')).toBe(true);
  });
});
