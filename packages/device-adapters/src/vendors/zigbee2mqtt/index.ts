export { zigbee2mqtt } from './definition.js';
