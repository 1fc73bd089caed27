export { hikvisionIsapi } from './definition.js';
