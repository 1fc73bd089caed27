/**
 * Remembers partner signatures for the length of their timestamp window: a signature seen twice is a replay.
 * Kept in the database (`replay_guards`, the signature unique), so a restart forgets nothing and every
 * instance sharing the database refuses what another has seen.
 */
import type { Database } from '../db/index.js';

export class ReplayCache {
  private lastSweep = 0;

  constructor(
    private readonly database: Database,
    private readonly windowMs: number,
  ) {}

  /** True when the signature is new (and records it); false for a replay. */
  async remember(signature: string, nowMs = Date.now()): Promise<boolean> {
    if (nowMs - this.lastSweep > this.windowMs / 4) await this.sweep(nowMs);
    const result = await this.database.db
      .insertInto('replay_guards')
      .values({ signature, expires_at: new Date(nowMs + 2 * this.windowMs).toISOString() })
      .onConflict((oc) => oc.column('signature').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  // A signature older than twice the window fails the timestamp check anyway: its row can go.
  private async sweep(nowMs: number): Promise<void> {
    this.lastSweep = nowMs;
    await this.database.db
      .deleteFrom('replay_guards')
      .where('expires_at', '<=', new Date(nowMs).toISOString())
      .execute();
  }
}
