/**
 * The CSP sources of the H5 app's inline scripts: its index.html sets the root font size and starts the venue
 * profile's fetch before the bundles load, so the page's policy allows exactly those scripts, by hash.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeSha256Hex } from '../crypto/index.js';

const INLINE_SCRIPT = /<script(?![^>]*\ssrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

/** `'sha256-…'` of each inline `<script>` of an HTML page, as the browser hashes its text. */
export function inlineScriptHashes(html: string): string[] {
  // The HTML parser turns CR LF and lone CR into LF before the script's text exists.
  return [...html.replace(/\r\n?/g, '\n').matchAll(INLINE_SCRIPT)]
    .map((match) => match[1] ?? '')
    .filter((text) => text.trim() !== '')
    .map((text) => `'sha256-${Buffer.from(nodeSha256Hex(text), 'hex').toString('base64')}'`);
}

/** The hashes of the built app's index.html in `appDir`, none when the app is not built. */
export function appScriptHashes(appDir: string): string[] {
  const index = join(appDir, 'index.html');
  return existsSync(index) ? inlineScriptHashes(readFileSync(index, 'utf8')) : [];
}
