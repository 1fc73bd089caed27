import type * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ExamSchema, QuestionSchema } from '../training/index.js';
import * as fx from './__tests__/fixtures.js';
import { AlertResolveInputSchema } from './alert.js';
import { ComplaintInputSchema, ComplaintSchema } from './complaint.js';
import { InspectionSchema } from './inspection.js';
import { MorningCheckRecordSchema } from './ledger.js';
import { LEDGER_FIELD_LABELS } from './ledger-fields.js';
import { parse } from './parse.js';
import { PublicVenueProfileSchema } from './public-profile.js';
import { RatingInputSchema } from './rating.js';
import { ReadingSchema } from './reading.js';
import type { FieldIssue } from './result.js';
import { VenueInputSchema, VenueSchema } from './venue.js';
import { ViolationSchema } from './violation.js';

function issuesOf(schema: v.GenericSchema, input: unknown): Pick<FieldIssue, 'code' | 'path'>[] {
  const result = parse(schema, input);
  if (result.ok) throw new Error('expected issues');
  return result.issues.map(({ code, path }) => ({ code, path }));
}

const hugeChars = 'x'.repeat(11 * 1024 * 1024);

describe('parse maps each kind of bad input to a code and the field at fault', () => {
  it.each<[string, v.GenericSchema, unknown, string, string]>([
    ['missing field', VenueInputSchema, { ...fx.venueInput, name: undefined }, 'FIELD_REQUIRED', 'name'],
    ['empty text', VenueInputSchema, { ...fx.venueInput, name: '' }, 'FIELD_REQUIRED', 'name'],
    ['null field', VenueInputSchema, { ...fx.venueInput, address: null }, 'FIELD_REQUIRED', 'address'],
    ['missing nested', VenueSchema, { ...fx.venue, licence: { number: 'JY1' } }, 'FIELD_REQUIRED', 'licence.issuedOn'],
    [
      'blank corrective action',
      AlertResolveInputSchema,
      { correctiveAction: '   ' },
      'FIELD_REQUIRED',
      'correctiveAction',
    ],
    ['string for boolean', VenueInputSchema, { ...fx.venueInput, hasLiveVideo: 'yes' }, 'FIELD_TYPE', 'hasLiveVideo'],
    ['string for number', ReadingSchema, { ...fx.reading, value: '4.5' }, 'FIELD_TYPE', 'value'],
    ['fraction for a count', ComplaintSchema, withPhotoSize(1.5), 'FIELD_TYPE', 'photos.0.size'],
    ['number for object', VenueInputSchema, { ...fx.venueInput, coordinates: 36.4 }, 'FIELD_TYPE', 'coordinates'],
    [
      'comment too long',
      RatingInputSchema,
      { ...fx.ratingInput, comment: '好'.repeat(501) },
      'FIELD_TOO_LONG',
      'comment',
    ],
    [
      'four photos',
      ComplaintInputSchema,
      { text: 't', photos: Array(4).fill(fx.complaintInput.photos?.[0]) },
      'FIELD_TOO_LONG',
      'photos',
    ],
    ['complaint too long', ComplaintInputSchema, { text: 'x'.repeat(2001) }, 'FIELD_TOO_LONG', 'text'],
    [
      'latitude 91',
      VenueInputSchema,
      { ...fx.venueInput, coordinates: { lat: 91, lng: 0 } },
      'FIELD_TOO_LARGE',
      'coordinates.lat',
    ],
    ['photo over 2 MiB', ComplaintSchema, withPhotoSize(2 * 1024 * 1024 + 1), 'FIELD_TOO_LARGE', 'photos.0.size'],
    ['confidence 1.2', ViolationSchema, { ...fx.violation, confidence: 1.2 }, 'FIELD_TOO_LARGE', 'confidence'],
    ['item score 11', InspectionSchema, withItemScore(11), 'FIELD_TOO_LARGE', 'items.1.score'],
    [
      'month 13',
      VenueSchema,
      { ...fx.venue, licence: { ...fx.venue.licence, expiresOn: '2027-13-01' } },
      'FIELD_FORMAT',
      'licence.expiresOn',
    ],
    ['instant without offset', ReadingSchema, { ...fx.reading, time: '2024-05-01T08:00:00' }, 'FIELD_FORMAT', 'time'],
    ['short public code', VenueSchema, { ...fx.venue, publicCode: 'abc' }, 'FIELD_FORMAT', 'publicCode'],
    ['public code with a slash', VenueSchema, { ...fx.venue, publicCode: 'abc/defgh' }, 'FIELD_FORMAT', 'publicCode'],
    ['time zone', VenueSchema, { ...fx.venue, timeZone: 'Shanghai time' }, 'FIELD_FORMAT', 'timeZone'],
    ['video URL', VenueSchema, { ...fx.venue, liveVideoUrl: 'javascript:alert(1)' }, 'FIELD_FORMAT', 'liveVideoUrl'],
    ['unknown venue kind', VenueInputSchema, { ...fx.venueInput, kind: 'bakery' }, 'FIELD_ENUM', 'kind'],
    [
      'unknown face',
      RatingInputSchema,
      { faces: { ...fx.ratingInput.faces, hygiene: 'happy' } },
      'FIELD_ENUM',
      'faces.hygiene',
    ],
    [
      'unknown photo type',
      ComplaintInputSchema,
      { text: 't', photos: [{ contentType: 'image/gif', dataBase64: 'R0lGOD==' }] },
      'FIELD_ENUM',
      'photos.0.contentType',
    ],
    [
      'unknown question kind',
      QuestionSchema,
      { id: 'q', kind: 'essay', stem: 'p', topic: 'sample_retention' },
      'FIELD_ENUM',
      'kind',
    ],
    [
      'unknown violation key',
      PublicVenueProfileSchema,
      withViolationCount('smoking', -1),
      'FIELD_TOO_SMALL',
      'violations.last7Days.smoking',
    ],
    ['not an object at all', VenueSchema, 42, 'FIELD_TYPE', ''],
    ['nothing at all', VenueSchema, undefined, 'FIELD_REQUIRED', ''],
  ])('%s', (_name, schema, input, code, path) => {
    expect(issuesOf(schema, input)).toContainEqual({ code, path });
  });

  it('collects every issue, not just the first', () => {
    const input = { ...fx.venueInput, name: '', kind: 'bakery', coordinates: { lat: 100, lng: -200 }, hasLiveVideo: 1 };
    expect(issuesOf(VenueInputSchema, input)).toEqual(
      expect.arrayContaining([
        { code: 'FIELD_REQUIRED', path: 'name' },
        { code: 'FIELD_ENUM', path: 'kind' },
        { code: 'FIELD_TOO_LARGE', path: 'coordinates.lat' },
        { code: 'FIELD_TOO_SMALL', path: 'coordinates.lng' },
        { code: 'FIELD_TYPE', path: 'hasLiveVideo' },
      ]),
    );
  });

  it('reports one issue per field even when several checks would fail', () => {
    expect(issuesOf(VenueSchema, { ...fx.venue, publicCode: '' })).toEqual([
      { code: 'FIELD_FORMAT', path: 'publicCode' },
    ]);
  });

  it('says what is wrong in Chinese and English, naming the field', () => {
    const result = parse(RatingInputSchema, { ...fx.ratingInput, comment: '好'.repeat(501) });
    expect(result).toMatchObject({ ok: false });
    const [issue] = result.ok ? [] : result.issues;
    expect(issue?.message.zh).toMatch(/comment.*过长.*500/);
    expect(issue?.message.en).toMatch(/comment is too long.*500/);
  });

  it('answers an oversized input with INPUT_TOO_LARGE instead of walking it', () => {
    expect(issuesOf(ComplaintInputSchema, { text: hugeChars })).toEqual([{ code: 'INPUT_TOO_LARGE', path: '' }]);
    expect(issuesOf(ExamSchema, { ...fx.exam, extra: new Array(200_000).fill(0) })).toEqual([
      { code: 'INPUT_TOO_LARGE', path: '' },
    ]);
  });

  it('lets callers tighten the limits', () => {
    const result = parse(RatingInputSchema, fx.ratingInput, { maxChars: 5 });
    expect(result).toMatchObject({ ok: false, issues: [{ code: 'INPUT_TOO_LARGE' }] });
  });

  it('accepts three 2 MiB photos in base64 under the default limits', () => {
    const photo = { contentType: 'image/png', dataBase64: 'A'.repeat(2_796_200) };
    expect(parse(ComplaintInputSchema, { text: '脏', photos: [photo, photo, photo] }).ok).toBe(true);
  });

  it('does not throw on cyclic, deeply nested or hostile input', () => {
    const cyclic: Record<string, unknown> = { ...fx.ratingInput };
    cyclic.self = cyclic;
    expect(parse(RatingInputSchema, cyclic)).toEqual({ ok: true, value: fx.ratingInput });

    let deep: unknown = 'bottom';
    for (let i = 0; i < 50_000; i += 1) deep = { deep };
    expect(parse(RatingInputSchema, deep).ok).toBe(false);

    const throwing = Object.defineProperty({ ...fx.ratingInput }, 'faces', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(issuesOf(RatingInputSchema, throwing)).toEqual([{ code: 'INPUT_UNREADABLE', path: '' }]);

    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    expect(issuesOf(RatingInputSchema, hostile)).toEqual([{ code: 'INPUT_UNREADABLE', path: '' }]);
  });
});

function withPhotoSize(size: number) {
  return { ...fx.complaint, photos: [{ contentType: 'image/jpeg', size }] };
}

function withItemScore(score: number) {
  const [first, second] = fx.inspection.items;
  return { ...fx.inspection, items: [first, { ...second, score }] };
}

function withViolationCount(type: string, count: number) {
  return { ...fx.publicProfile, violations: { ...fx.publicProfile.violations, last7Days: { [type]: count } } };
}

describe('parse messages', () => {
  const morningCheck = {
    kind: 'morning_check',
    venueId: 'v-1',
    recordedAt: '2024-05-01T07:30:00+08:00',
    time: '2024-05-01T07:30:00+08:00',
    temperatureC: 36.5,
    symptoms: [],
    handCheckOk: true,
    uniformOk: true,
    checker: '李四',
  };

  it('name the field by its label when the caller passes labels, and by its path otherwise', () => {
    const labelled = parse(MorningCheckRecordSchema, morningCheck, { labels: LEDGER_FIELD_LABELS });
    expect(labelled.ok ? [] : labelled.issues).toEqual([
      { code: 'FIELD_REQUIRED', path: 'staffId', message: { zh: '缺少从业人员', en: 'Staff member is required' } },
    ]);
    const plain = parse(MorningCheckRecordSchema, morningCheck);
    expect(plain.ok ? [] : plain.issues).toEqual([
      { code: 'FIELD_REQUIRED', path: 'staffId', message: { zh: '缺少字段 staffId', en: 'Field staffId is required' } },
    ]);
  });

  it('give the limit a value broke, and never the value', () => {
    const huge = 'x'.repeat(2_700_000);
    const result = parse(RatingInputSchema, { ...fx.ratingInput, comment: huge, faces: huge });
    expect(result.ok).toBe(false);
    const issues = result.ok ? [] : result.issues;
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'FIELD_TYPE', path: 'faces' },
      { code: 'FIELD_TOO_LONG', path: 'comment' },
    ]);
    expect(issues[1]?.message).toEqual({
      zh: '字段 comment 过长（最多 500 个字）',
      en: 'Field comment is too long (at most 500 characters)',
    });
    expect(JSON.stringify(issues).length).toBeLessThan(400);
  });
});
