/** The built-in adapters by vendor name (what `bk-convert --vendor` and device registrations use). */
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

export function adapterFor(vendor: string): Adapter<unknown> | undefined {
  return Object.hasOwn(ADAPTERS, vendor) ? ADAPTERS[vendor] : undefined;
}
