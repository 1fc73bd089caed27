export { tasmota } from './definition.js';
