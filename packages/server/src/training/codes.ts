/** Verification codes of certificates: 12 characters of Crockford's base 32, 60 bits from the system's CSPRNG. */
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh code (`K7Q2M9XA3BCD`): guessing one among a million issued takes ~10¹² tries. */
export function newCertificateCode(): string {
  const bytes = randomBytes(8);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 12; i++) {
    out += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return out;
}
