/**
 * Partner request signatures (docs/api.md):
 * hex(HMAC-SHA256(secret, METHOD \n PATH_WITH_QUERY \n TIMESTAMP \n sha256hex(body))).
 */
import { canonicalString } from '@brightkitchen/sdk';
import { nodeHmacSha256Hex, nodeSha256Hex, sameSecret } from '../crypto/index.js';

export interface SignedRequest {
  readonly method: string;
  readonly pathWithQuery: string;
  readonly timestamp: string;
  readonly body: string | Uint8Array;
}

export function signPartnerRequest(secret: string, req: SignedRequest): string {
  return nodeHmacSha256Hex(secret, canonicalString(req, nodeSha256Hex(req.body)));
}

export function signatureMatches(secret: string, req: SignedRequest, signature: string): boolean {
  return sameSecret(signature.toLowerCase(), signPartnerRequest(secret, req));
}
