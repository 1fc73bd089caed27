import { defineConfig } from 'vite';

/** Built to dist/ and served by the server at /console/ (hash routes: /console/#/overview). */
export default defineConfig({
  base: '/console/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
