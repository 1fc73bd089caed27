// Bundles named imports from the built package as a partner's bundler would (esbuild, browser platform, minified,
// tree-shaken) and gzips the result. Shared by the size test and the repository's `pnpm size`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const sdkDir = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', sdkDir), 'utf8'));

/** The budgets of size-budgets.json. */
export const budgets = JSON.parse(readFileSync(new URL('size-budgets.json', sdkDir), 'utf8')).budgets;

/** The ES module file an entry (`.`, `./node`…) resolves to for a bundler. */
export function distFile(entry) {
  return new URL(manifest.exports[entry].import.default, sdkDir).pathname;
}

/** Minified and gzipped bytes of `import { …imports } from entry`, and the inputs that made it up. */
export async function measure({ entry, imports }) {
  const out = await build({
    stdin: {
      contents: `export { ${imports.join(', ')} } from '${distFile(entry)}';`,
      loader: 'js',
      resolveDir: sdkDir.pathname,
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2019',
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const bytes = out.outputFiles[0].contents;
  const inputs = Object.values(out.metafile.outputs)[0].inputs;
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    inputs: Object.entries(inputs)
      .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}
