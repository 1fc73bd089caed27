/** Server configuration; it lives in `config/` (the BK_* table is `config/variables.ts`). Kept for existing imports. */
export * from './config/index.js';
