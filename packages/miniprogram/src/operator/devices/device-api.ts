/**
 * The device routes as the devices page uses them: a venue's devices, each with its live status (online, last seen,
 * last reading per metric) and schedule, and setting a UV lamp's or cabinet's schedule.
 */
import type { DeviceDetail, DeviceScheduleSet, DevicesClient, ScheduledRun } from '@brightkitchen/sdk';

export type { DeviceDetail } from '@brightkitchen/sdk';

/** Every device of the venue with its status: the list, then each device (a venue has a handful). */
export async function loadVenueDevices(devices: DevicesClient, venueId: string): Promise<DeviceDetail[]> {
  const list = await devices.list(venueId);
  return Promise.all(list.items.map((d) => devices.get(d.id)));
}

/** Sends the preset runs to the device (the server encodes them as vendor commands) and keeps them. */
export function saveSchedule(
  devices: DevicesClient,
  deviceId: string,
  runs: readonly ScheduledRun[],
): Promise<DeviceScheduleSet> {
  return devices.setSchedule(deviceId, runs);
}
