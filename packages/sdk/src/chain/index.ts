export { canonicalJson } from './canonical-json.js';
export { type ChainEntry, GENESIS_HASH, hashLedgerEntry, type Sha256Hex } from './hash-entry.js';
export { sha256Hex, sha256HexOfBytes, utf8Bytes } from './sha256.js';
export {
  type ChainBreak,
  type ChainedEntry,
  type ChainReport,
  type VerifyChainOptions,
  verifyChain,
} from './verify-chain.js';
