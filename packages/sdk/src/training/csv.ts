/** CSV for question files and exports: the SDK's one reader and writer (`../csv.ts`). */
export { csvField, parseCsv } from '../csv.js';
