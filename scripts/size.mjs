// `pnpm size`: min+gzip sizes of what a browser or mini-program would ship, with budgets.
// First the built SDK as a partner's bundler sees it (named imports from packages/sdk/dist; the same budgets fail
// `pnpm test`), then entries bundled from source by esbuild (browser platform, minified, tree-shaken), gzipped.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { budgets as distBudgets, distFile, measure as measureDist } from '../packages/sdk/scripts/measure-dist.mjs';

const sdk = new URL('../packages/sdk/src/', import.meta.url).pathname;

const entries = [
  {
    // Informational: no app ships everything; the budgets are on what apps import (above and below).
    name: 'sdk "." (whole core, every export)',
    code: `export * from '${sdk}index.ts';`,
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

let over = false;
if (existsSync(distFile('.'))) {
  const distRows = [];
  for (const budget of distBudgets) {
    const { min, gzip } = await measureDist(budget);
    const ok = gzip <= budget.budgetKB * 1024;
    over ||= !ok;
    distRows.push({
      'built SDK (dist), named imports': budget.name,
      'min (KB)': (min / 1024).toFixed(1),
      'min+gzip (KB)': (gzip / 1024).toFixed(1),
      'budget (KB)': budget.budgetKB,
      within: ok ? 'yes' : 'NO',
    });
  }
  console.table(distRows);
} else {
  console.log('SDK not built: run `pnpm --filter @brightkitchen/sdk build` to measure what partners install');
}

const rows = [];
for (const entry of entries) {
  const { min, gzip } = await measure(entry.code, entry.resolveDir);
  const ok = entry.budgetKB === undefined || gzip <= entry.budgetKB * 1024;
  over ||= !ok;
  rows.push({
    entry: entry.name,
    'min (KB)': (min / 1024).toFixed(1),
    'min+gzip (KB)': (gzip / 1024).toFixed(1),
    'budget (KB)': entry.budgetKB ?? '—',
    within: entry.budgetKB === undefined ? '—' : ok ? 'yes' : 'NO',
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
// The h5 build (packages/miniprogram/dist-h5): what the first visit loads (the scripts index.html names) and the
// chunks the router loads per page; shared code sits in the `vendors` chunk, cached across pages.
const h5 = new URL('../packages/miniprogram/dist-h5/', import.meta.url).pathname;
if (existsSync(join(h5, 'index.html'))) {
  const html = readFileSync(join(h5, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<script[^>]*src="\/app\/([^"]+)"/g)].map((m) => m[1]);
  const js = readdirSync(join(h5, 'js')).filter((f) => f.endsWith('.js'));
  const measureFile = (f) => {
    const bytes = readFileSync(join(h5, f));
    return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  };
  const kb = (n) => (n / 1024).toFixed(1);
  const sum = (files) =>
    files.map(measureFile).reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip }), { min: 0, gzip: 0 });
  // Page chunks: numbered chunks other than the lazy video player (hls.js, only when a venue has a stream).
  const pages = js
    .filter((f) => /^\d+\./.test(f))
    .map((f) => ({ f, ...measureFile(`js/${f}`) }))
    .filter((c) => c.min < 400 * 1024);
  const first = sum(initial);
  const largest = pages.reduce((a, b) => (b.min > a.min ? b : a), { f: '-', min: 0, gzip: 0 });
  console.table([
    { h5: `first visit: ${initial.join(', ')}`, 'min (KB)': kb(first.min), 'min+gzip (KB)': kb(first.gzip) },
    {
      h5: `page chunks (${pages.length}), largest ${largest.f}`,
      'min (KB)': kb(largest.min),
      'min+gzip (KB)': kb(largest.gzip),
    },
  ]);
}

const timings = new URL('../artifacts/miniprogram-h5-timings.json', import.meta.url).pathname;
if (existsSync(timings)) {
  // Written by tests/miniprogram-h5.test.ts: cold navigations in fresh browser contexts, navigation start → venue name.
  const t = JSON.parse(readFileSync(timings, 'utf8'));
  console.log(
    `h5 venue page, profile shown (headless Chromium, localhost, goal ≤ 1000 ms): median ${t.venueProfileShownMs} ms` +
      (t.venueProfileShownRunsMs ? ` of ${JSON.stringify(t.venueProfileShownRunsMs)}` : '') +
      (t.alertShownAfterSaveMs !== undefined
        ? `; operator alert over realtime ${t.alertShownAfterSaveMs} ms after save`
        : ''),
  );
} else {
  console.log('h5 timing not measured yet: run `npx vitest run tests/miniprogram-h5.test.ts`');
}

if (over && process.argv.includes('--strict')) process.exit(1);
