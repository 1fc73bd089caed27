/**
 * Consumers outside WeChat sign in with a phone number and an SMS code, sent through Tencent Cloud SMS (a fake
 * speaking its wire format and checking its signature). Codes expire, are spent once, survive five wrong tries,
 * are limited per number and per address; a number is one person, and a WeChat consumer who linked it stays one
 * person across both sign-ins (one rating per venue and day).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTencentSms, fakeSmsEnv, startFakeTencentSms } from '../testing/fake-tencent-sms.js';
import { type FakeWechat, startFakeWechat } from '../testing/fake-wechat.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

interface Session {
  accessToken: string;
  user: { id: string; role: string; displayName: string };
}
interface ErrorBody {
  code: string;
}

const happy = { faces: { dishes: 'satisfied', hygiene: 'satisfied', service: 'neutral' } };
let phoneSeq = 0;
const newPhone = () => `139${String(Date.now() % 1e4).padStart(4, '0')}${String(phoneSeq++).padStart(4, '0')}`;

describe.each(DATABASES)('SMS sign-in on %s', (kind) => {
  let server: TestServer;
  let sms: FakeTencentSms;
  let wechat: FakeWechat;
  let city: TestCity;

  beforeAll(async () => {
    sms = await startFakeTencentSms();
    wechat = await startFakeWechat('wx-test-app', 'wx-test-secret');
    server = await startTestServer(kind, {
      ...fakeSmsEnv(sms),
      BK_WECHAT_API_BASE: wechat.baseUrl,
      BK_LIMIT_SMS_PER_PHONE: '3',
    });
    city = await seedTestCity(server);
  });
  afterAll(async () => {
    await server?.close();
    await sms?.close();
    await wechat?.close();
  });

  const askCode = (phone: string) =>
    server.request<{ sentTo: string; expiresIn: number; resendAfter: number } & Partial<ErrorBody>>(
      '/v1/auth/sms/code',
      { body: { phone } },
    );
  const signIn = (phone: string, code: string) =>
    server.request<Session & Partial<ErrorBody>>('/v1/auth/sms', { body: { phone, code } });
  /** Lets the next code for `phone` go out now, as if a minute had passed. */
  const aMinuteLater = (phone: string) =>
    server.database.db
      .updateTable('sms_codes')
      .set({ sent_at: new Date(Date.now() - 61_000).toISOString() })
      .where('phone', '=', phone)
      .execute();

  it('sends a code through Tencent Cloud SMS, signed, and signs the consumer in with it', async () => {
    const phone = newPhone();
    const asked = await askCode(phone);
    expect(asked.status).toBe(200);
    expect(asked.body).toEqual({
      sentTo: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      expiresIn: 300,
      resendAfter: 60,
    });
    const message = sms.messages.at(-1);
    expect(message).toMatchObject({ phone, templateId: '2000001', signName: '明厨亮灶', appId: '1400000001' });
    expect(message?.params[0]).toMatch(/^\d{6}$/);
    expect(message?.params[1]).toBe('5');
    expect(message?.headers['x-tc-region']).toBe('ap-guangzhou');

    const session = await signIn(phone, sms.lastCode(phone) ?? '');
    expect(session.status).toBe(200);
    expect(session.body.user).toMatchObject({ role: 'consumer', displayName: `手机用户${phone.slice(-4)}` });
    // The same number is the same consumer next time.
    await aMinuteLater(phone);
    await askCode(phone);
    const again = await signIn(phone, sms.lastCode(phone) ?? '');
    expect(again.body.user.id).toBe(session.body.user.id);
    // Another number is another consumer.
    const other = newPhone();
    await askCode(other);
    expect((await signIn(other, sms.lastCode(other) ?? '')).body.user.id).not.toBe(session.body.user.id);
  });

  it('refuses a wrong code, a spent one, and any code after five wrong tries', async () => {
    const phone = newPhone();
    await askCode(phone);
    const code = sms.lastCode(phone) ?? '';
    const wrong = code === '000000' ? '000001' : '000000';
    const refused = await signIn(phone, wrong);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('SMS_CODE_INVALID');
    expect((await signIn(phone, code)).status).toBe(200);
    expect((await signIn(phone, code)).body.code).toBe('SMS_CODE_EXPIRED');

    const guessed = newPhone();
    await askCode(guessed);
    const guess = sms.lastCode(guessed) === '000000' ? '000001' : '000000';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await signIn(guessed, guess)).body.code);
    expect(answers).toEqual([...Array(4).fill('SMS_CODE_INVALID'), 'SMS_CODE_EXPIRED']);
    expect((await signIn(guessed, sms.lastCode(guessed) ?? '')).body.code).toBe('SMS_CODE_EXPIRED');
  });

  it('lets a code expire after five minutes', async () => {
    const phone = newPhone();
    await askCode(phone);
    await server.database.db
      .updateTable('sms_codes')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('phone', '=', phone)
      .execute();
    const late = await signIn(phone, sms.lastCode(phone) ?? '');
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('SMS_CODE_EXPIRED');
  });

  it('sends one code a minute and a few a day per number, each refusal with Retry-After', async () => {
    const phone = newPhone();
    expect((await askCode(phone)).status).toBe(200);
    const soon = await askCode(phone);
    expect(soon.status).toBe(429);
    expect(soon.body.code).toBe('RATE_LIMITED');
    const wait = Number(soon.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    await aMinuteLater(phone);
    expect((await askCode(phone)).status).toBe(200);
    await aMinuteLater(phone);
    expect((await askCode(phone)).status).toBe(200);
    await aMinuteLater(phone);
    const fourth = await askCode(phone); // BK_LIMIT_SMS_PER_PHONE=3
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(sms.messages.filter((m) => m.phone === phone)).toHaveLength(3);
  });

  it('answers 502 when the provider refuses, and the number may ask again at once', async () => {
    const phone = newPhone();
    sms.failNext('FailedOperation.InsufficientBalanceInSmsPackage');
    const refused = await askCode(phone);
    expect(refused.status).toBe(502);
    expect(refused.body.code).toBe('UPSTREAM_UNAVAILABLE');
    expect((await askCode(phone)).status).toBe(200);
  });

  it('refuses numbers that are not mainland mobiles, and codes that are not 6 digits', async () => {
    for (const phone of ['12345678901', '1380000000', '+8613800000000', '138-0000-0000']) {
      const res = await askCode(phone);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    expect((await signIn(newPhone(), '12345')).status).toBe(400);
  });

  it('keeps one rating per person, venue and day across WeChat and a linked number', async () => {
    wechat.addCode('wx-code-linked', 'openid-linked');
    const viaWechat = await server.request<Session>('/v1/auth/wechat', { body: { code: 'wx-code-linked' } });
    const phone = newPhone();
    await askCode(phone);
    const linked = await server.request<{ phone: string }>('/v1/me/phone', {
      token: viaWechat.body.accessToken,
      body: { phone, code: sms.lastCode(phone) },
    });
    expect(linked.status).toBe(200);
    expect(linked.body.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);

    const rate = (token: string) =>
      server.request<ErrorBody>(`/v1/venues/${city.venues.school}/ratings`, { token, body: happy });
    expect((await rate(viaWechat.body.accessToken)).status).toBe(201);
    // In a browser the same person signs in with the number: the same consumer, so no second rating today.
    await aMinuteLater(phone);
    await askCode(phone);
    const viaPhone = await signIn(phone, sms.lastCode(phone) ?? '');
    expect(viaPhone.body.user.id).toBe(viaWechat.body.user.id);
    const twice = await rate(viaPhone.body.accessToken);
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('RATING_ALREADY_TODAY');

    // A number never linked is someone else: their own rating counts.
    const stranger = newPhone();
    await askCode(stranger);
    const strangerSession = await signIn(stranger, sms.lastCode(stranger) ?? '');
    expect((await rate(strangerSession.body.accessToken)).status).toBe(201);
  });

  it('never merges two accounts: a number another consumer holds cannot be linked', async () => {
    const phone = newPhone();
    await askCode(phone);
    expect((await signIn(phone, sms.lastCode(phone) ?? '')).status).toBe(200);
    wechat.addCode('wx-code-other', 'openid-other');
    const other = await server.request<Session>('/v1/auth/wechat', { body: { code: 'wx-code-other' } });
    await aMinuteLater(phone);
    await askCode(phone);
    const taken = await server.request<ErrorBody>('/v1/me/phone', {
      token: other.body.accessToken,
      body: { phone, code: sms.lastCode(phone) },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('PHONE_IN_USE');
    // Only consumers link numbers.
    const staff = await server.request<ErrorBody>('/v1/me/phone', {
      token: city.manager.token,
      body: { phone: newPhone(), code: '123456' },
    });
    expect(staff.status).toBe(403);
  });
});

describe('SMS codes per address', () => {
  let server: TestServer;
  let sms: FakeTencentSms;
  beforeAll(async () => {
    sms = await startFakeTencentSms();
    server = await startTestServer('sqlite', { ...fakeSmsEnv(sms), BK_LIMIT_SMS_PER_IP: '3' });
  });
  afterAll(async () => {
    await server?.close();
    await sms?.close();
  });

  it('refuses a fourth code from one address within the hour, whatever the number', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push((await server.request('/v1/auth/sms/code', { body: { phone: newPhone() } })).status);
    expect(answers).toEqual([200, 200, 200, 429]);
    expect(sms.messages).toHaveLength(3);
  });
});
