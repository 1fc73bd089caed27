import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const sdkSrc = fileURLToPath(new URL('./packages/sdk/src/', import.meta.url));

export default defineConfig({
  // Tests read the SDK from source, so they never depend on a stale or half-written dist.
  resolve: {
    alias: [
      { find: /^@brightkitchen\/sdk\/(node|taro|training|listing)$/, replacement: `${sdkSrc}$1/index.ts` },
      { find: /^@brightkitchen\/sdk$/, replacement: `${sdkSrc}index.ts` },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tests/**/*.test.ts', 'examples/*/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['tests/setup/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'artifacts/vitest.json' },
  },
});
