/** GET /v1/audit: the audit log, newest first; admins see every entry, regulators their regions' entries. */
import { AUDIT_ACTIONS, AuditPageSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import * as v from 'valibot';
import { requireRole, venueScope } from '../auth/index.js';
import { newestFirst, pageBy } from '../paging/index.js';
import { BEARER, errorResponses, IdParam, jsonSchema, readLimit } from '../schemas/index.js';
import { toAuditEntry } from './store.js';

const AuditQuerySchema = v.object({
  action: v.optional(v.picklist(AUDIT_ACTIONS)),
  venueId: v.optional(IdParam),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(300))),
});

export const auditRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;

  app.get<{ Querystring: v.InferOutput<typeof AuditQuerySchema> }>(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        operationId: 'listAuditEntries',
        summary: 'Security-relevant actions (logins, memberships, devices, rule profiles, exports), newest first',
        security: BEARER,
        querystring: jsonSchema(AuditQuerySchema),
        response: { 200: jsonSchema(AuditPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, ['regulator', 'admin']);
      const scope = await venueScope(app, principal);
      const { action, venueId, cursor } = request.query;
      const limit = readLimit(request.query.limit);
      let q = db.selectFrom('audit_log').selectAll();
      if (scope.kind === 'regions') {
        q =
          scope.regionIds.length === 0
            ? q.where(sql<boolean>`1 = 0`)
            : q.where('region_id', 'in', [...scope.regionIds]);
      }
      if (action) q = q.where('action', '=', action);
      if (venueId) q = q.where('venue_id', '=', venueId);
      const rows = await newestFirst(q, 'audit_log.at', 'audit_log.id', cursor, limit);
      return pageBy(rows, limit, toAuditEntry, request.log, (row) => row.at);
    },
  );
};
