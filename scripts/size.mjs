// `pnpm size`: min+gzip sizes of what a browser or mini-program would ship, with budgets.
// Each entry is bundled from source by esbuild (browser platform, minified, tree-shaken), then gzipped.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const sdk = new URL('../packages/sdk/src/', import.meta.url).pathname;

// The mini-program's HTTP seam: the direct transport over Taro.request, against axios with a Taro adapter.
const axiosTaro = `import axios from 'axios';
export const transport = (taro) => {
  const http = axios.create({ adapter: (config) => new Promise((resolve, reject) => taro.request({
    url: config.url, method: config.method, header: config.headers, data: config.data, dataType: 'text',
    success: (r) => resolve({ data: r.data, status: r.statusCode, statusText: '', headers: r.header, config }),
    fail: reject })) });
  return (req) => http.request({ url: req.url, method: req.method, headers: req.headers, data: req.body,
    transformResponse: [(d) => d], validateStatus: () => true })
    .then((r) => ({ status: r.status, headers: r.headers, body: r.data }));
};`;

const entries = [
  {
    name: 'sdk "." (whole core)',
    code: `export * from '${sdk}index.ts';`,
    budgetKB: 15,
  },
  {
    name: 'sdk consumer subset (venue + rating)',
    code: `export { PublicVenueProfileSchema, RatingInputSchema, parse, FACES, RATING_ASPECTS } from '${sdk}index.ts';`,
    budgetKB: 5,
  },
  {
    name: 'sdk ./taro transport (direct, chosen)',
    code: `export { createTaroTransport } from '${sdk}taro/transport.ts';`,
    budgetKB: 1,
  },
  {
    name: 'axios + Taro adapter (measured, not used)',
    code: axiosTaro,
    resolveDir: sdk,
    // Informational: what the direct transport saves.
    budgetKB: 25,
  },
  {
    name: 'sdk ./taro MQTT realtime (operator subpackage)',
    code: `export { createTaroRealtime } from '${sdk}taro/index.ts';`,
    budgetKB: 3,
  },
];

async function measure(code, resolveDir = process.cwd()) {
  const out = await build({
    stdin: { contents: code, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2019',
    write: false,
    treeShaking: true,
    logLevel: 'error',
  });
  const bytes = out.outputFiles[0].contents;
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const rows = [];
let over = false;
for (const entry of entries) {
  const { min, gzip } = await measure(entry.code, entry.resolveDir);
  const ok = gzip <= entry.budgetKB * 1024;
  over ||= !ok;
  rows.push({
    entry: entry.name,
    'min (KB)': (min / 1024).toFixed(1),
    'min+gzip (KB)': (gzip / 1024).toFixed(1),
    'budget (KB)': entry.budgetKB,
    within: ok ? 'yes' : 'NO',
  });
}
console.table(rows);

// The built weapp (packages/miniprogram/dist): WeChat counts the bytes of each package's files as uploaded.
// Main package goal ≤ 400 KB; each subpackage ≤ 2 MB (WeChat's limit).
const weapp = new URL('../packages/miniprogram/dist/', import.meta.url).pathname;
function bytesUnder(dir, skip = []) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (skip.includes(path)) continue;
    total += entry.isDirectory() ? bytesUnder(path, skip) : statSync(path).size;
  }
  return total;
}
if (existsSync(join(weapp, 'app.json'))) {
  const app = JSON.parse(readFileSync(join(weapp, 'app.json'), 'utf8'));
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => join(weapp, p.root));
  const packages = [
    { name: 'weapp main package', bytes: bytesUnder(weapp, roots), budgetKB: 400 },
    ...roots.map((root, i) => ({
      name: `weapp subpackage ${app.subPackages[i].root}`,
      bytes: bytesUnder(root),
      budgetKB: 2048,
    })),
  ];
  const table = packages.map((p) => {
    const ok = p.bytes <= p.budgetKB * 1024;
    over ||= !ok;
    return {
      package: p.name,
      'size (KB)': (p.bytes / 1024).toFixed(1),
      'budget (KB)': p.budgetKB,
      within: ok ? 'yes' : 'NO',
    };
  });
  console.table(table);
} else {
  console.log('weapp not built: run `pnpm build:weapp` to measure the mini-program packages');
}
const timings = new URL('../artifacts/miniprogram-h5-timings.json', import.meta.url).pathname;
if (existsSync(timings)) console.log('h5 (headless Chromium, localhost):', readFileSync(timings, 'utf8').trim());

if (over && process.argv.includes('--strict')) process.exit(1);
