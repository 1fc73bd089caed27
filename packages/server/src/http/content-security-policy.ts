/**
 * The Content-Security-Policy of every answer. JSON needs none of it; the two pages the server serves need this
 * much: Swagger UI at /docs (its own scripts and styles, inlined icons, "Try it out" on this origin) and the H5
 * app at /app/ (its bundles, two inline scripts allowed by hash, realtime at /mqtt, photos and a venue's live video).
 */
export type Directives = Record<string, string[]>;

/**
 * The policy, given the `'sha256-…'` sources of the app's inline scripts (`appScriptHashes`) and the origin the live
 * video is played from when it is another one (BK_VIDEO_PLAY_BASE; `https:` covers it in production, this also a
 * plain-HTTP one such as `pnpm cluster`'s video instance).
 */
export function contentSecurityPolicy(appScriptHashes: readonly string[], videoOrigin = ''): Directives {
  const video = videoOrigin ? [videoOrigin] : [];
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...appScriptHashes],
    'script-src-attr': ["'none'"],
    // Taro's components and Swagger UI set style attributes.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Photos picked on the phone (blob:), inlined icons (data:), alert snapshots from a camera partner (https:).
    'img-src': ["'self'", 'data:', 'blob:', 'https:', ...video],
    // A venue's live video: its partner's HLS stream, played by hls.js through blob: URLs from a blob: worker.
    'media-src': ["'self'", 'blob:', 'https:', ...video],
    'worker-src': ["'self'", 'blob:'],
    // The API and realtime (`'self'` covers ws:/wss: to this host), the HLS playlists and segments, and the photos
    // a person picked (the H5 app reads the picked file's blob: URL to compress and send it with a complaint).
    'connect-src': ["'self'", 'blob:', 'https:', ...video],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
  };
}
