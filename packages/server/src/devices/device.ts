/** A registered device as the server keeps it: the SDK's Device plus what ingestion needs. */
import type { Device, LocationKind, ViolationType } from '@brightkitchen/sdk';
import { type DevicesTable, parseJson } from '../db/index.js';

export type ViolationMap = Readonly<Record<string, ViolationType | 'unknown' | 'ignore'>>;

export interface RegisteredDevice extends Device {
  /** Vendor rule → violation mapping (Hikvision AIOP rule ids/names, Frigate labels…). */
  readonly violationMap?: ViolationMap;
  readonly createdAt: string;
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

export function deviceEntryOf(row: DevicesTable): DeviceEntry {
  const device = parseJson<RegisteredDevice>(row.data, {} as RegisteredDevice);
  return {
    device,
    bindingKey: row.binding_key,
    secretHash: row.secret_hash,
    locationKind: row.location_kind as LocationKind,
    venueId: row.venue_id,
    disabled: row.disabled_at !== null,
  };
}
