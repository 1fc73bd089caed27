import { defineConfig } from 'tsup';

export default defineConfig({
  // writer-thread.js sits beside the chunks: ingest-writer.ts starts it by a URL relative to itself.
  entry: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
    'training-cli': 'src/training/cli.ts',
    'writer-thread': 'src/ingest/writer-thread.ts',
  },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  target: 'node20',
  platform: 'node',
  sourcemap: false,
});
