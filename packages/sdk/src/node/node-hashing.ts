import { createHash, createHmac } from 'node:crypto';
import type { Hashing } from '../client/signing.js';

/** HMAC-SHA256 and SHA-256 from node:crypto, hex encoded, for partner request signing. */
export const nodeHashing: Hashing = {
  hmacSha256: (secret, message) => createHmac('sha256', secret).update(message, 'utf8').digest('hex'),
  sha256: (message) => createHash('sha256').update(message, 'utf8').digest('hex'),
};
