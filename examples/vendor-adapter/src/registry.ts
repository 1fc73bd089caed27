/**
 * Registering the adapter: the built-in registry plus this vendor's, by name, the way `bk-convert`
 * and the sources look adapters up. Hand `VENDOR_ADAPTERS` to `createMqttSource({ adapters })`.
 */
import { ADAPTERS } from '@brightkitchen/device-adapters';
import type { Adapter } from '@brightkitchen/sdk';
import { kt3Probe } from './kt3-probe.js';

export const VENDOR_ADAPTERS: readonly Adapter<unknown>[] = [kt3Probe];

export const ALL_ADAPTERS: Readonly<Record<string, Adapter<unknown>>> = Object.freeze({
  ...ADAPTERS,
  ...Object.fromEntries(VENDOR_ADAPTERS.map((adapter) => [adapter.vendor, adapter])),
});
