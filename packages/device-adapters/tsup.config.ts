import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'cli/bk-convert': 'src/cli/bk-convert.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  // The tsconfig path to the SDK source is for typechecking; at runtime the SDK is a dependency.
  external: ['@brightkitchen/sdk'],
  target: 'node20',
  treeshake: true,
  sourcemap: false,
});
