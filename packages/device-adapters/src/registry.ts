/**
 * The adapters by vendor name (what `bk-convert --vendor`, the sources and device registrations use): the
 * built-in ones, plus a vendor's own registered in this process with `registerAdapter` (the platform loads
 * them from `BK_ADAPTERS` at start).
 */
import type { Adapter } from '@brightkitchen/sdk';
import { frigate } from './vendors/frigate/index.js';
import { gb28181 } from './vendors/gb28181/index.js';
import { hikvisionIsapi } from './vendors/hikvision-isapi/index.js';
import { onvif } from './vendors/onvif/index.js';
import { shelly } from './vendors/shelly/index.js';
import { tasmota } from './vendors/tasmota/index.js';
import { zigbee2mqtt } from './vendors/zigbee2mqtt/index.js';

export const ADAPTERS: Readonly<Record<string, Adapter<unknown>>> = {
  'hikvision-isapi': hikvisionIsapi,
  gb28181,
  frigate,
  zigbee2mqtt,
  tasmota,
  shelly,
  onvif,
};

export const VENDOR_NAMES = Object.keys(ADAPTERS);

const registered = new Map<string, Adapter<unknown>>();

export function adapterFor(vendor: string): Adapter<unknown> | undefined {
  return Object.hasOwn(ADAPTERS, vendor) ? ADAPTERS[vendor] : registered.get(vendor);
}

/** Every adapter, built-in first. */
export function allAdapters(): Adapter<unknown>[] {
  return [...Object.values(ADAPTERS), ...registered.values()];
}

/**
 * Adds a vendor's own adapter. Throws a TypeError when it is not one (no vendor name of lowercase letters,
 * digits and dashes, no `convert`, no `inputs`) or when its name is taken by another adapter.
 */
export function registerAdapter(adapter: Adapter<unknown>): void {
  const a = adapter as Partial<Adapter<unknown>> | null;
  if (!a || typeof a.vendor !== 'string' || !/^[a-z0-9][a-z0-9-]{1,39}$/.test(a.vendor)) {
    throw new TypeError('an adapter needs a vendor name of 2–40 lowercase letters, digits and dashes');
  }
  if (typeof a.convert !== 'function' || !Array.isArray(a.inputs)) {
    throw new TypeError(`adapter ${a.vendor}: convert() and inputs are required`);
  }
  const existing = adapterFor(a.vendor);
  if (existing && existing !== adapter) throw new TypeError(`adapter ${a.vendor}: the vendor name is taken`);
  registered.set(a.vendor, adapter);
}
