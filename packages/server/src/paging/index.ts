export { afterCursor, decodeCursor, encodeCursor, type Keyset, pageOf } from './keyset.js';
