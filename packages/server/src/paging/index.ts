export { afterCursor, decodeCursor, encodeCursor, type Keyset, newestFirst, pageBy, pageOf } from './keyset.js';
