import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import * as training from '../training/index.js';
import { exportedSchemas } from './__tests__/exported-schemas.js';
import * as fx from './__tests__/fixtures.js';
import * as domain from './index.js';
import { parse } from './parse.js';

const cases: [string, v.GenericSchema, unknown][] = [
  ['Region', domain.RegionSchema, fx.region],
  ['Venue', domain.VenueSchema, fx.venue],
  ['VenueInput', domain.VenueInputSchema, fx.venueInput],
  ['VenuePatch', domain.VenuePatchSchema, { name: '新名字', hasLiveVideo: false }],
  ['Staff', domain.StaffSchema, fx.staff],
  ['StaffInput', domain.StaffInputSchema, fx.staffInput],
  ['Device', domain.DeviceSchema, fx.device],
  ['Reading', domain.ReadingSchema, fx.reading],
  ['Violation', domain.ViolationSchema, fx.violation],
  ['Violation (unknown type)', domain.ViolationSchema, { type: 'unknown', cameraId: 'c', time: fx.violation.time }],
  ['Alert', domain.AlertSchema, fx.alert],
  ['AlertResolveInput', domain.AlertResolveInputSchema, fx.alertResolve],
  ['Rating', domain.RatingSchema, fx.rating],
  ['RatingInput', domain.RatingInputSchema, fx.ratingInput],
  ['RatingSummary', domain.RatingSummarySchema, fx.ratingSummary],
  ['Notice', domain.NoticeSchema, fx.notice],
  ['NoticeInput', domain.NoticeInputSchema, fx.noticeInput],
  ['Complaint', domain.ComplaintSchema, fx.complaint],
  ['ComplaintInput', domain.ComplaintInputSchema, fx.complaintInput],
  ['Inspection', domain.InspectionSchema, fx.inspection],
  ['Grade', domain.GradeSchema, fx.grade],
  ['Grade (none yet)', domain.GradeSchema, { dynamic: null, annual: null }],
  ['Course', training.CourseSchema, fx.course],
  ['Exam', training.ExamSchema, fx.exam],
  ['Question', training.QuestionSchema, fx.paper.questions[1]],
  ['Certificate', training.CertificateSchema, fx.certificate],
  ['PublicVenueProfile', domain.PublicVenueProfileSchema, fx.publicProfile],
];

describe('valid fixtures', () => {
  it.each(cases)('%s parses to the same value', (_name, schema, fixture) => {
    expect(parse(schema, fixture)).toEqual({ ok: true, value: fixture });
  });

  it('accepts a venue input without public code (the server makes one)', () => {
    expect(parse(domain.VenueInputSchema, fx.venueInput).ok).toBe(true);
    expect(fx.venueInput).not.toHaveProperty('publicCode');
  });

  it('checks URLs without the global URL, which a mini-program runtime may lack', () => {
    vi.stubGlobal('URL', undefined);
    try {
      expect(parse(domain.VenueSchema, fx.venue).ok).toBe(true);
      expect(parse(domain.VenueSchema, { ...fx.venue, liveVideoUrl: 'ftp://x' }).ok).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('drops keys the schema does not know, so nothing extra reaches storage', () => {
    const result = parse(domain.RatingInputSchema, { ...fx.ratingInput, isAdmin: true });
    expect(result.ok && result.value).toEqual(fx.ratingInput);
  });
});

describe('JSON Schema conversion (the server derives its route schemas from these)', () => {
  const schemas = exportedSchemas;

  it('covers every exported schema', () => {
    expect(schemas.length).toBeGreaterThan(40);
  });

  it.each(schemas)('%s converts without error', (_name, schema) => {
    expect(() => toJsonSchema(schema, { errorMode: 'throw' })).not.toThrow();
  });

  it('lists required and optional fields as the types do', () => {
    const json = toJsonSchema(domain.VenueInputSchema) as { required: string[]; properties: Record<string, object> };
    expect(json.required).toContain('name');
    expect(json.required).not.toContain('publicCode');
    expect(json.required).not.toContain('liveVideoUrl');
    expect(json.properties.publicCode).toMatchObject({ pattern: '^[A-Za-z0-9_-]{8,12}$' });
  });

  it('keeps limits that matter to users: comment length, photo count and size', () => {
    const rating = toJsonSchema(domain.RatingInputSchema) as { properties: { comment: object } };
    expect(rating.properties.comment).toMatchObject({ maxLength: 500 });
    const complaint = toJsonSchema(domain.ComplaintSchema) as {
      properties: { photos: { maxItems: number; items: { properties: { size: object } } } };
    };
    expect(complaint.properties.photos.maxItems).toBe(3);
    expect(complaint.properties.photos.items.properties.size).toMatchObject({ maximum: 2 * 1024 * 1024 });
  });
});
