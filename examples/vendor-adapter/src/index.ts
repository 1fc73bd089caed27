/** A device vendor's own adapter for the Bright Kitchen platform (example). */
export { kt3Probe } from './kt3-probe.js';
/** What the platform loads with `BK_ADAPTERS=path/to/this/module`. */
export { ALL_ADAPTERS, VENDOR_ADAPTERS, VENDOR_ADAPTERS as adapters } from './registry.js';
