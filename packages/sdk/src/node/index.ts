/**
 * `@brightkitchen/sdk/node`: the core plus Node's seams, a fetch client with a timeout and a JSON file storage.
 * @packageDocumentation
 */
export * from '../index.js';
export { createNodeClient, type NodeClientOptions } from './create-node-client.js';
export { createFileStorage } from './file-storage.js';
export { verifyCheckpoint, verifyLedgerRoot, verifyPlatformSignature } from './platform-signature.js';
