/**
 * Issue 12, defects 2 and 3: logins are throttled per IP and locked per account (the right password does not
 * open a locked account), and what a consumer may send per day is capped, photo bytes included. Every refusal
 * is `429 RATE_LIMITED` with `Retry-After`, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, TEST_PASSWORD, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(3000, 7)]);

describe.each(DATABASES)('abuse limits on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;

  beforeAll(async () => {
    server = await startTestServer(kind, {
      BK_LIMIT_LOGIN_PER_IP: '12',
      BK_LIMIT_LOGIN_LOCK_AFTER: '3',
      BK_LIMIT_PUBLIC_PER_IP: '1000000',
      BK_LIMIT_CONSUMER_DAILY: 'ratings=20,notices=3,complaints=5,photoBytes=7000',
    });
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  const count = async (table: 'notices' | 'complaints') =>
    Number(
      (
        await server.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const login = (password: string, who = city.staffer.login) =>
    server.request<{ code?: string; accessToken?: string }>('/v1/auth/login', { body: { login: who, password } });

  it('locks an account after repeated wrong passwords: then even the right one is refused, with Retry-After', async () => {
    for (let i = 0; i < 3; i++) expect((await login('wrong-password')).body.code).toBe('INVALID_CREDENTIALS');
    const locked = await login(TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('RATE_LIMITED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address is not locked.
    expect((await login(TEST_PASSWORD, city.manager.login)).status).toBe(200);
  });

  it('throttles a burst of logins from one address with 429 and Retry-After', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => login('a-guess-of-the-password', city.admin.login)),
    );
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]?.body.code).toBe('RATE_LIMITED');
    expect(limited[0]?.headers.get('retry-after')).toBeTruthy();
  });

  it('caps a consumer’s notices per day, even when sent all at once, and stores no more', async () => {
    const before = await count('notices');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        server.request<{ code?: string }>(`/v1/venues/${city.venues.school}/notices`, {
          token: city.consumer.token,
          body: { subject: `提醒 ${i}`, body: '后厨地面湿滑。' },
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(7);
    expect(refused[0]?.body.code).toBe('RATE_LIMITED');
    expect(await count('notices')).toBe(before + 3);
  });

  it('counts complaint photo bytes against the day’s allowance', async () => {
    const before = await count('complaints');
    const photo = { contentType: 'image/png', dataBase64: PNG.toString('base64') };
    const send = () =>
      server.request<{ code?: string }>(`/v1/venues/${city.venues.school}/complaints`, {
        token: city.consumer.token,
        body: { text: '餐具不洁', photos: [photo, photo] },
      });
    expect((await send()).status).toBe(201);
    const second = await send();
    expect(second.status).toBe(429);
    expect(await count('complaints')).toBe(before + 1);
  });
});
