export { onvif } from './definition.js';
