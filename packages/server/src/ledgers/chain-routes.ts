/** GET /v1/venues/{venueId}/ledgers/chain/verify and /ledgers/export: the tamper-evident chain. */
import { type ChainedEntry, ChainVerificationSchema, LedgerExportSchema, verifyChain } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { audit } from '../audit/store.js';
import { authorizeVenue, MEMBER_OR_REGULATOR } from '../auth/index.js';
import { nodeSha256Hex } from '../crypto/index.js';
import type { Database } from '../db/index.js';
import { BEARER, errorResponses, jsonSchema, plainJsonSerializer, VenueParamsSchema } from '../schemas/index.js';
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

/** After a retention purge the chain starts later: it is verified from its first remaining record. */
function anchorOf(entries: readonly LedgerEntry[]) {
  const first = entries[0];
  return first && first.seq > 1 ? { seq: first.seq, prevHash: first.prevHash } : undefined;
}

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
      const entries = await chainOf(database, venue.id);
      const anchor = anchorOf(entries);
      const report = verifyChain(entries as readonly ChainedEntry[], {
        sha256: nodeSha256Hex,
        ...(anchor ? { anchor } : {}),
      });
      return report.ok
        ? { ok: true, length: report.length }
        : { ok: false, length: report.length, brokenAt: report.brokenAt, reason: report.reason };
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
      await audit(database, request, {
        action: 'ledgers.exported',
        venueId: venue.id,
        subject: venue.id,
        details: { records: records.length },
      });
      return {
        venueId: venue.id,
        exportedAt: new Date().toISOString(),
        hashAlgorithm: 'sha256(canonicalJson({venueId, seq, prevHash, kind, body: record, createdAt}))',
        anchor: anchorOf(records) ?? null,
        records,
      };
    },
  );
};
