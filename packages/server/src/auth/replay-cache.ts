/**
 * Remembers partner signatures for the length of the timestamp window: a signature seen twice is a replay.
 * In memory, per process; several instances behind a balancer would share it through the database.
 */
export class ReplayCache {
  private readonly seen = new Map<string, number>();
  private lastSweep = 0;

  constructor(private readonly windowMs: number) {}

  /** True when the signature is new (and records it); false for a replay. */
  remember(signature: string, nowMs = Date.now()): boolean {
    if (nowMs - this.lastSweep > this.windowMs / 4) this.sweep(nowMs);
    const expires = this.seen.get(signature);
    if (expires !== undefined && expires > nowMs) return false;
    this.seen.set(signature, nowMs + 2 * this.windowMs);
    return true;
  }

  private sweep(nowMs: number): void {
    this.lastSweep = nowMs;
    for (const [sig, expires] of this.seen) if (expires <= nowMs) this.seen.delete(sig);
  }
}
