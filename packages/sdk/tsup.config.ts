import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

/** The public entries (package.json `exports`): their declarations are bundled, one `.d.ts` and one `.d.cts` each. */
const entries = {
  index: 'src/index.ts',
  'node/index': 'src/node/index.ts',
  'taro/index': 'src/taro/index.ts',
  'training/index': 'src/training/index.ts',
  'listing/index': 'src/listing/index.ts',
  'warehouse/index': 'src/warehouse/index.ts',
};

/** Every module: each becomes its own file in dist, as in src. */
const modules = ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/__tests__/**'];

/**
 * Keeps each module in its own output file: relative imports stay imports, with the extension of the format.
 * With `sideEffects: false`, a partner's bundler then drops every module they do not use; one big bundled file
 * would be kept whole, as its top-level schema calls look like side effects. It also gives every entry
 * (`.`, `./node`, `./taro`…) the same module instances, so `instanceof` holds across entries.
 */
function keepModules(extension: '.js' | '.cjs'): Plugin {
  const src = fileURLToPath(new URL('./src/', import.meta.url));
  return {
    name: 'keep-modules',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) =>
        // Only our own modules: a dependency bundled in (see below) keeps its imports inside its copy.
        args.kind === 'entry-point' || !args.importer.startsWith(src)
          ? undefined
          : { path: args.path.replace(/\.js$/, extension), external: true },
      );
    },
  };
}

const common: Options = {
  entry: modules,
  outDir: 'dist',
  target: 'es2019',
  platform: 'neutral',
  sourcemap: false,
  splitting: false,
  dts: false,
};

export default defineConfig([
  { ...common, format: 'esm', esbuildPlugins: [keepModules('.js')] },
  // @noble/hashes is ESM-only: CommonJS projects (and Jest) could not require it, so the CommonJS build carries it,
  // inside the one module that hashes.
  { ...common, format: 'cjs', noExternal: ['@noble/hashes'], esbuildPlugins: [keepModules('.cjs')] },
  {
    entry: entries,
    outDir: 'dist',
    format: ['esm', 'cjs'],
    // The `./node` entry's declarations need Node's types; the core's platform-freeness is checked by `tsc -p tsconfig.json`.
    dts: { only: true, compilerOptions: { types: ['node'] } },
  },
]);
