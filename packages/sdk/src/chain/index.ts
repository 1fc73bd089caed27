export { canonicalJson } from './canonical-json.js';
export { type ChainHead, chainHeadLeafHash } from './chain-head.js';
export { CHAIN_BREAKS, type ChainProblem, type ColumnProblem } from './chain-problem.js';
export { type ChainCheckpoint, checkpointMessage } from './checkpoint.js';
export { type DerivedColumnsOptions, derivedLedgerColumns } from './derived-columns.js';
export { type ChainEntry, GENESIS_HASH, hashLedgerEntry, type Sha256Hex } from './hash-entry.js';
export { type ChainEntryV2, hashLedgerEntryV2, LEDGER_HASH_VERSION } from './hash-entry-v2.js';
export { type LedgerRootStatement, ledgerRootMessage } from './ledger-root.js';
export { merkleLeafHash, merkleNodeHash } from './merkle-hash.js';
export { type MerkleProof, merkleProof } from './merkle-proof.js';
export { merkleRoot } from './merkle-root.js';
export { hmacSha256Hex, sha256Hex, sha256HexOfBytes, utf8Bytes } from './sha256.js';
export {
  type ChainBreak,
  type ChainedEntry,
  type ChainReport,
  type VerifyChainOptions,
  verifyChain,
} from './verify-chain.js';
export { verifyMerkleProof } from './verify-merkle-proof.js';
