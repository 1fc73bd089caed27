/**
 * THE platform signature: Ed25519 with the key of `BK_LEDGER_SIGNING_KEY` (or the data dir's), over the SDK's
 * canonical messages (`ledgerRootMessage`, `checkpointMessage`). Anyone checks it with the public key the open
 * ledger-roots route publishes (the SDK's `verifyPlatformSignature` in `@brightkitchen/sdk/node`).
 */
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

export interface PlatformSigner {
  /** SPKI PEM. */
  readonly publicKey: string;
  /** SHA-256 of the public key's DER, hex: names the key a signature was made with. */
  readonly keyId: string;
  /** The Ed25519 signature of the message's UTF-8 bytes, base64. */
  sign(message: string): string;
  verify(message: string, signature: string): boolean;
}

const signers = new Map<string, PlatformSigner>();

function createSigner(privateKeyPem: string): PlatformSigner {
  const privateKey = createPrivateKey(privateKeyPem);
  const publicKeyObject: KeyObject = createPublicKey(privateKey);
  const der = publicKeyObject.export({ format: 'der', type: 'spki' });
  return {
    publicKey: publicKeyObject.export({ format: 'pem', type: 'spki' }).toString(),
    keyId: createHash('sha256').update(der).digest('hex'),
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey).toString('base64'),
    verify(message, signature) {
      try {
        return verify(null, Buffer.from(message, 'utf8'), publicKeyObject, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

/** The signer of a private key (PKCS#8 PEM, the config's `ledgerSigningKey`), made once per key. */
export function platformSigner(privateKeyPem: string): PlatformSigner {
  let signer = signers.get(privateKeyPem);
  if (!signer) {
    signer = createSigner(privateKeyPem);
    signers.set(privateKeyPem, signer);
  }
  return signer;
}
