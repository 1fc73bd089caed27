/**
 * Certificates: the caller's list (a learner their own, a manager their venues', a regulator their regions'), one
 * certificate, the public check by code (no login: masked holder, venue, course, validity), a venue's staff with
 * who must train and whose certificate expires within 30 days, and a region's validity setting.
 */
import { localDay } from '@brightkitchen/sdk';
import {
  CertificatePageSchema,
  CertificateRevokeInputSchema,
  CertificateSchema,
  normalizeCertificateCode,
  PublicCertificateSchema,
  TrainingSettingsInputSchema,
  TrainingSettingsSchema,
  VenueTrainingSchema,
} from '@brightkitchen/sdk/training';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { type RawBuilder, sql } from 'kysely';
import * as v from 'valibot';
import { audit } from '../audit/store.js';
import { authorizeVenue, MEMBER_OR_REGULATOR, oversees, requireRole } from '../auth/index.js';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../errors/index.js';
import { newestFirst, pageOf } from '../paging/index.js';
import { oversight } from '../regions/oversight.js';
import { regionChain } from '../regions/tree.js';
import {
  BEARER,
  errorResponses,
  IdParam,
  jsonSchema,
  ListQuerySchema,
  PUBLIC,
  parseOrThrow,
  readLimit,
  VenueParamsSchema,
} from '../schemas/index.js';
import { requireUser } from './access.js';
import { settingsFor, verifyCertificate } from './certificates.js';
import { venueTraining } from './staff-training.js';
import { toCertificate } from './store.js';

const CertificateParamsSchema = v.object({ certificateId: IdParam });
const CodeParamsSchema = v.object({ code: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) });
const RegionParamsSchema = v.object({ regionId: IdParam });
const CertificateQuerySchema = v.object({
  ...ListQuerySchema.entries,
  venueId: v.optional(IdParam),
  staffId: v.optional(IdParam),
  /** One certificate by its code (a regulator checking the paper in front of them). */
  code: v.optional(v.pipe(v.string(), v.maxLength(64))),
});

/** The certificates a principal may read, as a condition on `training_certificates`. */
async function certificateScope(app: FastifyInstance, principal: Principal): Promise<RawBuilder<boolean>> {
  const { db } = app.ctx.database;
  if (principal.role === 'admin') return sql<boolean>`1 = 1`;
  if (principal.role === 'regulator') {
    const regions = await oversight(app, principal);
    if (regions === 'all') return sql<boolean>`1 = 1`;
    return regions.length === 0
      ? sql<boolean>`1 = 0`
      : sql<boolean>`training_certificates.region_id in (${sql.join(regions)})`;
  }
  if (principal.role === 'operator_manager' || principal.role === 'operator_staff') {
    const memberships = await db
      .selectFrom('memberships')
      .select(['venue_id', 'role', 'staff_id'])
      .where('user_id', '=', principal.userId)
      .execute();
    const venues = memberships.filter((m) => m.role === 'operator_manager').map((m) => m.venue_id);
    const staff = memberships.flatMap((m) => (m.staff_id ? [m.staff_id] : []));
    const parts = [sql<boolean>`training_certificates.user_id = ${principal.userId}`];
    if (venues.length) parts.push(sql<boolean>`training_certificates.venue_id in (${sql.join(venues)})`);
    if (staff.length) parts.push(sql<boolean>`training_certificates.staff_id in (${sql.join(staff)})`);
    return sql<boolean>`(${sql.join(parts, sql` or `)})`;
  }
  throw new AppError('FORBIDDEN');
}

export const certificateRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const { db } = database;

  /** The certificate of the path, if the principal may read it; NOT_FOUND otherwise. */
  async function certificateOf(request: FastifyRequest<{ Params: { certificateId: string } }>, principal: Principal) {
    const row = await db
      .selectFrom('training_certificates')
      .selectAll()
      .where('id', '=', request.params.certificateId)
      .where(await certificateScope(app, principal))
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function certificateTimeZone(venueId: string): Promise<string> {
    const venue = await db.selectFrom('venues').select('time_zone').where('id', '=', venueId).executeTakeFirst();
    return venue?.time_zone ?? 'Asia/Shanghai';
  }

  app.get<{ Querystring: { limit?: string; cursor?: string; venueId?: string; staffId?: string; code?: string } }>(
    '/training/certificates',
    {
      schema: {
        tags: ['training'],
        operationId: 'listCertificates',
        summary: 'Certificates the caller may read (own, their venues’, their regions’), newest first',
        security: BEARER,
        querystring: jsonSchema(CertificateQuerySchema),
        response: { 200: jsonSchema(CertificatePageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const scope = await certificateScope(app, principal);
      const { venueId, staffId, cursor, code } = request.query;
      const limit = readLimit(request.query.limit);
      let query = db.selectFrom('training_certificates').selectAll().where(scope);
      if (venueId) query = query.where('venue_id', '=', venueId);
      if (staffId) query = query.where('staff_id', '=', staffId);
      if (code) query = query.where('code', '=', normalizeCertificateCode(code) ?? code);
      const rows = await newestFirst(query, 'created_at', 'id', cursor, limit);
      const today = localDay(new Date(), 'Asia/Shanghai');
      return pageOf(rows, limit, (row) => toCertificate(row, today), request.log);
    },
  );

  app.get<{ Params: { certificateId: string } }>(
    '/training/certificates/:certificateId',
    {
      schema: {
        tags: ['training'],
        operationId: 'getCertificate',
        summary: 'One certificate (its holder, the venue’s manager, its regulators)',
        security: BEARER,
        params: jsonSchema(CertificateParamsSchema),
        response: { 200: jsonSchema(CertificateSchema), ...errorResponses },
      },
    },
    async (request) => {
      const row = await certificateOf(request, requireUser(request));
      return toCertificate(row, localDay(new Date(), await certificateTimeZone(row.venue_id)));
    },
  );

  app.post<{ Params: { certificateId: string } }>(
    '/training/certificates/:certificateId/revoke',
    {
      schema: {
        tags: ['training'],
        operationId: 'revokeCertificate',
        summary: 'Revoke a certificate (its regions’ regulators, admins): the public check then says revoked',
        security: BEARER,
        params: jsonSchema(CertificateParamsSchema),
        body: jsonSchema(CertificateRevokeInputSchema),
        response: { 200: jsonSchema(CertificateSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, ['regulator', 'admin']);
      const { reason } = parseOrThrow(CertificateRevokeInputSchema, request.body);
      const row = await certificateOf(request, principal);
      // Revoking again keeps the first revocation's time.
      const revokedAt = row.revoked_at ?? new Date().toISOString();
      if (!row.revoked_at) {
        await db.updateTable('training_certificates').set({ revoked_at: revokedAt }).where('id', '=', row.id).execute();
        await audit(database, request, {
          action: 'certificate.revoked',
          venueId: row.venue_id,
          subject: row.id,
          details: { code: row.code, reason },
        });
      }
      return toCertificate(
        { ...row, revoked_at: revokedAt },
        localDay(new Date(), await certificateTimeZone(row.venue_id)),
      );
    },
  );

  app.get<{ Params: { code: string } }>(
    '/public/certificates/:code',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        operationId: 'verifyCertificate',
        summary: 'Check a training certificate by its code: holder (masked), venue, course, validity; 404 unknown',
        security: PUBLIC,
        params: jsonSchema(CodeParamsSchema),
        response: { 200: jsonSchema(PublicCertificateSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const answer = await verifyCertificate(database, request.params.code, new Date());
      // Validity changes at midnight and on revocation: a minute of caching is harmless, and spares the store.
      reply.header('cache-control', 'public, max-age=60');
      return answer;
    },
  );

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/training',
    {
      schema: {
        tags: ['training'],
        operationId: 'getVenueTraining',
        summary: 'The venue’s staff and their training: who must train, whose certificate expires within 30 days',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        response: { 200: jsonSchema(VenueTrainingSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      return venueTraining(database, venue, new Date(), request.log);
    },
  );

  async function regionOf(regionId: string): Promise<string> {
    const region = await db.selectFrom('regions').select('id').where('id', '=', regionId).executeTakeFirst();
    if (!region) throw new AppError('NOT_FOUND');
    return region.id;
  }

  app.get<{ Params: { regionId: string } }>(
    '/regions/:regionId/training-settings',
    {
      schema: {
        tags: ['regions'],
        operationId: 'getTrainingSettings',
        summary: 'How long the region’s training certificates are valid (its own, a parent’s, or 12 months)',
        security: BEARER,
        params: jsonSchema(RegionParamsSchema),
        response: { 200: jsonSchema(TrainingSettingsSchema), ...errorResponses },
      },
    },
    async (request) => {
      requireUser(request);
      const regionId = await regionOf(request.params.regionId);
      return settingsFor(db, await regionChain(database, regionId));
    },
  );

  app.put<{ Params: { regionId: string } }>(
    '/regions/:regionId/training-settings',
    {
      schema: {
        tags: ['regions'],
        operationId: 'setTrainingSettings',
        summary: 'Set how long the region’s certificates are valid (admin, or a regulator of the region)',
        security: BEARER,
        params: jsonSchema(RegionParamsSchema),
        body: jsonSchema(TrainingSettingsInputSchema),
        response: { 200: jsonSchema(TrainingSettingsSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, ['admin', 'regulator']);
      const regionId = await regionOf(request.params.regionId);
      if (principal.role === 'regulator' && !(await oversees(app, principal, regionId)))
        throw new AppError('FORBIDDEN');
      const { certificateValidMonths } = parseOrThrow(TrainingSettingsInputSchema, request.body);
      const now = new Date().toISOString();
      await db
        .insertInto('training_settings')
        .values({
          region_id: regionId,
          certificate_valid_months: certificateValidMonths,
          updated_by: principal.userId,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('region_id').doUpdateSet({
            certificate_valid_months: certificateValidMonths,
            updated_by: principal.userId,
            updated_at: now,
          }),
        )
        .execute();
      return settingsFor(db, await regionChain(database, regionId));
    },
  );
};
