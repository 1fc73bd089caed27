/**
 * The retention purge: removes the records whose retention day has passed (REGULATIONS.md: nothing may be deleted
 * before) and signs a checkpoint for them, so that verification tells a purge from rows deleted by hand. There is
 * no route that deletes a record.
 *
 * Per venue only the oldest run of expired records goes: a checkpoint says "records from…to are gone, the last one's
 * hash was H", which the record after them continues from. A record past its day behind one that is not (a purchase
 * with a short shelf life after a morning check) waits for it: kept longer than required, never shorter; so does a
venue's last record, which the next one will link to. Each record
 * is verified before it goes — its hash, its link and its retention day against the rules — so a retention day
 * edited in the database never earns a signed deletion.
 */
import {
  type ChainCheckpoint,
  type ChainedEntry,
  derivedLedgerColumns,
  localDay,
  NATIONAL_PROFILE,
  type VenueKind,
  verifyChain,
} from '@brightkitchen/sdk';
import type { AppContext } from '../context.js';
import { nodeSha256Hex, platformSigner } from '../crypto/index.js';
import { lockVenue } from '../db/index.js';
import { signedCheckpointRow, venueCheckpoints } from './checkpoints.js';
import { storedChain } from './stored-chain.js';

export type PurgeContext = Pick<AppContext, 'config' | 'database' | 'profiles'>;

/** What a purge pass logs: how many rows went, and the venues whose expired records could not be verified. */
export interface PurgeLog {
  warn(details: object, message: string): void;
}

async function purgeVenue(ctx: PurgeContext, venueId: string, today: string, now: Date, log?: PurgeLog) {
  const { database } = ctx;
  const signer = platformSigner(ctx.config.ledgerSigningKey);
  const venue = await database.db.selectFrom('venues').selectAll().where('id', '=', venueId).executeTakeFirst();
  if (!venue) return 0;
  // Before the transaction: on SQLite it holds the one connection a profile lookup would wait for.
  const columns = derivedLedgerColumns({
    timeZone: venue.time_zone,
    venueKind: venue.kind as VenueKind,
    profiles: [NATIONAL_PROFILE, await ctx.profiles.profileOfVenue(venue)],
  });
  return database.db.transaction().execute(async (trx) => {
    if (!(await lockVenue(trx, database.dialect, venueId))) return 0;
    // The first record still kept; when every record has expired, the last one stays: the next links to it.
    const bounds = await trx
      .selectFrom('ledger_records')
      .select((eb) => [
        eb.fn.max('seq').as('last'),
        eb.fn.min(eb.case().when('retain_until', '>=', today).then(eb.ref('seq')).end()).as('kept'),
      ])
      .where('venue_id', '=', venueId)
      .executeTakeFirst();
    const beforeSeq = bounds?.kept ?? bounds?.last;
    if (beforeSeq === null || beforeSeq === undefined) return 0;
    const scope = { ...database, db: trx };
    const entries = await storedChain(scope, venueId, { beforeSeq: Number(beforeSeq) });
    const first = entries[0];
    if (!first) return 0;
    const { valid } = await venueCheckpoints(scope, signer, venueId);
    const report = verifyChain(entries, { sha256: nodeSha256Hex, checkpoints: valid, columns });
    const { brokenAt } = report;
    // The rows before the first kept one, up to the first that does not verify.
    const expired: ChainedEntry[] = [];
    for (const entry of entries) {
      if ((brokenAt !== undefined && entry.seq >= brokenAt) || !(entry.retainUntil && entry.retainUntil < today)) break;
      expired.push(entry);
    }
    if (brokenAt !== undefined) {
      log?.warn({ venueId, problem: report.problems[0] }, 'ledger purge stops at a record that does not verify');
    }
    const last = expired[expired.length - 1];
    if (!last) return 0;
    const checkpoint: ChainCheckpoint = {
      venueId,
      fromSeq: first.seq,
      seq: last.seq,
      hash: last.hash,
      purgedAt: now.toISOString(),
    };
    await trx
      .deleteFrom('ledger_records')
      .where('venue_id', '=', venueId)
      .where('seq', '>=', first.seq)
      .where('seq', '<=', last.seq)
      .execute();
    await trx.insertInto('ledger_checkpoints').values(signedCheckpointRow(signer, checkpoint)).execute();
    return expired.length;
  });
}

/**
 * Deletes, per venue, the oldest records whose `retain_until` is before today in UTC−12 (the last zone to change
 * day: no venue loses one) and that verify, and writes their signed checkpoint.
 */
export async function purgeExpiredLedgers(ctx: PurgeContext, now: Date = new Date(), log?: PurgeLog): Promise<number> {
  const today = localDay(now, 'Etc/GMT+12');
  const venues = await ctx.database.db
    .selectFrom('ledger_records')
    .select('venue_id')
    .distinct()
    .where('retain_until', '<', today)
    .execute();
  let removed = 0;
  for (const { venue_id } of venues) removed += await purgeVenue(ctx, venue_id, today, now, log);
  return removed;
}
