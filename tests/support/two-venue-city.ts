/**
 * The server's test city seen as venue A (the school) and venue B (the restaurant, same district),
 * with one account per role on each side, and records that belong to A only: a notice and a
 * complaint (with a photo) from A's consumer, a ledger record that opened an alert (with a snapshot),
 * a registered device. Everything private to A is listed in `a.privateMarks`.
 */
import { randomBytes } from 'node:crypto';
import type { Alert, Complaint, Notice, Venue } from '@brightkitchen/sdk';
import { addMembership, createUser } from '../../packages/server/src/accounts/index.js';
import { issueAccessToken } from '../../packages/server/src/auth/access-token.js';
import { seedTestCity, type TestAccount, type TestCity } from '../../packages/server/src/testing/fixtures.js';
import { inspectionBody } from '../../packages/server/src/testing/inspection-answers.js';
import { morningCheck } from '../../packages/server/src/testing/ledger-records.js';
import type { TestServer } from '../../packages/server/src/testing/test-server.js';
import { paperKey } from '../../packages/server/src/training/testing.js';
import { seedVenueCamera, type VenueCamera } from './venue-camera.js';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A small PNG-looking image (the server checks the magic bytes), base64. */
export function pngBase64(size = 64): string {
  const bytes = Buffer.alloc(size, 7);
  Buffer.from(PNG_MAGIC).copy(bytes);
  return bytes.toString('base64');
}

export interface VenueA {
  readonly venueId: string;
  readonly regionId: string;
  readonly publicCode: string;
  readonly staffId: string;
  readonly noticeId: string;
  readonly complaintId: string;
  readonly alertId: string;
  readonly ledgerEntryId: string;
  readonly deviceId: string;
  /** A ledger photo stored for A (`sha256:…`). */
  readonly photoRef: string;
  /** An inspection of A by its regulator. */
  readonly inspectionId: string;
  /** Training: a course of A's district (published by its regulator) and one of its lessons. */
  readonly courseId: string;
  readonly lessonId: string;
  /** An exam attempt of A's staff member under way, a question on its paper and a right answer to it. */
  readonly attemptId: string;
  readonly questionId: string;
  readonly answer: unknown;
  /** The certificate A's staff member earned (its id is private; its code is for anyone to check). */
  readonly certificateId: string;
  readonly certificateCode: string;
  /** A's kitchen camera: a public recorded channel, a recorded segment and signed URLs' tokens. */
  readonly camera: VenueCamera;
  /** Strings only A's people (and its regulator, admin) may ever see: ids and the licence number. */
  readonly privateMarks: readonly string[];
}

export interface TwoVenueCity extends TestCity {
  /** Staff of venue B (the restaurant; `otherManager` is its manager). */
  readonly staffB: TestAccount;
  /** A consumer who never dealt with venue A (`consumer` sent A's notice and complaint). */
  readonly consumerB: TestAccount;
  /** Manager of a third venue in another district (the west canteen). */
  readonly westManager: TestAccount;
  readonly a: VenueA;
}

function expectStatus(what: string, status: number, expected: number): void {
  if (status !== expected) throw new Error(`${what}: expected ${expected}, got ${status}`);
}

export async function seedTwoVenueCity(server: TestServer): Promise<TwoVenueCity> {
  const city = await seedTestCity(server);
  const { database, config } = server;
  const suffix = randomBytes(3).toString('hex');
  const account = async (role: 'consumer' | 'operator_staff' | 'operator_manager', name: string) => {
    const login = `${name}-${suffix}`;
    const user = await createUser(database, { role, displayName: name, login, password: 'a-long-password' });
    return { user, login, token: issueAccessToken(config.tokenSecret, { userId: user.id, role }, 900) };
  };
  const staffB = await account('operator_staff', 'staff-b');
  const consumerB = await account('consumer', 'consumer-b');
  const westManager = await account('operator_manager', 'west-manager');
  await addMembership(database, staffB.user.id, city.venues.restaurant, 'operator_staff');
  await addMembership(database, westManager.user.id, city.venues.westCanteen, 'operator_manager');

  const venueId = city.venues.school;
  const venue = await server.request<Venue>(`/v1/venues/${venueId}`, { token: city.admin.token });
  const notice = await server.request<Notice>(`/v1/venues/${venueId}/notices`, {
    token: city.consumer.token,
    body: { subject: '后厨地面湿滑', body: '请整改后厨地面积水。' },
  });
  expectStatus('notice', notice.status, 201);
  const complaint = await server.request<Complaint>(`/v1/venues/${venueId}/complaints`, {
    token: city.consumer.token,
    body: { text: '餐具有油污', photos: [{ contentType: 'image/png', dataBase64: pngBase64() }] },
  });
  expectStatus('complaint', complaint.status, 201);
  // A morning check of someone whose certificate expired: kept with a warning, and it opens an alert.
  const ledger = await server.request<{ record: { id: string } }>(`/v1/venues/${venueId}/ledgers`, {
    token: city.staffer.token,
    body: morningCheck(city.staff.expiredCertificate),
    headers: { 'idempotency-key': `isolation-${suffix}` },
  });
  expectStatus('ledger', ledger.status, 201);
  const alerts = await server.request<{ items: Alert[] }>(`/v1/alerts?venueId=${venueId}`, {
    token: city.manager.token,
  });
  const alert = alerts.body.items[0];
  if (!alert) throw new Error('the ledger warning opened no alert');
  await database.db
    .insertInto('alert_snapshots')
    .values({
      alert_id: alert.id,
      content_type: 'image/jpeg',
      bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
      created_at: new Date().toISOString(),
    })
    .execute();
  const device = await server.request<{ device: { id: string } }>(`/v1/venues/${venueId}/devices`, {
    token: city.manager.token,
    body: {
      kind: 'sensor',
      vendor: 'tasmota',
      locationKind: 'fridge',
      name: '冷藏柜',
      binding: { topic: `fridge_${suffix}` },
    },
  });
  expectStatus('device', device.status, 201);
  const photo = await server.request<{ ref: string }>(`/v1/venues/${venueId}/ledger-photos`, {
    token: city.staffer.token,
    body: { contentType: 'image/png', dataBase64: pngBase64(96) },
  });
  expectStatus('ledger photo', photo.status, 201);
  const inspection = await server.request<{ inspection: { id: string } }>(`/v1/venues/${venueId}/inspections`, {
    token: city.regulator.token,
    body: inspectionBody(photo.body.ref, { failing: ['2.5'] }),
  });
  expectStatus('inspection', inspection.status, 201);
  // A published root holding A's chain head, for the open inclusion-proof route.
  const root = await server.request('/v1/ledger-roots', { method: 'POST', token: city.admin.token });
  expectStatus('ledger root', root.status, 201);

  const training = await seedTraining(server, city);
  const camera = await seedVenueCamera(server, venueId);

  const a: Omit<VenueA, 'privateMarks'> = {
    venueId,
    regionId: city.regions.east,
    publicCode: venue.body.publicCode,
    staffId: city.staff.fit,
    noticeId: notice.body.id,
    complaintId: complaint.body.id,
    alertId: alert.id,
    ledgerEntryId: ledger.body.record.id,
    deviceId: device.body.device.id,
    photoRef: photo.body.ref,
    inspectionId: inspection.body.inspection.id,
    ...training,
    camera,
  };
  const privateMarks = [
    a.staffId,
    city.staff.expiredCertificate,
    a.noticeId,
    a.complaintId,
    a.alertId,
    a.ledgerEntryId,
    a.deviceId,
    a.inspectionId,
    city.manager.user.id,
    city.staffer.user.id,
    venue.body.licence.number,
    a.attemptId,
    a.certificateId,
  ];
  return { ...city, staffB, consumerB, westManager, a: { ...a, privateMarks } };
}

/**
 * A's training: its regulator publishes a district course; A's staff member (the `staffer`, linked to the fit cook)
 * passes the national exam (a certificate) and starts it again (an attempt under way).
 */
async function seedTraining(server: TestServer, city: TestCity) {
  const course = await server.request<{ id: string; lessons: { id: string }[] }>('/v1/training/courses', {
    token: city.regulator.token,
    body: {
      regionId: city.regions.east,
      title: '东昌府区学校食堂专项培训',
      summary: '区级课程。',
      roles: [],
      venueKinds: [],
      lessons: [{ id: 'local-rules', title: '本区要求', body: '学校食堂留样 200 克。' }],
    },
  });
  expectStatus('course', course.status, 201);
  const start = () =>
    server.request<{ id: string; paper: { id: string }[] }>('/v1/training/exams/nat-exam-basics/attempts', {
      method: 'POST',
      token: city.staffer.token,
    });
  const first = await start();
  expectStatus('attempt', first.status, 201);
  const passed = await server.request<{ certificate?: { id: string; code: string } }>(
    `/v1/training/attempts/${first.body.id}/submit`,
    { token: city.staffer.token, body: { answers: await paperKey(server.database, first.body.id) } },
  );
  expectStatus('submission', passed.status, 200);
  if (!passed.body.certificate) throw new Error('the pass issued no certificate');
  const open = await start();
  expectStatus('second attempt', open.status, 201);
  const questionId = open.body.paper[0]?.id as string;
  return {
    courseId: course.body.id,
    lessonId: 'local-rules',
    attemptId: open.body.id,
    questionId,
    answer: (await paperKey(server.database, open.body.id))[questionId],
    certificateId: passed.body.certificate.id,
    certificateCode: passed.body.certificate.code,
  };
}
