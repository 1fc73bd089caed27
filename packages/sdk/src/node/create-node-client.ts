import { type BrightKitchenClient, type ClientOptions, createClient } from '../client/create-client.js';
import { createFetchTransport } from '../client/fetch-transport.js';
import { createFileStorage } from './file-storage.js';

/** Options of {@link createNodeClient}: the client's own, plus where to keep state and how long to wait. */
export interface NodeClientOptions extends ClientOptions {
  /** A JSON file for the session and the outbox (kept across restarts); in memory when absent. */
  readonly storagePath?: string;
  /** Per-request timeout of the fetch transport; default 30 s. */
  readonly timeoutMs?: number;
}

/**
 * `createClient` with Node's seams: Node's `fetch` with a timeout, and a JSON file storage when `storagePath` is
 * set. Any option given wins.
 *
 * @example
 * const client = createNodeClient({ baseURL: 'http://127.0.0.1:8080', storagePath: './data/client.json' });
 */
export function createNodeClient(options: NodeClientOptions): BrightKitchenClient {
  const { storagePath, timeoutMs, ...rest } = options;
  return createClient({
    transport: createFetchTransport(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(storagePath ? { storage: createFileStorage(storagePath) } : {}),
    ...rest,
  });
}
