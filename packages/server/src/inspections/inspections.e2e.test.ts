import type { Checklist, InspectionRecord, InspectionRecorded, PublicVenueProfile } from '@brightkitchen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { inspectionBody, signaturePng } from '../testing/inspection-answers.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

describe.each(DATABASES)('inspections on the phone (%s)', (kind) => {
  let server: TestServer;
  let city: TestCity;
  let signature: string;
  let publicCode: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
    const upload = await server.request<{ ref: string }>(`/v1/venues/${city.venues.school}/ledger-photos`, {
      token: city.regulator.token,
      body: signaturePng('inspector signature'),
    });
    expect(upload.status).toBe(201);
    signature = upload.body.ref;
    const venue = await server.database.db
      .selectFrom('venues')
      .select('public_code')
      .where('id', '=', city.venues.school)
      .executeTakeFirstOrThrow();
    publicCode = venue.public_code;
  });
  afterAll(() => server.close());

  const record = (body: unknown, token = city.regulator.token, headers: Record<string, string> = {}) =>
    server.request<InspectionRecorded & { code?: string; details?: Record<string, unknown> }>(
      `/v1/venues/${city.venues.school}/inspections`,
      { token, body, headers },
    );
  const inspectionCount = async () =>
    Number(
      (
        await server.database.db
          .selectFrom('inspections')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('venue_id', '=', city.venues.school)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const profile = async () => (await server.request<PublicVenueProfile>(`/v1/public/venues/${publicCode}`)).body;

  it('gives the inspector the checklist by area, key items marked', async () => {
    const checklist = await server.request<Checklist>(`/v1/venues/${city.venues.school}/checklist`, {
      token: city.regulator.token,
    });
    expect(checklist.status).toBe(200);
    expect(checklist.body.items.length).toBeGreaterThan(20);
    expect(checklist.body.items.find((item) => item.code === '1.2')).toMatchObject({
      area: 'licence_personnel',
      key: true,
      title: { zh: expect.stringContaining('健康证明') },
    });
  });

  it('grades the venue from the answers, and the QR page shows the new grade at once', async () => {
    expect((await profile()).grade.dynamic).toBeNull();
    const good = await record(inspectionBody(signature, { failing: ['2.5', '8.2'], notApplicable: ['4.4'] }));
    expect(good.status).toBe(201);
    // 28 checked, 26 conforming: 260 / 28 = 9.28… → excellent.
    expect(good.body.inspection.items).toHaveLength(28);
    expect(good.body.inspection.face).toBe('excellent');
    expect(good.body.grade.dynamic).toMatchObject({ face: 'excellent', score: 9.2 });
    expect(good.body.grade.annual?.grade).toBe('A');
    expect((await profile()).grade.dynamic).toMatchObject({ face: 'excellent', score: 9.2 });

    // Two key items failed: no dynamic grade, whatever the score, and the consumer sees it.
    const bad = await record(inspectionBody(signature, { failing: ['1.2', '3.1'] }));
    expect(bad.status).toBe(201);
    expect(bad.body.inspection.noGradeReasons).toEqual(['KEY_ITEMS_FAILED']);
    expect(bad.body.grade.dynamic?.face).toBe('none');
    expect((await profile()).grade.dynamic?.face).toBe('none');
    const stored = await server.database.db
      .selectFrom('venue_grades')
      .selectAll()
      .where('venue_id', '=', city.venues.school)
      .executeTakeFirstOrThrow();
    expect(stored.dynamic_face).toBe('none');
    expect(JSON.parse(stored.no_grade_reasons)).toEqual(['KEY_ITEMS_FAILED']);
  });

  it('keeps the record for the venue’s manager with both signatures, and from nobody else', async () => {
    const managerSignature = await server.request<{ ref: string }>(`/v1/venues/${city.venues.school}/ledger-photos`, {
      token: city.regulator.token,
      body: signaturePng('manager signature'),
    });
    const sent = await record(inspectionBody(signature, { managerSignature: managerSignature.body.ref }));
    expect(sent.status).toBe(201);
    const id = sent.body.inspection.id;
    const read = await server.request<InspectionRecord>(`/v1/inspections/${id}`, { token: city.manager.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      inspector: 'regulator',
      inspectorSignature: signature,
      countersign: { kind: 'signed', name: '王经理', signature: managerSignature.body.ref },
    });
    const list = await server.request<{ items: InspectionRecord[] }>(`/v1/venues/${city.venues.school}/inspections`, {
      token: city.manager.token,
    });
    expect(list.body.items[0]?.id).toBe(id);
    expect((await server.request(`/v1/inspections/${id}`, { token: city.otherManager.token })).status).toBe(403);
    expect((await server.request(`/v1/inspections/${id}`, { token: city.westRegulator.token })).status).toBe(403);
  });

  it('records a phone’s retried send once (Idempotency-Key)', async () => {
    const before = await inspectionCount();
    const body = inspectionBody(signature);
    const headers = { 'idempotency-key': `insp-${Math.random()}` };
    const first = await record(body, city.regulator.token, headers);
    const again = await record(body, city.regulator.token, headers);
    expect(first.status).toBe(201);
    expect(again.body.inspection.id).toBe(first.body.inspection.id);
    expect(await inspectionCount()).toBe(before + 1);
  });

  it('refuses bad records with their codes and stores nothing', async () => {
    const before = await inspectionCount();
    const base = inspectionBody(signature);
    const cases: [unknown, number, string, string?][] = [
      [{ ...base, answers: [...base.answers, { code: '9.9', result: 'conform' }] }, 422, 'INSPECTION_ITEM_UNKNOWN'],
      [{ ...base, answers: [...base.answers, base.answers[0]] }, 422, 'INSPECTION_ITEM_UNKNOWN'],
      [{ ...base, inspectorSignature: undefined }, 422, 'INSPECTION_SIGNATURE_REQUIRED'],
      [{ ...base, countersign: undefined }, 422, 'INSPECTION_SIGNATURE_REQUIRED'],
      [{ ...base, inspectorSignature: `sha256:${'0'.repeat(64)}` }, 422, 'INSPECTION_PHOTO_MISSING'],
      [{ ...base, date: '2999-01-01' }, 422, 'INSPECTION_DATE_INVALID'],
      [
        { ...base, answers: base.answers.map((a) => ({ ...a, result: 'not_applicable' })) },
        422,
        'INSPECTION_NOTHING_CHECKED',
      ],
      [{ ...base, answers: 'all good' }, 400, 'VALIDATION_FAILED'],
      // Outside the inspector's regions; an operator cannot inspect.
      [base, 403, 'FORBIDDEN', city.westRegulator.token],
      [base, 403, 'FORBIDDEN', city.manager.token],
    ];
    for (const [body, status, code, token] of cases) {
      const answer = await record(body, token);
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
    }
    expect(await inspectionCount()).toBe(before);
  });

  it('follows the region’s checklist: its own key items, items left out', async () => {
    const put = await server.request(`/v1/regions/${city.regions.east}/rule-profile`, {
      method: 'PUT',
      token: city.regulator.token,
      body: { overrides: { inspection: { keyItems: ['1.1', '1.2', '2.5'], omittedItems: ['8.3'] } } },
    });
    expect(put.status).toBe(200);
    const checklist = await server.request<Checklist>(`/v1/venues/${city.venues.school}/checklist`, {
      token: city.regulator.token,
    });
    expect(checklist.body.items.map((item) => item.code)).not.toContain('8.3');
    expect(checklist.body.items.find((item) => item.code === '2.5')?.key).toBe(true);
    expect(checklist.body.items.find((item) => item.code === '3.1')?.key).toBe(false);
    const withOmitted = await record(inspectionBody(signature));
    expect(withOmitted.status).toBe(422);
    expect(withOmitted.body.details?.unknown).toEqual(['8.3']);
    const answers = inspectionBody(signature, { failing: ['1.2', '2.5'] });
    const graded = await record({ ...answers, answers: answers.answers.filter((a) => a.code !== '8.3') });
    expect(graded.body.inspection.noGradeReasons).toEqual(['KEY_ITEMS_FAILED']);
  });
});
