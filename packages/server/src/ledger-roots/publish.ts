/**
 * Publishing a root: the Merkle root over every venue's chain head (leaves in venue-id order), numbered after the
 * last one and naming it, signed with the platform key. Anyone holding it can later ask for a venue's inclusion
 * proof and tell whether the venue's chain still holds that head.
 */
import {
  chainHeadLeafHash,
  type LedgerRoot,
  type LedgerRootStatement,
  ledgerRootMessage,
  merkleRoot,
} from '@brightkitchen/sdk';
import { nodeSha256Hex, type PlatformSigner } from '../crypto/index.js';
import type { Database, LedgerRootLeavesTable } from '../db/index.js';
import { chainHeads } from '../ledgers/heads.js';
import { toLedgerRoot } from './store.js';

// Keeps multi-row inserts under PostgreSQL's bound-parameter limit.
const INSERT_CHUNK = 500;

export interface PublishOptions {
  readonly now?: Date;
  /** Publish even when no venue has a record yet (an on-demand root); the schedule skips that case. */
  readonly whenEmpty?: boolean;
}

/** Computes, signs and stores a root over the current heads; `undefined` when there is nothing to anchor. */
export async function publishLedgerRoot(
  database: Database,
  signer: PlatformSigner,
  options: PublishOptions = {},
): Promise<LedgerRoot | undefined> {
  const now = options.now ?? new Date();
  const heads = await chainHeads(database);
  if (heads.length === 0 && !options.whenEmpty) return undefined;
  const root = merkleRoot(
    heads.map((head) => chainHeadLeafHash(head, nodeSha256Hex)),
    nodeSha256Hex,
  );
  return database.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('ledger_roots')
      .select(['seq', 'root'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const statement: LedgerRootStatement = {
      seq: last ? Number(last.seq) + 1 : 1,
      day: now.toISOString().slice(0, 10),
      computedAt: now.toISOString(),
      size: heads.length,
      root,
      prevRoot: last?.root ?? null,
    };
    const row = {
      seq: statement.seq,
      day: statement.day,
      computed_at: statement.computedAt,
      size: statement.size,
      root: statement.root,
      prev_root: statement.prevRoot,
      key_id: signer.keyId,
      signature: signer.sign(ledgerRootMessage(statement)),
    };
    await trx.insertInto('ledger_roots').values(row).execute();
    const leaves: LedgerRootLeavesTable[] = heads.map((head, position) => ({
      root_seq: statement.seq,
      position,
      venue_id: head.venueId,
      seq: head.seq,
      hash: head.hash,
    }));
    for (let i = 0; i < leaves.length; i += INSERT_CHUNK) {
      await trx
        .insertInto('ledger_root_leaves')
        .values(leaves.slice(i, i + INSERT_CHUNK))
        .execute();
    }
    return toLedgerRoot(row);
  });
}

/** The daily root: published unless one was on the UTC day of `now`, or no venue has a record yet. */
export async function publishDailyRoot(
  database: Database,
  signer: PlatformSigner,
  now: Date = new Date(),
): Promise<LedgerRoot | undefined> {
  if (await publishedOn(database, now)) return undefined;
  return publishLedgerRoot(database, signer, { now });
}

/** Whether a root was published on the UTC day of `now`. */
async function publishedOn({ db }: Database, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('ledger_roots')
    .select('seq')
    .where('day', '=', now.toISOString().slice(0, 10))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
