/**
 * Chains purged before checkpoints existed: the earlier purge signed nothing and could remove a record from the
 * middle of a chain (a short-lived purchase among morning checks). When migration 039 adds checkpoints, each gap
 * such a purge left gets one signed checkpoint, so those chains verify as before. It runs once, in the process
 * that applied the migration (`buildApp`); any gap made later has no checkpoint and is reported.
 */
import type { ChainCheckpoint } from '@brightkitchen/sdk';
import { sql } from 'kysely';
import type { PlatformSigner } from '../crypto/index.js';
import type { Database } from '../db/index.js';
import { signedCheckpointRow } from './checkpoints.js';

interface GapRow {
  venue_id: string;
  seq: number;
  prev_hash: string;
  before: number | null;
}

/** Signs a checkpoint for every gap in the stored chains; answers how many. */
export async function checkpointEarlierPurges(
  { db }: Database,
  signer: PlatformSigner,
  now: Date = new Date(),
): Promise<number> {
  const { rows } = await sql<GapRow>`
    select r.venue_id, r.seq, r.prev_hash,
      (select max(p.seq) from ledger_records p where p.venue_id = r.venue_id and p.seq < r.seq) as before
    from ledger_records r
    where r.seq > 1
      and not exists (select 1 from ledger_records p where p.venue_id = r.venue_id and p.seq = r.seq - 1)`.execute(db);
  for (const row of rows) {
    const checkpoint: ChainCheckpoint = {
      venueId: row.venue_id,
      fromSeq: Number(row.before ?? 0) + 1,
      seq: Number(row.seq) - 1,
      hash: row.prev_hash,
      purgedAt: now.toISOString(),
    };
    await db.insertInto('ledger_checkpoints').values(signedCheckpointRow(signer, checkpoint)).execute();
  }
  return rows.length;
}
