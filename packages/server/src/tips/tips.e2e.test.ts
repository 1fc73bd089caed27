import type { PublicTips, Tip, TipSubscription, TipSubscriptions } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, nowIso } from '../db/index.js';
import { WechatSender } from '../notify/index.js';
import { type FakeWechatApi, startFakeWechatApi } from '../notify/test-fakes.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { publicTipsCacheOf } from './public-cache.js';
import { TipMessages } from './subscribe-messages.js';

type Coded<T> = T & { code?: string; details?: Record<string, unknown> };
const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

describe.each(DATABASES)('tips and consumer alerts (%s)', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let wechat: FakeWechatApi;
  /** A street under the east district: its public list carries the district's tips too. */
  let street: string;

  beforeAll(async () => {
    wechat = await startFakeWechatApi('wx-tips-app', 'wx-tips-secret');
    server = await startTestServer(kind, {
      BK_WECHAT_API_BASE: wechat.baseUrl,
      BK_WECHAT_APPID: 'wx-tips-app',
      BK_WECHAT_SECRET: 'wx-tips-secret',
      BK_WECHAT_TIP_TEMPLATE_ID: 'TPL-TIP',
    });
    city = await seedTestCity(server);
    street = newId('reg');
    await server.database.db
      .insertInto('regions')
      .values({
        id: street,
        code: `S${street.slice(-6)}`,
        name: '古楼街道',
        parent_id: city.regions.east,
        created_at: nowIso(),
      })
      .execute();
    await server.database.db
      .updateTable('users')
      .set({ wechat_openid: 'o-consumer' })
      .where('id', '=', city.consumer.user.id)
      .execute();
  });
  afterAll(async () => {
    await server?.close();
    await wechat?.close();
  });

  const write = (body: Record<string, unknown>, token = city.regulator.token) =>
    server.request<Coded<Tip>>('/v1/tips', { token, body });
  const publicTips = (regionId: string) => server.request<PublicTips>(`/v1/public/tips?regionId=${regionId}`);
  const tip = (over: Record<string, unknown> = {}) => ({
    regionId: city.regions.east,
    kind: 'tip',
    title: '夏季谨防细菌性食物中毒',
    body: '高温天气，剩饭剩菜及时冷藏，食用前彻底加热。',
    validFrom: at(-HOUR),
    validUntil: at(30 * 24 * HOUR),
    ...over,
  });

  it('shows a tip in force to the public, with its parent region’s tips for a street, consumer alerts first', async () => {
    const plain = await write(tip());
    expect(plain.status).toBe(201);
    expect(plain.body.state).toBe('in_force');
    const alert = await write(
      tip({
        kind: 'consumer_alert',
        title: '警惕野生菌中毒',
        body: '近期已有误食野生菌中毒病例，请勿采食来历不明的野生菌。',
        link: 'https://example.org/notice/1',
      }),
    );
    expect(alert.status).toBe(201);

    const east = await publicTips(city.regions.east);
    expect(east.status).toBe(200);
    expect(east.body.items.map((t) => t.id)).toEqual([alert.body.id, plain.body.id]);
    expect(east.body.items[0]).toMatchObject({
      kind: 'consumer_alert',
      regionName: '东昌府区',
      link: 'https://example.org/notice/1',
    });

    const streetTips = await publicTips(street);
    expect(streetTips.body.items.map((t) => t.id)).toEqual([alert.body.id, plain.body.id]);
    // Another district sees none of the east's.
    const west = await publicTips(city.regions.west);
    expect(west.body.items.filter((t) => t.regionId === city.regions.east)).toEqual([]);
  });

  it('leaves out tips that have not started or are over, and drops a withdrawn one at once', async () => {
    const later = await write(tip({ title: '中秋月饼选购提示', validFrom: at(24 * HOUR), validUntil: at(48 * HOUR) }));
    expect(later.body.state).toBe('scheduled');
    // An expired one, as stored (one cannot be written in the past).
    await server.database.db
      .insertInto('tips')
      .values({
        id: newId('tip'),
        region_id: city.regions.east,
        kind: 'tip',
        title: '已过期的提示',
        body: '过期',
        link: null,
        valid_from: at(-48 * HOUR),
        valid_until: at(-24 * HOUR),
        created_by: city.regulator.user.id,
        created_at: at(-48 * HOUR),
        withdrawn_at: null,
        withdraw_reason: null,
        notify_claimed_at: null,
      })
      .execute();
    publicTipsCacheOf(server.database).clear();
    const shown = (await publicTips(city.regions.east)).body.items.map((t) => t.title);
    expect(shown).not.toContain('中秋月饼选购提示');
    expect(shown).not.toContain('已过期的提示');

    const wrong = await write(tip({ title: '发错了的提示' }));
    expect((await publicTips(city.regions.east)).body.items.map((t) => t.title)).toContain('发错了的提示');
    const withdrawn = await server.request<Coded<Tip>>(`/v1/tips/${wrong.body.id}/withdraw`, {
      token: city.regulator.token,
      body: { reason: '内容有误' },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', withdrawReason: '内容有误' });
    expect((await publicTips(city.regions.east)).body.items.map((t) => t.title)).not.toContain('发错了的提示');
    const again = await server.request<Coded<Tip>>(`/v1/tips/${wrong.body.id}/withdraw`, {
      token: city.regulator.token,
      body: {},
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('TIP_ALREADY_WITHDRAWN');

    const list = await server.request<{ items: Tip[] }>('/v1/tips?state=scheduled', { token: city.regulator.token });
    expect(list.body.items.map((t) => t.id)).toEqual([later.body.id]);
  });

  it('refuses a validity ending before it starts, one already over, another region’s regulator and consumers', async () => {
    const backwards = await write(tip({ validFrom: at(2 * HOUR), validUntil: at(HOUR) }));
    expect(backwards.status).toBe(422);
    expect(backwards.body.code).toBe('TIP_VALIDITY_INVALID');
    const tooLong = await write(tip({ validUntil: at(400 * 24 * HOUR) }));
    expect(tooLong.body.code).toBe('TIP_VALIDITY_INVALID');
    const past = await write(tip({ validFrom: at(-3 * HOUR), validUntil: at(-2 * HOUR) }));
    expect(past.status).toBe(422);
    expect(past.body.code).toBe('TIP_VALIDITY_PAST');
    const unknownRegion = await write(tip({ regionId: 'reg-nowhere' }));
    expect(unknownRegion.status).toBe(404);
    expect(unknownRegion.body.code).toBe('REGION_NOT_FOUND');
    expect((await write(tip(), city.westRegulator.token)).status).toBe(403);
    expect((await write(tip(), city.consumer.token)).status).toBe(403);
    const unknownKind = await write(tip({ kind: 'rumour' }));
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.code).toBe('VALIDATION_FAILED');
    expect((await server.request('/v1/public/tips?regionId=reg-nowhere')).status).toBe(404);
  });

  it('sends a new consumer alert once to a consumer who opted in for the street, never to others', async () => {
    const before = await server.request<TipSubscriptions>('/v1/me/tip-subscriptions', { token: city.consumer.token });
    expect(before.body.templateId).toBe('TPL-TIP');
    const opted = await server.request<TipSubscription>('/v1/me/tip-subscriptions', {
      token: city.consumer.token,
      body: { regionId: street },
    });
    expect(opted.status).toBe(200);
    expect(opted.body).toMatchObject({ regionId: street, regionName: '古楼街道', remaining: 1 });
    // The west district's consumer alert does not reach an east street's subscriber.
    await write(
      tip({ regionId: city.regions.west, kind: 'consumer_alert', title: '茌平区预警' }),
      city.westRegulator.token,
    );

    const sentBefore = wechat.sent.length;
    const alert = await write(
      tip({ kind: 'consumer_alert', title: '暂停食用散装熟食', body: '某批次散装熟食检出致病菌，请暂停食用。' }),
    );
    expect(alert.status).toBe(201);
    await expect
      .poll(
        async () =>
          (
            await server.request<{ items: Tip[] }>('/v1/tips?kind=consumer_alert', { token: city.regulator.token })
          ).body.items.find((t) => t.id === alert.body.id)?.delivered,
        { timeout: 10_000 },
      )
      .toBe(1);
    const sent = wechat.sent.slice(sentBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({
      touser: 'o-consumer',
      template_id: 'TPL-TIP',
      page: `pages/tips/index?tipId=${alert.body.id}`,
    });
    const data = sent[0]?.body.data as Record<string, { value: string }>;
    expect(data.thing1?.value).toBe('暂停食用散装熟食');
    expect(data.thing2?.value).toBe('东昌府区市场监管');
    // Shown in Asia/Shanghai: the local time of validFrom.
    const localFrom = new Date(Date.parse(alert.body.validFrom) + 8 * HOUR)
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ');
    expect(data.time3?.value).toBe(localFrom);

    // The acceptance was spent: the next alert is not sent until the consumer accepts again.
    const after = await server.request<TipSubscriptions>('/v1/me/tip-subscriptions', { token: city.consumer.token });
    expect(after.body.items.find((s) => s.regionId === street)?.remaining).toBe(0);
    await write(tip({ kind: 'consumer_alert', title: '第二条预警' }));
    const stored = await server.database.db.selectFrom('tip_deliveries').selectAll().execute();
    expect(stored.filter((d) => d.user_id === city.consumer.user.id && d.status === 'delivered')).toHaveLength(1);
    expect(wechat.sent.slice(sentBefore)).toHaveLength(1);
  });

  it('stores opt-ins per consumer and region; only consumers may opt in; stopping sets nothing left', async () => {
    const other = await server.request<Coded<TipSubscription>>('/v1/me/tip-subscriptions', {
      token: city.manager.token,
      body: { regionId: street },
    });
    expect(other.status).toBe(403);
    for (let i = 0; i < 3; i++) {
      await server.request('/v1/me/tip-subscriptions', {
        token: city.consumer.token,
        body: { regionId: city.regions.east },
      });
    }
    const mine = await server.request<TipSubscriptions>('/v1/me/tip-subscriptions', { token: city.consumer.token });
    expect(mine.body.items.find((s) => s.regionId === city.regions.east)?.remaining).toBe(3);
    const stopped = await server.request<TipSubscription>(`/v1/me/tip-subscriptions/${city.regions.east}/stop`, {
      token: city.consumer.token,
      body: {},
    });
    expect(stopped.body.remaining).toBe(0);
    const unknown = await server.request<Coded<TipSubscription>>('/v1/me/tip-subscriptions', {
      token: city.consumer.token,
      body: { regionId: 'reg-nowhere' },
    });
    expect(unknown.body.code).toBe('REGION_NOT_FOUND');
  });

  it('sends an alert once when two instances sweep at the same time', async () => {
    await server.request('/v1/me/tip-subscriptions', { token: city.consumer.token, body: { regionId: street } });
    const id = newId('tip');
    await server.database.db
      .insertInto('tips')
      .values({
        id,
        region_id: city.regions.east,
        kind: 'consumer_alert',
        title: '两个实例同时发送的预警',
        body: '只应收到一次。',
        link: null,
        valid_from: at(-HOUR),
        valid_until: at(HOUR),
        created_by: city.regulator.user.id,
        created_at: at(0),
        withdrawn_at: null,
        withdraw_reason: null,
        notify_claimed_at: null,
      })
      .execute();
    const instance = () =>
      new TipMessages({
        database: server.database,
        sender: new WechatSender({
          apiBase: wechat.baseUrl,
          appId: 'wx-tips-app',
          secret: 'wx-tips-secret',
          templateId: 'TPL-TIP',
          now: Date.now,
        }),
        log: () => {},
      });
    const before = wechat.sent.length;
    const [a, b] = await Promise.all([instance().sweep(), instance().sweep()]);
    expect(a + b).toBeLessThanOrEqual(1);
    const forThis = () => wechat.sent.slice(before).filter((m) => String(m.body.page).endsWith(id));
    await expect.poll(() => forThis().length, { timeout: 10_000 }).toBe(1);
    const rows = await server.database.db.selectFrom('tip_deliveries').selectAll().where('tip_id', '=', id).execute();
    expect(rows.map((r) => r.status)).toEqual(['delivered']);
  });
});
