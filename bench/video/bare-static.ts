/**
 * The reference server of `bench:video`: a bare `node:http` server that reads a file of one folder and sends it,
 * nothing else (no signature, no routes, no headers). Run as its own process, on the same core as the platform:
 * `tsx bench/video/bare-static.ts ROOT PORT`.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';

const [root = '.', port = '0'] = process.argv.slice(2);

createServer(async (request, response) => {
  const path = normalize(join(root, decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/')));
  try {
    const bytes = await readFile(path);
    response.writeHead(200, { 'content-type': path.endsWith('.ts') ? 'video/mp2t' : 'application/vnd.apple.mpegurl' });
    response.end(bytes);
  } catch {
    response.writeHead(404).end();
  }
}).listen(Number(port), '127.0.0.1');
