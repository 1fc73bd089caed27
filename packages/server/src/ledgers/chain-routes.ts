/**
 * GET /v1/venues/{venueId}/ledgers/chain/verify and /ledgers/export: the tamper-evident chain. Verification reports
 * every record that does not hold and why; the export carries what an offline `verifyChain` needs (checkpoints,
 * time zone and venue kind for `derivedLedgerColumns`).
 */
import { ChainVerificationSchema, LedgerExportSchema, type SignedChainCheckpoint } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { audit } from '../audit/store.js';
import { authorizeVenue, MEMBER_OR_REGULATOR } from '../auth/index.js';
import { platformSigner } from '../crypto/index.js';
import type { Database } from '../db/index.js';
import { BEARER, errorResponses, jsonSchema, plainJsonSerializer, VenueParamsSchema } from '../schemas/index.js';
import { verifyVenueChain } from './chain-verification.js';
import { venueCheckpoints } from './checkpoints.js';
import { type LedgerEntry, toLedgerEntry } from './index.js';

async function chainOf({ db }: Database, venueId: string): Promise<LedgerEntry[]> {
  const rows = await db
    .selectFrom('ledger_records')
    .selectAll()
    .where('venue_id', '=', venueId)
    .orderBy('seq', 'asc')
    .execute();
  return rows.map(toLedgerEntry);
}

/** After a retention purge the chain starts later: where, when a signed checkpoint says so. */
function anchorOf(entries: readonly LedgerEntry[], checkpoints: readonly SignedChainCheckpoint[]) {
  const first = entries[0];
  const purged = first && checkpoints.find((c) => c.seq === first.seq - 1 && c.hash === first.prevHash);
  return first && purged ? { seq: first.seq, prevHash: first.prevHash } : null;
}

const HASH_ALGORITHM =
  'hashVersion 1: sha256(canonicalJson({venueId, seq, prevHash, kind, body: record, createdAt})); ' +
  'hashVersion 2: sha256(canonicalJson({v: 2, id, venueId, seq, prevHash, kind, body: record, createdAt, ' +
  'localDay, issues, retainUntil, createdBy}))';

export const ledgerChainRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/ledgers/chain/verify',
    {
      schema: {
        tags: ['ledgers'],
        operationId: 'verifyLedgerChain',
        summary: "Verify the venue's ledger hash chain",
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        response: { 200: jsonSchema(ChainVerificationSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      const { ok, length, brokenAt, reason, problems } = await verifyVenueChain(app.ctx, venue);
      return ok ? { ok, length, problems } : { ok, length, brokenAt, reason, problems };
    },
  );

  app.get<{ Params: { venueId: string } }>(
    '/venues/:venueId/ledgers/export',
    {
      schema: {
        tags: ['ledgers'],
        operationId: 'exportLedgers',
        summary: 'Every record with its hashes, verifiable offline with the SDK’s verifyChain',
        security: BEARER,
        params: jsonSchema(VenueParamsSchema),
        response: { 200: jsonSchema(LedgerExportSchema), ...errorResponses },
      },
      serializerCompiler: plainJsonSerializer,
    },
    async (request) => {
      const { venue } = await authorizeVenue(app, request, request.params.venueId, MEMBER_OR_REGULATOR);
      const records = await chainOf(database, venue.id);
      const signer = platformSigner(app.ctx.config.ledgerSigningKey);
      const { valid: checkpoints } = await venueCheckpoints(database, signer, venue.id);
      await audit(database, request, {
        action: 'ledgers.exported',
        venueId: venue.id,
        subject: venue.id,
        details: { records: records.length },
      });
      return {
        venueId: venue.id,
        exportedAt: new Date().toISOString(),
        hashAlgorithm: HASH_ALGORITHM,
        anchor: anchorOf(records, checkpoints),
        timeZone: venue.time_zone,
        venueKind: venue.kind,
        checkpoints,
        records,
      };
    },
  );
};
