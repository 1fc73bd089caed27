/** A free TCP port on loopback, for servers started by tests and benchmarks. */
export { freePort } from '../../packages/server/src/testing/local-services.js';
