/**
 * A venue's chain verified by the server: every row as stored against its hash (by version) and its link, the
 * rows missing without a signed checkpoint, the columns the record determines (day, retention, a version 1
 * record's warnings), and the heads that published roots anchored.
 */
import {
  type ChainProblem,
  type ChainReport,
  derivedLedgerColumns,
  NATIONAL_PROFILE,
  type SignedChainCheckpoint,
  type VenueKind,
  verifyChain,
} from '@brightkitchen/sdk';
import type { AppContext } from '../context.js';
import { nodeSha256Hex, platformSigner } from '../crypto/index.js';
import type { VenuesTable } from '../db/index.js';
import { publishedHeadsOf } from '../ledger-roots/published-heads.js';
import { venueCheckpoints } from './checkpoints.js';
import { storedChain } from './stored-chain.js';

export type ChainContext = Pick<AppContext, 'config' | 'database' | 'profiles'>;

export interface VenueChainReport extends ChainReport {
  /** The checkpoints whose signature checks (the export lists them). */
  readonly checkpoints: readonly SignedChainCheckpoint[];
}

export async function verifyVenueChain(ctx: ChainContext, venue: VenuesTable): Promise<VenueChainReport> {
  const { database } = ctx;
  const signer = platformSigner(ctx.config.ledgerSigningKey);
  const [entries, checkpoints, published, profile] = await Promise.all([
    storedChain(database, venue.id),
    venueCheckpoints(database, signer, venue.id),
    publishedHeadsOf(database, signer, venue.id),
    ctx.profiles.profileOfVenue(venue),
  ]);
  const report = verifyChain(entries, {
    sha256: nodeSha256Hex,
    checkpoints: checkpoints.valid,
    publishedHeads: published.heads,
    columns: derivedLedgerColumns({
      timeZone: venue.time_zone,
      venueKind: venue.kind as VenueKind,
      profiles: [NATIONAL_PROFILE, profile],
    }),
  });
  const forged: ChainProblem[] = checkpoints.forged.map((c) => ({
    seq: c.seq,
    reason: 'checkpoint_mismatch',
    detail: `the checkpoint of records ${c.fromSeq}–${c.seq} does not carry the platform's signature`,
  }));
  const problems = [...report.problems, ...published.problems, ...forged].sort((a, b) => a.seq - b.seq);
  const first = problems[0];
  const base = { length: report.length, checkpoints: checkpoints.valid, problems };
  return first ? { ok: false, brokenAt: first.seq, reason: first.reason, ...base } : { ok: true, ...base };
}
