/** Test helper: the device samples in `packages/device-adapters/fixtures` (copied from the shared set). */
import { readFileSync } from 'node:fs';

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
}

export const RECEIVED_AT = '2024-05-01T04:35:00Z';
