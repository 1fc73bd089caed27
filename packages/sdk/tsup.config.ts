import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/node/index.ts', taro: 'src/taro/index.ts' },
  format: ['esm', 'cjs'],
  // The `./node` entry's declarations need Node's types; the core's platform-freeness is checked by `tsc -p tsconfig.json`.
  dts: { compilerOptions: { types: ['node'] } },
  clean: true,
  target: 'es2019',
  treeshake: true,
  sourcemap: false,
});
