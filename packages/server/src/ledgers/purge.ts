/**
 * The retention job: removes only ledger records whose retention day has passed (REGULATIONS.md:
 * nothing may be deleted before). There is no route that deletes a record.
 */
import { localDay } from '@brightkitchen/sdk';
import type { Database } from '../db/index.js';

/**
 * Deletes records with `retain_until` before today in UTC−12 (the last zone to change day: no venue loses one).
 * The chain of a venue then starts after a purged prefix; `verifyChain` on an export checks what remains.
 */
export async function purgeExpiredLedgers({ db }: Database, now: Date = new Date()): Promise<number> {
  const today = localDay(now, 'Etc/GMT+12');
  const result = await db.deleteFrom('ledger_records').where('retain_until', '<', today).executeTakeFirst();
  return Number(result.numDeletedRows);
}
