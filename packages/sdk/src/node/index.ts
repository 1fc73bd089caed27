/**
 * @brightkitchen/sdk/node — the core plus Node's seams: axios transport, JSON file storage, node:crypto.
 */
export * from '../index.js';
export { type AxiosTransportOptions, createAxiosTransport } from './axios-transport.js';
export { createNodeClient, type NodeClientOptions } from './create-node-client.js';
export { createFileStorage } from './file-storage.js';
export { nodeHashing } from './node-hashing.js';
