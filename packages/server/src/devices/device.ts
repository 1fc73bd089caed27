/** A registered device as the server keeps it: the SDK's Device plus what ingestion needs. */
import { type Device, type LocationKind, RegisteredDeviceSchema, type ViolationType } from '@brightkitchen/sdk';
import * as v from 'valibot';
import { type DevicesTable, readJson, storedValue } from '../db/index.js';

export type ViolationMap = Readonly<Record<string, ViolationType | 'unknown' | 'ignore'>>;

export interface RegisteredDevice extends Device {
  /** Vendor rule → violation mapping (Hikvision AIOP rule ids/names, Frigate labels…). */
  readonly violationMap?: ViolationMap;
  readonly createdAt: string;
  readonly removedAt?: string;
}

/** What the engine looks up on every message. */
export interface DeviceEntry {
  readonly device: RegisteredDevice;
  readonly bindingKey: string;
  readonly secretHash: string;
  readonly locationKind: LocationKind;
  readonly venueId: string;
  readonly disabled: boolean;
}

/** The SDK's registered device, as stored: always with its registration time. */
const StoredDeviceSchema: v.GenericSchema<unknown, RegisteredDevice> = v.object({
  ...RegisteredDeviceSchema.entries,
  createdAt: v.string(),
});

/** The stored device; throws `CorruptStoredValue` when its `data` is not one. */
export function storedDevice(row: Pick<DevicesTable, 'id' | 'data'>): RegisteredDevice {
  return storedValue(readJson(StoredDeviceSchema, row.data, { table: 'devices', column: 'data', id: row.id }));
}

/** The device as routes answer it: with `removedAt` once its venue removed it. */
export function answeredDevice(row: Pick<DevicesTable, 'id' | 'data' | 'disabled_at'>): RegisteredDevice {
  const device = storedDevice(row);
  return row.disabled_at === null ? device : { ...device, removedAt: row.disabled_at };
}

/** The directory's entry of a stored device; throws `CorruptStoredValue` when its `data` is damaged. */
export function deviceEntryOf(row: DevicesTable): DeviceEntry {
  const device = storedDevice(row);
  return {
    device,
    bindingKey: row.binding_key,
    secretHash: row.secret_hash,
    locationKind: row.location_kind as LocationKind,
    venueId: row.venue_id,
    disabled: row.disabled_at !== null,
  };
}
