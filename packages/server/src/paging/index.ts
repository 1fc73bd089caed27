export { afterCursor, decodeCursor, encodeCursor, type Keyset, pageBy, pageOf } from './keyset.js';
