import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { purchase } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

const JPEG_MAGIC = [0xff, 0xd8, 0xff, 0xe0];

function jpeg(size: number, fill = 7): Buffer {
  const bytes = Buffer.alloc(size, fill);
  Buffer.from(JPEG_MAGIC).copy(bytes);
  return bytes;
}

const upload = (bytes: Buffer, contentType = 'image/jpeg') => ({ contentType, dataBase64: bytes.toString('base64') });
const refOf = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

interface Stored {
  ref: string;
  contentType: string;
  size: number;
}

describe.each(DATABASES)('ledger photos on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let photosPath: string;
  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    photosPath = `/v1/venues/${city.venues.school}/ledger-photos`;
  });
  afterAll(() => server.close());

  const ledgerCount = async () => (await server.database.db.selectFrom('ledger_records').select('id').execute()).length;

  it('stores a photo under the SHA-256 of its bytes, once, and a record can refer to it', async () => {
    const bytes = jpeg(2048);
    const first = await server.request<Stored>(photosPath, { token: city.staffer.token, body: upload(bytes) });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ ref: refOf(bytes), contentType: 'image/jpeg', size: 2048 });
    // A retry (the outbox after a lost answer) changes nothing.
    const again = await server.request<Stored>(photosPath, { token: city.manager.token, body: upload(bytes) });
    expect(again.status).toBe(200);
    expect(again.body.ref).toBe(first.body.ref);

    const record = await server.request(`/v1/venues/${city.venues.school}/ledgers`, {
      token: city.manager.token,
      headers: { 'idempotency-key': `photo-${kind}-1` },
      body: purchase({ invoicePhotoRef: first.body.ref }),
    });
    expect(record.status).toBe(201);

    // The venue's regulator sees the very bytes.
    const res = await fetch(`${server.baseUrl}${photosPath}/${encodeURIComponent(first.body.ref)}`, {
      headers: { authorization: `Bearer ${city.regulator.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('refuses a record that refers to a photo the venue has not stored, and stores nothing', async () => {
    const before = await ledgerCount();
    const missing = refOf(jpeg(100, 9));
    const res = await server.request<{ code: string; details: { issues: { code: string; path: string }[] } }>(
      `/v1/venues/${city.venues.school}/ledgers`,
      {
        token: city.manager.token,
        headers: { 'idempotency-key': `photo-${kind}-2` },
        body: purchase({ invoicePhotoRef: missing }),
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('LEDGER_RULE_VIOLATION');
    expect(res.body.details.issues).toEqual([
      expect.objectContaining({ code: 'LEDGER_PHOTO_MISSING', path: 'invoicePhotoRef' }),
    ]);
    expect(await ledgerCount()).toBe(before);
  });

  it('keeps one venue’s photos from another venue’s people and from consumers', async () => {
    const bytes = jpeg(512, 3);
    const stored = await server.request<Stored>(photosPath, { token: city.manager.token, body: upload(bytes) });
    const url = `${photosPath}/${encodeURIComponent(stored.body.ref)}`;
    expect((await server.request(url, { token: city.otherManager.token })).status).toBe(403);
    expect((await server.request(url, { token: city.westRegulator.token })).status).toBe(403);
    expect((await server.request(url, { token: city.consumer.token })).status).toBe(403);
    // Another venue cannot upload into this one, nor use its photo in its own records.
    const foreign = await server.request(photosPath, { token: city.otherManager.token, body: upload(jpeg(64, 5)) });
    expect(foreign.status).toBe(403);
    const borrowed = await server.request<{ details: { issues: { code: string }[] } }>(
      `/v1/venues/${city.venues.restaurant}/ledgers`,
      {
        token: city.otherManager.token,
        headers: { 'idempotency-key': `photo-${kind}-3` },
        body: purchase({ invoicePhotoRef: stored.body.ref }),
      },
    );
    expect(borrowed.status).toBe(422);
    expect(borrowed.body.details.issues[0]?.code).toBe('LEDGER_PHOTO_MISSING');
  });

  it('answers an oversized photo with 413 and one that is not what it claims with 415', async () => {
    const big = await server.request<{ code: string }>(photosPath, {
      token: city.manager.token,
      body: upload(jpeg(512 * 1024 + 1)),
    });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const lying = await server.request<{ code: string }>(photosPath, {
      token: city.manager.token,
      body: upload(jpeg(128), 'image/png'),
    });
    expect(lying.status).toBe(415);
    expect(lying.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const text = await server.request<{ code: string }>(photosPath, {
      token: city.manager.token,
      body: { contentType: 'image/jpeg', dataBase64: Buffer.from('hello, not an image').toString('base64') },
    });
    expect(text.status).toBe(415);
    const stored = await server.database.db.selectFrom('ledger_photos').select('sha256').execute();
    expect(stored.every((p) => p.sha256.length === 64)).toBe(true);
    expect(stored).toHaveLength(2);
  });
});
