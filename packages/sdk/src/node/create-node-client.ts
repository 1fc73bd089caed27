import { randomUUID } from 'node:crypto';
import { type BrightKitchenClient, type ClientOptions, createClient } from '../client/create-client.js';
import { createAxiosTransport } from './axios-transport.js';
import { createFileStorage } from './file-storage.js';
import { nodeHashing } from './node-hashing.js';

export interface NodeClientOptions extends ClientOptions {
  /** A JSON file for the session and the outbox (kept across restarts); in memory when absent. */
  readonly storagePath?: string;
  /** Per-request timeout of the axios transport; default 30 s. */
  readonly timeoutMs?: number;
}

/**
 * `createClient` with Node's seams: axios transport, a JSON file storage (when `storagePath` is set),
 * node:crypto hashing for partner keys and UUIDs for idempotency keys. Any option given wins.
 *
 * @example
 * const client = createNodeClient({ baseURL: 'http://127.0.0.1:8080', storagePath: './data/client.json' });
 */
export function createNodeClient(options: NodeClientOptions): BrightKitchenClient {
  const { storagePath, timeoutMs, ...rest } = options;
  return createClient({
    transport: createAxiosTransport(timeoutMs === undefined ? {} : { timeoutMs }),
    hashing: nodeHashing,
    newId: randomUUID,
    ...(storagePath ? { storage: createFileStorage(storagePath) } : {}),
    ...rest,
  });
}
