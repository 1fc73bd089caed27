/** The platform key as the open routes publish it. */
import type { PlatformKey } from '@brightkitchen/sdk';
import type { PlatformSigner } from '../crypto/index.js';

export function platformKey(signer: PlatformSigner): PlatformKey {
  return { algorithm: 'Ed25519', publicKey: signer.publicKey, keyId: signer.keyId };
}
