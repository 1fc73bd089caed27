export { frigate } from './definition.js';
