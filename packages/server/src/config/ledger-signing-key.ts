/**
 * The platform's Ed25519 signing key (ledger roots, retention checkpoints) is generated once and kept in the data
 * dir beside the token secret, so a restart signs with the same key and earlier signatures still check.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LEDGER_SIGNING_KEY_FILE = 'ledger-signing-key.pem';

/** The key as PKCS#8 PEM. */
export function readOrCreateLedgerSigningKey(dataDir: string): string {
  const file = join(dataDir, LEDGER_SIGNING_KEY_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  // `wx`: a second server starting at the same moment keeps the first one's key.
  try {
    writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8');
  }
  return pem;
}
