export { hikvisionIsapi } from './definition.js';
export { type IsapiSplit, splitIsapiBody } from './split.js';
