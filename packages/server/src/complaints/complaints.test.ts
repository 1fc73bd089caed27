import { COMPLAINT_PHOTO_MAX_BYTES, type Complaint } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../accounts/index.js';
import { issueAccessToken } from '../auth/access-token.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A buffer of `size` bytes starting with the given magic bytes. */
function image(magic: readonly number[], size: number): Buffer {
  const bytes = Buffer.alloc(size, 7);
  Buffer.from(magic).copy(bytes);
  return bytes;
}

const png = (size = 64) => ({ contentType: 'image/png', dataBase64: image(PNG_MAGIC, size).toString('base64') });
const location = { lat: 36.456, lng: 115.985, address: '聊城市东昌府区柳园路 12 号' };

describe.each(DATABASES)('complaints on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let otherConsumer: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    const user = await createUser(server.database, { role: 'consumer', displayName: '另一位消费者' });
    otherConsumer = issueAccessToken(server.config.tokenSecret, { userId: user.id, role: 'consumer' }, 600);
  });
  afterAll(() => server.close());

  async function storedCount(): Promise<{ complaints: number; photos: number }> {
    const { db } = server.database;
    const c = await db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    const p = await db
      .selectFrom('complaint_photos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return { complaints: Number(c?.n ?? 0), photos: Number(p?.n ?? 0) };
  }

  const post = (body: unknown, token = city.consumer.token) =>
    server.request<Complaint & { code?: string }>(`/v1/venues/${city.venues.school}/complaints`, { token, body });

  it('stores a complaint with location and photo, visible to the sender, the venue and its regulator', async () => {
    const photo = png(300);
    const res = await post({ text: '在菜里吃出了头发。', location, photos: [photo] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ venueId: city.venues.school, state: 'submitted', location });
    expect(res.body.photos).toEqual([{ contentType: 'image/png', size: 300 }]);

    const photoPath = `/v1/complaints/${res.body.id}/photos/0`;
    for (const token of [
      city.consumer.token,
      city.manager.token,
      city.staffer.token,
      city.regulator.token,
      city.admin.token,
    ]) {
      const got = await fetch(`${server.baseUrl}${photoPath}`, { headers: { authorization: `Bearer ${token}` } });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(photo.dataBase64, 'base64'))).toBe(true);
    }
    for (const token of [city.otherManager.token, city.westRegulator.token, otherConsumer]) {
      expect((await server.request(photoPath, { token })).status).toBe(403);
    }
    expect((await server.request(`/v1/complaints/${res.body.id}/photos/1`, { token: city.manager.token })).status).toBe(
      404,
    );
    expect((await server.request(photoPath)).status).toBe(401);

    const ids = async (token: string) =>
      (await server.request<Page<Complaint>>('/v1/complaints', { token })).body.items.map((c) => c.id);
    expect(await ids(city.consumer.token)).toContain(res.body.id);
    expect(await ids(city.manager.token)).toContain(res.body.id);
    expect(await ids(city.regulator.token)).toContain(res.body.id);
    expect(await ids(city.otherManager.token)).not.toContain(res.body.id);
    expect(await ids(city.westRegulator.token)).not.toContain(res.body.id);
    expect(await ids(otherConsumer)).not.toContain(res.body.id);
  });

  it('accepts three photos of exactly 2 MiB (jpeg, png, webp)', async () => {
    const webp = image([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50], COMPLAINT_PHOTO_MAX_BYTES);
    const res = await post({
      text: '三张照片',
      photos: [
        {
          contentType: 'image/jpeg',
          dataBase64: image([0xff, 0xd8, 0xff, 0xe0], COMPLAINT_PHOTO_MAX_BYTES).toString('base64'),
        },
        png(COMPLAINT_PHOTO_MAX_BYTES),
        { contentType: 'image/webp', dataBase64: webp.toString('base64') },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.photos.map((p) => p.contentType)).toEqual(['image/jpeg', 'image/png', 'image/webp']);
  });

  it('refuses oversized photos, too many photos and wrong types, storing nothing', async () => {
    const before = await storedCount();
    const tooBig = await post({ text: '大照片', photos: [png(), png(COMPLAINT_PHOTO_MAX_BYTES + 1)] });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('PAYLOAD_TOO_LARGE');

    const four = await post({ text: '四张', photos: [png(), png(), png(), png()] });
    expect(four.status).toBe(413);

    const gif = { contentType: 'image/png', dataBase64: Buffer.from('GIF89a-not-a-png-at-all').toString('base64') };
    const disguised = await post({ text: '伪装的图片', photos: [png(), gif] });
    expect(disguised.status).toBe(415);
    expect(disguised.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const declaredGif = await post({
      text: 'gif',
      photos: [{ contentType: 'image/gif', dataBase64: png().dataBase64 }],
    });
    expect(declaredGif.status).toBe(415);

    const mismatch = await post({
      text: '类型不符',
      photos: [{ contentType: 'image/jpeg', dataBase64: png().dataBase64 }],
    });
    expect(mismatch.status).toBe(415);

    const noText = await post({ photos: [png()] });
    expect(noText.status).toBe(400);
    expect(noText.body.code).toBe('VALIDATION_FAILED');

    expect(await storedCount()).toEqual(before);
  });

  it('refuses complaints from anyone but consumers, and about unknown venues', async () => {
    for (const token of [city.manager.token, city.regulator.token, city.admin.token]) {
      expect((await post({ text: '不是消费者' }, token)).status).toBe(403);
    }
    expect((await server.request(`/v1/venues/${city.venues.school}/complaints`, { body: { text: 'x' } })).status).toBe(
      401,
    );
    const unknown = await server.request('/v1/venues/ven_nope/complaints', {
      token: city.consumer.token,
      body: { text: 'x' },
    });
    expect(unknown.status).toBe(404);
  });
});
