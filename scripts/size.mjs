// `pnpm size`: min+gzip sizes of what a browser or mini-program would ship, with budgets.
// Each entry is bundled from source by esbuild (browser platform, minified, tree-shaken), then gzipped.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const sdk = new URL('../packages/sdk/src/', import.meta.url).pathname;

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
];

async function measure(code) {
  const out = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' },
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
  const { min, gzip } = await measure(entry.code);
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
if (over && process.argv.includes('--strict')) process.exit(1);
