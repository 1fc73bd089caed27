import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'cli/bk-convert': 'src/cli/bk-convert.ts',
    sources: 'src/sources/index.ts',
    gateway: 'src/gateway/index.ts',
    simulator: 'src/simulator/index.ts',
    'cli/bk-gateway': 'src/cli/bk-gateway.ts',
    'cli/bk-simulate': 'src/cli/bk-simulate.ts',
  },
  format: ['esm'],
  dts: {
    entry: {
      index: 'src/index.ts',
      sources: 'src/sources/index.ts',
      gateway: 'src/gateway/index.ts',
      simulator: 'src/simulator/index.ts',
    },
  },
  clean: true,
  // The tsconfig path to the SDK source is for typechecking; at runtime the SDK is a dependency.
  external: ['@brightkitchen/sdk', '@brightkitchen/sdk/node', 'mqtt', 'valibot'],
  target: 'node20',
  treeshake: true,
  sourcemap: false,
});
