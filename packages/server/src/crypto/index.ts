export { type PlatformSigner, platformSigner } from './platform-signer.js';
export { sameSecret } from './same-secret.js';
export { nodeHmacSha256, nodeHmacSha256Hex, nodeSha256Hex } from './sha256.js';
