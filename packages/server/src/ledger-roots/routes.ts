/**
 * The ledger roots, open data: GET /v1/open/ledger-roots (the signed roots and the platform's public key),
 * GET /v1/open/ledger-roots/{rootSeq}/proofs/{venueId} (a venue head's inclusion proof), and
 * POST /v1/ledger-roots (admin: publish one now, besides the daily one).
 */
import { LedgerRootPageSchema, LedgerRootProofSchema, LedgerRootSchema } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { requireRole } from '../auth/index.js';
import { platformSigner } from '../crypto/index.js';
import { AppError } from '../errors/index.js';
import { BEARER, errorResponses, IdParam, jsonSchema, PUBLIC, readLimit } from '../schemas/index.js';
import { platformKey } from './platform-key.js';
import { rootProof } from './proof.js';
import { publishLedgerRoot } from './publish.js';
import { listRoots, toLedgerRoot } from './store.js';

const RootsQuerySchema = v.object({
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  /** The seq of the last root of the previous page. */
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,12}$/))),
});

const ProofParamsSchema = v.object({
  /** A root's seq, or `latest`. */
  rootSeq: v.pipe(v.string(), v.regex(/^(?:\d{1,12}|latest)$/)),
  venueId: IdParam,
});

export const ledgerRootRoutes: FastifyPluginAsync = async (app) => {
  const { database, config } = app.ctx;
  const signer = platformSigner(config.ledgerSigningKey);

  app.get<{ Querystring: v.InferOutput<typeof RootsQuerySchema> }>(
    '/open/ledger-roots',
    {
      config: { public: true },
      schema: {
        tags: ['open data'],
        operationId: 'listLedgerRoots',
        summary: "The platform's signed daily Merkle roots over every venue's ledger chain head, with its public key",
        security: PUBLIC,
        querystring: jsonSchema(RootsQuerySchema),
        response: { 200: jsonSchema(LedgerRootPageSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const limit = readLimit(request.query.limit);
      const { cursor } = request.query;
      const rows = await listRoots(database, limit + 1, cursor === undefined ? undefined : Number(cursor));
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      reply.header('cache-control', 'public, max-age=60');
      return {
        key: platformKey(signer),
        items: page.map(toLedgerRoot),
        nextCursor: rows.length > limit && last ? String(last.seq) : null,
      };
    },
  );

  app.get<{ Params: v.InferOutput<typeof ProofParamsSchema> }>(
    '/open/ledger-roots/:rootSeq/proofs/:venueId',
    {
      config: { public: true },
      schema: {
        tags: ['open data'],
        operationId: 'getLedgerRootProof',
        summary: "A venue's chain head in a published root and its Merkle inclusion proof",
        security: PUBLIC,
        params: jsonSchema(ProofParamsSchema),
        response: { 200: jsonSchema(LedgerRootProofSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { rootSeq, venueId } = request.params;
      const proof = await rootProof(database, signer, rootSeq === 'latest' ? 'latest' : Number(rootSeq), venueId);
      if (!proof) throw new AppError('NOT_FOUND');
      reply.header('cache-control', rootSeq === 'latest' ? 'public, max-age=60' : 'public, max-age=86400');
      return proof;
    },
  );

  app.post(
    '/ledger-roots',
    {
      schema: {
        tags: ['ledgers'],
        operationId: 'publishLedgerRoot',
        summary: "Publish a root over every venue's ledger chain head now (admin)",
        security: BEARER,
        response: { 201: jsonSchema(LedgerRootSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      requireRole(request, ['admin']);
      const root = await publishLedgerRoot(database, signer, { whenEmpty: true });
      reply.status(201);
      return root;
    },
  );
};
