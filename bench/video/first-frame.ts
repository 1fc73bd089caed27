/**
 * Time from a consumer opening the venue page (H5, phone-sized Chromium) to the first frame of the live kitchen:
 * navigation start to the video having a decoded frame (`readyState ≥ 2`). The reference: a bare page with only
 * hls.js and a `<video>` on the same signed URL, opened the same way — what the app adds to the player's own time.
 */
import type { Browser, BrowserContext } from 'playwright-core';

interface FrameDocument {
  querySelector(selector: string): { readyState: number } | null;
}

const hasFrame = () =>
  ((globalThis as unknown as { document: FrameDocument }).document.querySelector('video')?.readyState ?? 0) >= 2;

/** Milliseconds from navigation to a decoded frame of the page's first video. */
export async function timeToFirstFrame(
  browser: Browser,
  url: string,
  setup?: (context: BrowserContext) => Promise<void>,
): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  await setup?.(context);
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(hasFrame, undefined, { timeout: 30_000, polling: 20 });
  const ms = Date.now() - t0;
  await context.close();
  return ms;
}

/**
 * Serves the reference page at `{origin}/bench/play` (the platform's origin, so the signed URL is same-origin):
 * hls.js playing `hlsUrl` in a bare `<video>`, muted and autoplaying.
 */
export function barePlayer(origin: string, hlsUrl: string, hlsJs: Buffer) {
  return async (context: BrowserContext) => {
    await context.route(`${origin}/bench/**`, (route) =>
      new URL(route.request().url()).pathname === '/bench/hls.min.js'
        ? route.fulfill({ body: hlsJs, contentType: 'application/javascript' })
        : route.fulfill({ body: barePlayerPage(hlsUrl, '/bench/hls.min.js'), contentType: 'text/html' }),
    );
  };
}

function barePlayerPage(hlsUrl: string, hlsJsPath: string): string {
  return `<!doctype html><meta charset="utf-8"><video muted autoplay playsinline style="width:100%"></video>
<script src="${hlsJsPath}"></script>
<script>
const video = document.querySelector('video');
const hls = new Hls();
hls.loadSource(${JSON.stringify(hlsUrl)});
hls.attachMedia(video);
</script>`;
}
