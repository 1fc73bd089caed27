/**
 * The wire shapes of the ledger chain's anchors: retention checkpoints, the verification report's problems, and
 * the platform's signed Merkle roots over every venue's chain head (open data, `GET /v1/open/ledger-roots`).
 */
import * as v from 'valibot';
import { CHAIN_BREAKS } from '../chain/chain-problem.js';
import { CountSchema, DaySchema, IdSchema, InstantSchema } from '../domain/primitives.js';

/** A SHA-256 in lower-case hex. */
export const Sha256HexSchema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const SeqSchema = v.pipe(v.number(), v.integer(), v.minValue(1));
/** An Ed25519 signature, base64. */
const SignatureSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{86}==$/));

/** One record that does not hold in a chain verification: its seq, why, and for a column which. */
export const ChainProblemSchema = v.object({
  seq: SeqSchema,
  reason: v.picklist(CHAIN_BREAKS),
  column: v.optional(v.string()),
  detail: v.optional(v.string()),
});

/** A retention purge's signed checkpoint (the SDK's `ChainCheckpoint` and its Ed25519 signature, base64). */
export const ChainCheckpointSchema = v.object({
  venueId: IdSchema,
  fromSeq: SeqSchema,
  seq: SeqSchema,
  hash: Sha256HexSchema,
  purgedAt: InstantSchema,
  signature: SignatureSchema,
});
/** A retention purge's signed checkpoint. Type of {@link ChainCheckpointSchema}. */
export type SignedChainCheckpoint = v.InferOutput<typeof ChainCheckpointSchema>;

/** A venue's chain head as a root anchors it. */
export const ChainHeadSchema = v.object({ venueId: IdSchema, seq: SeqSchema, hash: Sha256HexSchema });

/** A published root: the SDK's `LedgerRootStatement` and the platform's Ed25519 signature of its message. */
export const LedgerRootSchema = v.object({
  seq: SeqSchema,
  day: DaySchema,
  computedAt: InstantSchema,
  size: CountSchema,
  root: Sha256HexSchema,
  prevRoot: v.nullable(Sha256HexSchema),
  signature: SignatureSchema,
});
/** A published root. Type of {@link LedgerRootSchema}. */
export type LedgerRoot = v.InferOutput<typeof LedgerRootSchema>;

/** The platform's public key: Ed25519, SPKI PEM, and its id (SHA-256 of the DER, hex). */
export const PlatformKeySchema = v.object({
  algorithm: v.literal('Ed25519'),
  publicKey: v.string(),
  keyId: Sha256HexSchema,
});
/** The platform's public key. Type of {@link PlatformKeySchema}. */
export type PlatformKey = v.InferOutput<typeof PlatformKeySchema>;

/** `GET /v1/open/ledger-roots`: newest first, with the key that signed them. */
export const LedgerRootPageSchema = v.object({
  key: PlatformKeySchema,
  items: v.array(LedgerRootSchema),
  nextCursor: v.nullable(v.string()),
});
/** `GET /v1/open/ledger-roots`. Type of {@link LedgerRootPageSchema}. */
export type LedgerRootPage = v.InferOutput<typeof LedgerRootPageSchema>;

/** `GET /v1/open/ledger-roots/{seq}/proofs/{venueId}`: the venue's head in that root and its inclusion proof. */
export const LedgerRootProofSchema = v.object({
  key: PlatformKeySchema,
  root: LedgerRootSchema,
  leaf: ChainHeadSchema,
  leafHash: Sha256HexSchema,
  proof: v.object({ index: CountSchema, size: CountSchema, path: v.array(Sha256HexSchema) }),
});
/** The venue's head in a root and its inclusion proof. Type of {@link LedgerRootProofSchema}. */
export type LedgerRootProof = v.InferOutput<typeof LedgerRootProofSchema>;
