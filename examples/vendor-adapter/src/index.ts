/** A device vendor's own adapter for the Bright Kitchen platform (example). */
export { kt3Probe } from './kt3-probe.js';
export { ALL_ADAPTERS, VENDOR_ADAPTERS } from './registry.js';
