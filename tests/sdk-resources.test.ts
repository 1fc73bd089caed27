/**
 * The SDK client end to end, resource by resource, against the real server (SQLite and PostgreSQL):
 * ratings and notices and complaints through the outbox (with idempotent retries), alerts, the
 * public QR profile, open data with a signed partner key, and the archive (regions, venues, staff, members).
 */
import {
  type BrightKitchenClient,
  createNodeClient,
  DeviceDetailSchema,
  isBrightKitchenError,
  LedgerExportSchema,
  MemberSchema,
  MeSchema,
  OpenGradesPageSchema,
  type OutboxOutcome,
  parse,
  type QueuedWrite,
} from '@brightkitchen/sdk/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DeviceTestServer, startDeviceServer, uniqueKey } from '../packages/server/src/devices/test-support.js';
import { seedTestCity, TEST_PASSWORD, type TestCity } from '../packages/server/src/testing/fixtures.js';
import { morningCheck, purchase } from '../packages/server/src/testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { pngBase64 } from './support/two-venue-city.js';

async function sent(queued: QueuedWrite): Promise<Extract<OutboxOutcome, { state: 'sent' }>> {
  const outcome = await queued.settled;
  if (outcome.state !== 'sent') throw new Error(`${queued.kind} refused: ${outcome.error.code}`);
  return outcome;
}

describe.each(DATABASES)('SDK resources against the real server (%s)', (kind) => {
  let server: TestServer;
  let city: TestCity;
  const clients: BrightKitchenClient[] = [];

  function client(options: Partial<Parameters<typeof createNodeClient>[0]> = {}): BrightKitchenClient {
    const c = createNodeClient({
      baseURL: server.baseUrl,
      outbox: { backoff: { baseMs: 50, maxMs: 400 } },
      timeoutMs: 5_000,
      ...options,
    });
    clients.push(c);
    return c;
  }
  async function loggedIn(login: string): Promise<BrightKitchenClient> {
    const c = client();
    await c.auth.login(login, TEST_PASSWORD);
    return c;
  }

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(() => server?.close());

  it('ratings: a rating sent through the outbox counts once in the summary, a retry by key changes nothing', async () => {
    const consumer = await loggedIn(city.consumer.login);
    const before = await client().ratings.summary(city.venues.school);
    const queued = await consumer.ratings.submit(city.venues.school, {
      faces: { dishes: 'satisfied', hygiene: 'satisfied', service: 'dissatisfied' },
      comment: '菜品不错',
    });
    const first = await sent(queued);
    expect(first.status).toBe(201);
    const after = await client().ratings.summary(city.venues.school);
    expect(after.count).toBe(before.count + 1);
    expect(after.aspects.service.dissatisfied).toBe(before.aspects.service.dissatisfied + 1);

    // The outbox's answer was lost: the same write with the same key answers the first rating again.
    const replay = await server.request<{ id: string }>(first.item.path, {
      token: (await consumer.auth.session())?.accessToken ?? '',
      body: first.item.body,
      headers: { 'idempotency-key': queued.idempotencyKey },
    });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe((first.result as { id: string }).id);
    expect((await client().ratings.summary(city.venues.school)).count).toBe(after.count);

    // A second rating the same day is refused with the server's code and leaves the outbox.
    const again = await consumer.ratings.submit(city.venues.school, {
      faces: { dishes: 'neutral', hygiene: 'neutral', service: 'neutral' },
    });
    const refused = await again.settled;
    expect(refused.state).toBe('failed');
    expect(refused.state === 'failed' && refused.error.code).toBe('RATING_ALREADY_TODAY');
    expect(await consumer.outbox.pending()).toEqual([]);
  });

  it('notices: the consumer sends, the operator answers, the consumer sees the answer', async () => {
    const consumer = await loggedIn(city.consumer.login);
    const notice = await sent(
      await consumer.notices.send(city.venues.school, { subject: '垃圾桶未加盖', body: '后厨垃圾桶敞口，请整改。' }),
    );
    const noticeId = (notice.result as { id: string }).id;

    const manager = await loggedIn(city.manager.login);
    const inbox = await manager.notices.list({ venueId: city.venues.school, state: 'sent' });
    expect(inbox.items.map((n) => n.id)).toContain(noticeId);
    const answered = await manager.notices.answer(noticeId, '已加盖并每日清运。');
    expect(answered).toMatchObject({ id: noticeId, state: 'answered', answer: '已加盖并每日清运。' });

    const mine = await consumer.notices.list();
    expect(mine.items.find((n) => n.id === noticeId)).toMatchObject({
      state: 'answered',
      answer: '已加盖并每日清运。',
    });
    const otherVenue = await loggedIn(city.otherManager.login);
    expect((await otherVenue.notices.list()).items.map((n) => n.id)).not.toContain(noticeId);
  });

  it('complaints: a complaint with a photo reaches the venue and its regulator, photo bytes intact', async () => {
    const consumer = await loggedIn(city.consumer.login);
    const photo = pngBase64(200);
    const outcome = await sent(
      await consumer.complaints.submit(city.venues.school, {
        text: '餐具上有油污',
        location: { lat: 36.45, lng: 115.98 },
        photos: [{ contentType: 'image/png', dataBase64: photo }],
      }),
    );
    const complaintId = (outcome.result as { id: string }).id;
    for (const login of [city.manager.login, city.regulator.login]) {
      const reader = await loggedIn(login);
      const listed = await reader.complaints.list({ venueId: city.venues.school });
      expect(listed.items.find((c) => c.id === complaintId)).toMatchObject({
        text: '餐具上有油污',
        photos: [{ contentType: 'image/png', size: 200 }],
      });
      const bytes = Buffer.from(await reader.complaints.photo(complaintId, 0));
      expect(bytes.toString('base64')).toBe(photo);
    }
    const west = await loggedIn(city.westRegulator.login);
    const refused = await west.complaints.photo(complaintId, 0).catch((e: unknown) => e);
    expect(isBrightKitchenError(refused)).toBe(true);
    expect((refused as { status: number }).status).toBe(403);
  });

  it('ledger photos: a photo queued with its record goes first; the record refers to those very bytes', async () => {
    const operator = await loggedIn(city.staffer.login);
    const photo = pngBase64(300);
    // Both wait in the outbox (as offline) and leave in order: the photo, then the record that refers to it.
    const { ref, queued } = await operator.ledgers.attachPhoto(city.venues.school, {
      contentType: 'image/png',
      dataBase64: photo,
    });
    const record = await operator.ledgers.submit(city.venues.school, purchase({ invoicePhotoRef: ref }));
    expect((await sent(queued)).result).toMatchObject({ ref, contentType: 'image/png', size: 300 });
    await sent(record);
    const listed = await operator.ledgers.list(city.venues.school, { kind: 'purchase_inspection' });
    expect(listed.items.map((e) => (e.record as { invoicePhotoRef?: string }).invoicePhotoRef)).toContain(ref);
    const regulator = await loggedIn(city.regulator.login);
    const bytes = Buffer.from(await regulator.ledgers.photo(city.venues.school, ref));
    expect(bytes.toString('base64')).toBe(photo);
  });

  it('alerts: a ledger warning opens an alert; the venue acknowledges and resolves it', async () => {
    const staff = await loggedIn(city.staffer.login);
    const written = await staff.ledgers.submitNow(city.venues.school, morningCheck(city.staff.expiredCertificate));
    expect(written.issues.map((i) => i.code)).toContain('LEDGER_STAFF_HEALTH_CERT_INVALID');

    const manager = await loggedIn(city.manager.login);
    const open = await manager.alerts.list({ venueId: city.venues.school, state: 'open' });
    const alert = open.items.find((a) => a.subject === written.record.id);
    expect(alert).toMatchObject({ source: 'ledger', state: 'open' });
    const acked = await manager.alerts.ack(alert?.id ?? '');
    expect(acked.state).toBe('acknowledged');
    const blank = await manager.alerts.resolve(acked.id, '  ').catch((e: unknown) => e);
    expect(blank).toMatchObject({ code: 'ALERT_CORRECTIVE_ACTION_REQUIRED' });
    const resolved = await staff.alerts.resolve(acked.id, '该员工停岗，已补办健康证。');
    expect(resolved).toMatchObject({ state: 'resolved', correctiveAction: '该员工停岗，已补办健康证。' });
    const consumer = await loggedIn(city.consumer.login);
    expect(await consumer.alerts.list().catch((e: unknown) => (e as { status: number }).status)).toBe(403);
  });

  it('publicVenues.get: the QR profile without login', async () => {
    const admin = await loggedIn(city.admin.login);
    const venue = await admin.venues.get(city.venues.school);
    const profile = await client().publicVenues.get(venue.publicCode);
    expect(profile).toMatchObject({ publicCode: venue.publicCode, name: venue.name, kind: 'school_canteen' });
    expect(profile.rating.count).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(profile)).not.toContain(city.staff.fit);
  });

  it('openData.grades: a partner key signs its requests and reads a district', async () => {
    const partner = client({ auth: { kind: 'partner', keyId: city.partner.keyId, secret: city.partner.secret } });
    const page = await partner.openData.grades({ regionId: city.regions.east, limit: 500 });
    expect(page.items.map((g) => g.venueId).sort()).toEqual([city.venues.school, city.venues.restaurant].sort());
    for (const grade of page.items) {
      expect(grade.regionId).toBe(city.regions.east);
      expect(grade.rating).toHaveProperty('satisfactionRate');
      expect(grade.grade).toHaveProperty('dynamic');
    }
    // Signed requests reach protected routes too; a wrong secret does not.
    expect((await partner.venues.get(city.venues.westCanteen)).id).toBe(city.venues.westCanteen);
    const forged = client({ auth: { kind: 'partner', keyId: city.partner.keyId, secret: 'not-the-secret' } });
    expect(await forged.venues.get(city.venues.school).catch((e: unknown) => (e as { code: string }).code)).toBe(
      'SIGNATURE_INVALID',
    );
  });

  it('regions, venues, staff and members: the archive through the client', async () => {
    const admin = await loggedIn(city.admin.login);
    const regions = await admin.regions.list();
    expect(regions.items.map((r) => r.id)).toEqual(expect.arrayContaining([city.regions.east, city.regions.west]));

    const regulator = await loggedIn(city.regulator.login);
    const created = await regulator.venues.create({
      regionId: city.regions.east,
      name: '新开面馆',
      kind: 'restaurant',
      licence: { number: `JY${kind}777`, issuedOn: '2024-01-01', expiresOn: '2029-01-01' },
      address: '聊城市东昌府区 7 号',
      coordinates: { lat: 36.44, lng: 115.97 },
      timeZone: 'Asia/Shanghai',
      hasLiveVideo: false,
    });
    expect((await regulator.venues.list({ regionId: city.regions.east, limit: 500 })).items.map((v) => v.id)).toContain(
      created.id,
    );
    expect((await regulator.venues.update(created.id, { name: '新开牛肉面馆' })).name).toBe('新开牛肉面馆');

    const manager = await loggedIn(city.manager.login);
    const cook = await manager.venues.staff.create(city.venues.school, {
      name: '赵师傅',
      role: 'cook',
      healthCertificate: { number: `HC-${kind}-9`, expiresOn: '2020-06-01' },
    });
    const updated = await manager.venues.staff.update(city.venues.school, cook.id, { name: '赵大厨' });
    expect(updated.name).toBe('赵大厨');
    const today = await manager.venues.staff.list(city.venues.school, { date: '2024-01-01' });
    expect(today.items.find((s) => s.id === cook.id)?.unfit).toBe(true);

    const member = await manager.venues.members.add(city.venues.school, {
      login: `sdk-member-${kind}`,
      password: 'a-long-password',
      displayName: '钱七',
      role: 'operator_staff',
      staffId: cook.id,
    });
    expect(member).toMatchObject({ role: 'operator_staff', displayName: '钱七', staffId: cook.id });
    const members = await manager.venues.members.list(city.venues.school);
    expect(members.items.map((m) => m.userId)).toContain(member.userId);

    const newcomer = client();
    await newcomer.auth.login(`sdk-member-${kind}`, 'a-long-password');
    expect((await newcomer.auth.me()).memberships).toEqual([{ venueId: city.venues.school, role: 'operator_staff' }]);
  });

  it('answers in the shapes of the SDK’s domain schemas (me, members, ledger export, open data)', async () => {
    const manager = await loggedIn(city.manager.login);
    const staff = await loggedIn(city.staffer.login);
    await staff.ledgers.submitNow(city.venues.school, morningCheck(city.staff.fit));
    const partner = client({ auth: { kind: 'partner', keyId: city.partner.keyId, secret: city.partner.secret } });
    const answers = [
      [MeSchema, await manager.auth.me()],
      [MemberSchema, (await manager.venues.members.list(city.venues.school)).items[0]],
      [LedgerExportSchema, await manager.ledgers.export(city.venues.school)],
      [OpenGradesPageSchema, await partner.openData.grades({ regionId: city.regions.east })],
    ] as const;
    for (const [schema, answer] of answers) {
      const result = parse(schema, answer);
      expect(result.ok ? [] : result.issues).toEqual([]);
    }
  });
});

describe.each(DATABASES)('SDK devices resource against the real server with its broker (%s)', (kind) => {
  let server: DeviceTestServer;
  let city: TestCity;
  const clients: BrightKitchenClient[] = [];

  async function loggedIn(login: string): Promise<BrightKitchenClient> {
    const c = createNodeClient({ baseURL: server.baseUrl, timeoutMs: 5_000 });
    clients.push(c);
    await c.auth.login(login, TEST_PASSWORD);
    return c;
  }

  beforeAll(async () => {
    server = await startDeviceServer(kind);
    city = await seedTestCity(server);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
  });
  afterAll(() => server?.close());

  it('register → list → setSchedule → get shows the schedule; another venue’s manager is refused', async () => {
    const manager = await loggedIn(city.manager.login);
    const topic = uniqueKey('uv');
    const registered = await manager.devices.register(city.venues.school, {
      kind: 'switch',
      vendor: 'tasmota',
      locationKind: 'uv_lamp',
      name: '备餐间紫外线灯',
      binding: { topic },
    });
    expect(registered.device).toMatchObject({ venueId: city.venues.school, name: '备餐间紫外线灯' });
    expect(registered.credentials.username).toBe(registered.device.id);
    expect(registered.credentials.password.length).toBeGreaterThanOrEqual(24);
    expect(registered.credentials.topics?.subscribe).toEqual([`cmnd/${topic}/#`]);
    expect(registered.credentials.mqtt?.tcp).toMatch(/^mqtt:\/\//);

    const list = await manager.devices.list(city.venues.school);
    expect(list.items.map((d) => d.id)).toContain(registered.device.id);
    expect(JSON.stringify(list)).not.toContain(registered.credentials.password);

    const runs = [
      { time: '22:30', durationMin: 30 },
      { time: '06:00', durationMin: 45, days: [1, 2, 3, 4, 5] as const },
    ];
    const set = await manager.devices.setSchedule(registered.device.id, runs);
    expect(set.runs).toEqual(runs);
    expect(set.commands.length).toBeGreaterThan(0);
    expect(set.commands.every((c) => c.topic.startsWith(`cmnd/${topic}/`))).toBe(true);

    const detail = await manager.devices.get(registered.device.id);
    const checked = parse(DeviceDetailSchema, detail);
    expect(checked.ok ? [] : checked.issues).toEqual([]);
    expect(detail.device.id).toBe(registered.device.id);
    expect(detail.schedule?.runs).toEqual(runs);
    expect(detail.status.online).toBeNull();

    const other = await loggedIn(city.otherManager.login);
    for (const attempt of [
      () => other.devices.list(city.venues.school),
      () => other.devices.get(registered.device.id),
      () => other.devices.setSchedule(registered.device.id, [{ time: '01:00', durationMin: 5 }]),
      () =>
        other.devices.register(city.venues.school, {
          kind: 'switch',
          vendor: 'tasmota',
          locationKind: 'uv_lamp',
          name: '另一家的灯',
          binding: { topic: uniqueKey('uv') },
        }),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(isBrightKitchenError(error) && error.status).toBe(403);
    }
    expect((await manager.devices.get(registered.device.id)).schedule?.runs).toEqual(runs);
  });
});
