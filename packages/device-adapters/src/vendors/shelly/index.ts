export { shelly } from './definition.js';
export { mergeStatus, type ShellyState } from './merge.js';
