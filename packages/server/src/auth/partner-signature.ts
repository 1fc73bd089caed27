/**
 * Partner request signatures (docs/api.md):
 * hex(HMAC-SHA256(secret, METHOD \n PATH_WITH_QUERY \n TIMESTAMP \n sha256hex(body))).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedRequest {
  readonly method: string;
  readonly pathWithQuery: string;
  readonly timestamp: string;
  readonly body: string | Uint8Array;
}

export function signPartnerRequest(secret: string, req: SignedRequest): string {
  const bodyHash = createHash('sha256').update(req.body).digest('hex');
  const canonical = `${req.method.toUpperCase()}\n${req.pathWithQuery}\n${req.timestamp}\n${bodyHash}`;
  return createHmac('sha256', secret).update(canonical).digest('hex');
}

export function signatureMatches(secret: string, req: SignedRequest, signature: string): boolean {
  const expected = Buffer.from(signPartnerRequest(secret, req), 'utf8');
  const given = Buffer.from(signature.toLowerCase(), 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
