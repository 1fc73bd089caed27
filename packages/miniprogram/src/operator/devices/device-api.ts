/**
 * The device routes of docs/api.md as the devices page uses them: a venue's devices, one device with its live
 * status (online, last seen, last reading per metric) and schedule, and setting a UV lamp's or cabinet's schedule.
 */
import type { Device, ScheduledRun } from '@brightkitchen/sdk';
import type { ApiCall } from '../api-call';

export interface LastReading {
  readonly value: number;
  readonly unit: string;
  readonly time: string;
}

/** `status` of GET /v1/devices/{id}; `online` is null until the device was ever heard of. */
export interface DeviceStatus {
  readonly online: boolean | null;
  readonly lastSeenAt: string | null;
  readonly readings: Readonly<Record<string, LastReading>>;
  readonly failureCount?: number;
}

export interface DeviceSchedule {
  readonly runs: readonly ScheduledRun[];
  readonly updatedAt: string;
}

export interface DeviceDetail {
  readonly device: Device;
  readonly status: DeviceStatus;
  readonly schedule?: DeviceSchedule;
}

const seg = (id: string) => encodeURIComponent(id);

/** Every device of the venue with its status: the list, then each device (a venue has a handful). */
export async function loadVenueDevices(call: ApiCall, venueId: string): Promise<DeviceDetail[]> {
  const list = await call<{ items: Device[] }>('GET', `/v1/venues/${seg(venueId)}/devices`);
  return Promise.all(list.items.map((d) => call<DeviceDetail>('GET', `/v1/devices/${seg(d.id)}`)));
}

/** Sends the preset runs to the device (the server encodes them as vendor commands) and keeps them. */
export function saveSchedule(
  call: ApiCall,
  deviceId: string,
  runs: readonly ScheduledRun[],
): Promise<{ runs: ScheduledRun[]; updatedAt: string }> {
  return call('POST', `/v1/devices/${seg(deviceId)}/schedule`, { runs });
}
