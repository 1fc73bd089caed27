/**
 * The error body as callers see it: `{ code, message: { zh, en }, details?: { issues } }`, FIELD_* issues
 * whoever finds the problem, and never a long value sent back.
 */
import {
  type ApiErrorBody,
  ApiErrorBodySchema,
  ComplaintInputSchema,
  FACES,
  LEDGER_FIELD_LABELS,
  MorningCheckRecordSchema,
  parse,
  RATING_ASPECTS,
} from '@brightkitchen/sdk';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOrThrow } from '../schemas/parse.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { morningCheck } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { AppError } from './app-error.js';

const HUGE = 'x'.repeat(2_700_000);

describe.each(DATABASES)('error bodies on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server.close());

  const complain = (body: unknown) =>
    server.request<ApiErrorBody>(`/v1/venues/${city.venues.school}/complaints`, { token: city.consumer.token, body });

  it.each([
    ['a 2.7 MB text over its length', { text: HUGE }, { code: 'FIELD_TOO_LONG', path: 'text' }],
    [
      'a 2.7 MB text for a number',
      { text: '脏', location: { lat: HUGE, lng: 116 } },
      { code: 'FIELD_TYPE', path: 'location.lat' },
    ],
  ])('answers %s with a small 400 naming the field, not the value', async (_name, body, issue) => {
    const res = await complain(body);
    expect(res.status).toBe(400);
    expect(v.is(ApiErrorBodySchema, res.body)).toBe(true);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: { zh: '请求内容不合法', en: 'The request is invalid' },
      details: { issues: [issue] },
    });
    expect(JSON.stringify(res.body).length).toBeLessThan(1000);
  });

  it('answers a 2.7 MB text for a choice with FIELD_ENUM, not the value', async () => {
    const faces = Object.fromEntries(RATING_ASPECTS.map((aspect) => [aspect, FACES[0]]));
    const res = await server.request<ApiErrorBody>(`/v1/venues/${city.venues.school}/ratings`, {
      token: city.consumer.token,
      body: { faces: { ...faces, [RATING_ASPECTS[0]]: HUGE } },
    });
    expect(res.status).toBe(400);
    expect(res.body.details?.issues).toEqual([
      expect.objectContaining({ code: 'FIELD_ENUM', path: `faces.${RATING_ASPECTS[0]}` }),
    ]);
    expect(JSON.stringify(res.body).length).toBeLessThan(1000);
  });

  it('answers a 2.7 MB field name without repeating it', async () => {
    const res = await complain({ text: '脏', [HUGE]: 1 });
    expect(JSON.stringify(res.body).length).toBeLessThan(1000);
  });

  it('gives a missing field the FIELD_REQUIRED issue the SDK parse gives for the same schema', async () => {
    const res = await complain({ location: { lat: 36.45, lng: 115.98 } });
    const local = parse(ComplaintInputSchema, { location: { lat: 36.45, lng: 115.98 } });
    expect(local.ok).toBe(false);
    expect(res.status).toBe(400);
    expect(res.body.details?.issues).toEqual(local.ok ? [] : local.issues);
    expect(res.body.details?.issues).toEqual([
      { code: 'FIELD_REQUIRED', path: 'text', message: { zh: '缺少字段 text', en: 'Field text is required' } },
    ]);
  });

  it('gives a ledger record without its staff member the issue the SDK parse gives, by the field label', async () => {
    const { staffId: _none, ...record } = morningCheck(city.staff.fit);
    const res = await server.request<ApiErrorBody>(`/v1/venues/${city.venues.school}/ledgers`, {
      token: city.manager.token,
      body: record,
      headers: { 'Idempotency-Key': 'no-staff-member-1' },
    });
    expect(res.status).toBe(400);
    const local = parse(
      MorningCheckRecordSchema,
      { ...record, venueId: city.venues.school },
      {
        labels: LEDGER_FIELD_LABELS,
      },
    );
    const expected = {
      code: 'FIELD_REQUIRED',
      path: 'staffId',
      message: { zh: '缺少从业人员', en: 'Staff member is required' },
    };
    expect(local.ok ? [] : local.issues).toEqual([expected]);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [{ ...expected, severity: 'error' }] },
    });
  });

  it('answers refusals outside validation in the same shape', async () => {
    const unknownRoute = await server.request<ApiErrorBody>('/v1/nowhere', { token: city.consumer.token });
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.body).toEqual({ code: 'NOT_FOUND', message: { zh: '未找到', en: 'Not found' } });
    const anonymous = await server.request<ApiErrorBody>('/v1/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({
      code: 'UNAUTHENTICATED',
      message: { zh: '请先登录', en: 'Authentication is required' },
    });
    const malformed = await server.request<ApiErrorBody>(`/v1/venues/${city.venues.school}/complaints`, {
      token: city.consumer.token,
      rawBody: `{"text": "${HUGE}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(v.is(ApiErrorBodySchema, malformed.body)).toBe(true);
    expect(JSON.stringify(malformed.body).length).toBeLessThan(1000);
  });
});

describe('an error body never repeats a long value', () => {
  it('when a handler parses the input itself', () => {
    const schema = v.object({
      count: v.number(),
      note: v.pipe(
        v.string(),
        v.check((t) => t.startsWith('#')),
      ),
    });
    const error = (() => {
      try {
        parseOrThrow(schema, { count: HUGE, note: HUGE });
      } catch (caught) {
        return caught as AppError;
      }
    })();
    expect(error?.toJSON()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: {
        issues: [
          { code: 'FIELD_TYPE', path: 'count' },
          { code: 'FIELD_FORMAT', path: 'note' },
        ],
      },
    });
    expect(JSON.stringify(error?.toJSON()).length).toBeLessThan(1000);
  });

  it('when a refusal puts the value in its details', () => {
    const body = new AppError('CONFLICT', { field: 'code', value: HUGE, nested: [{ reason: HUGE }] }).toJSON();
    expect(JSON.stringify(body).length).toBeLessThan(1000);
    expect((body.details as { value: string }).value).toMatch(/^x{199}…$/);
  });
});
