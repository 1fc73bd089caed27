/**
 * Simulated HLS viewers: each reloads its live playlist every second, as a player does, and fetches each new
 * segment once; the time to fetch a segment (request to last byte) is what a viewer waits for the next second of
 * video. Used against the platform and against a bare static file server serving the same folder.
 */
export interface ViewerLoad {
  /** Segment fetch times, ms. */
  readonly latencies: number[];
  readonly segments: number;
  readonly errors: number;
  readonly bytes: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function viewer(
  playlistUrl: string,
  until: number,
  load: { latencies: number[]; errors: number; bytes: number },
) {
  const seen = new Set<string>();
  const base = playlistUrl.slice(0, playlistUrl.lastIndexOf('/') + 1);
  await sleep(Math.random() * 1000);
  while (Date.now() < until) {
    const started = Date.now();
    try {
      const res = await fetch(playlistUrl);
      const text = await res.text();
      if (res.status !== 200) throw new Error(String(res.status));
      const segments = text.split('\n').filter((l) => l.endsWith('.ts'));
      // A player joining takes the newest segment; later it takes each one it has not had.
      const fresh = seen.size === 0 ? segments.slice(-1) : segments.filter((s) => !seen.has(s));
      for (const segment of fresh) {
        seen.add(segment);
        const t0 = performance.now();
        const media = await fetch(base + segment);
        const body = await media.arrayBuffer();
        if (media.status !== 200) throw new Error(String(media.status));
        load.latencies.push(performance.now() - t0);
        load.bytes += body.byteLength;
      }
    } catch {
      load.errors += 1;
    }
    await sleep(Math.max(0, 1000 - (Date.now() - started)));
  }
}

/** `count` viewers for `seconds`, each on its own playlist URL (`urlOf(i)`). */
export async function watch(urlOf: (i: number) => string, count: number, seconds: number): Promise<ViewerLoad> {
  const load = { latencies: [] as number[], errors: 0, bytes: 0 };
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: count }, (_, i) => viewer(urlOf(i), until, load)));
  return { ...load, segments: load.latencies.length };
}
