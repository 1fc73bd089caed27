/**
 * Who is watching each venue's live kitchen: a viewer is a play token fetched from one address, alive while it keeps
 * reloading the playlist (players reload every second or two). The cap protects the venue's and the server's
 * uplink; per process, as the streams themselves are (see README: live video in a cluster).
 */

/** A viewer who has not reloaded for this long has left. */
export const VIEWER_IDLE_MS = 15_000;

export class Viewers {
  private readonly byVenue = new Map<string, Map<string, number>>();
  private readonly channelSeen = new Map<string, number>();

  constructor(private readonly cap: number) {}

  /** Counts the viewer of a channel in (or keeps them in); false when the venue is full and they are new. */
  admit(venueId: string, channelId: string, viewer: string, nowMs: number): boolean {
    const viewers = this.active(venueId, nowMs);
    if (!viewers.has(viewer) && viewers.size >= this.cap) return false;
    viewers.set(viewer, nowMs);
    this.byVenue.set(venueId, viewers);
    this.channelSeen.set(channelId, nowMs);
    return true;
  }

  /** True when this viewer is watching now (a watcher keeps going past its URL's expiry). */
  watching(venueId: string, viewer: string, nowMs: number): boolean {
    return this.active(venueId, nowMs).has(viewer);
  }

  /** When the channel was last watched (ms), 0 if never. */
  lastSeen(channelId: string): number {
    return this.channelSeen.get(channelId) ?? 0;
  }

  count(venueId: string, nowMs: number): number {
    return this.active(venueId, nowMs).size;
  }

  private active(venueId: string, nowMs: number): Map<string, number> {
    const viewers = this.byVenue.get(venueId) ?? new Map<string, number>();
    for (const [viewer, seen] of viewers) if (nowMs - seen > VIEWER_IDLE_MS) viewers.delete(viewer);
    return viewers;
  }
}
