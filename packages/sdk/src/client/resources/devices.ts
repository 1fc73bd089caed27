import type { DeviceScheduleInput, ScheduledRun } from '../../contract/schedule.js';
import type { DeviceRegistered, DeviceRegistration, RegisteredDevice } from '../../domain/device.js';
import type { DeviceDetail, DeviceScheduleSet } from '../../domain/device-status.js';
import type { Gateway, GatewayInput, GatewayRegistered } from '../../domain/gateway.js';
import { seg } from '../query.js';
import type { Page } from '../wire-types.js';
import type { ResourceContext } from './context.js';

/** Options of a device schedule call. */
export interface DeviceScheduleOptions {
  /** The relay channel (`1`–`8`) of a multi-channel switch. */
  readonly channel?: string;
}

/** Edge gateways of a venue; registration answers the gateway's credentials once. */
export interface GatewaysClient {
  list(venueId: string): Promise<Page<Gateway>>;
  create(venueId: string, input: GatewayInput): Promise<GatewayRegistered>;
}

/** The device registry of a venue, each device's live status, and the preset runs of UV lamps and cabinets. */
export interface DevicesClient {
  list(venueId: string): Promise<Page<RegisteredDevice>>;
  /** Manager or admin. The answer carries the device's MQTT credentials: shown this once, keep them. */
  register(venueId: string, input: DeviceRegistration): Promise<DeviceRegistered>;
  /** The device with its status (online, last seen, last reading per metric) and its schedule, if set. */
  get(deviceId: string): Promise<DeviceDetail>;
  /**
   * Manager or admin. Removes the device: its credentials stop working on the broker and the push routes, its
   * messages are dropped, its open condition alerts are resolved, its binding can be registered again; its history
   * stays. Answers the device with `removedAt` (removing it again answers the same).
   */
  remove(deviceId: string): Promise<RegisteredDevice>;
  /** Sends the runs to the device (encoded as vendor commands by the server) and keeps them. */
  setSchedule(
    deviceId: string,
    runs: readonly ScheduledRun[],
    options?: DeviceScheduleOptions,
  ): Promise<DeviceScheduleSet>;
  readonly gateways: GatewaysClient;
}

export function createDevicesClient({ http }: ResourceContext): DevicesClient {
  const devices = (venueId: string) => `/v1/venues/${seg(venueId)}/devices`;
  const gateways = (venueId: string) => `/v1/venues/${seg(venueId)}/gateways`;
  const device = (id: string) => `/v1/devices/${seg(id)}`;
  return {
    list: (venueId) => http.call({ method: 'GET', path: devices(venueId) }),
    register: (venueId, input) => http.call({ method: 'POST', path: devices(venueId), body: input }),
    get: (deviceId) => http.call({ method: 'GET', path: device(deviceId) }),
    remove: (deviceId) => http.call({ method: 'DELETE', path: device(deviceId) }),
    setSchedule: (deviceId, runs, options) =>
      http.call({
        method: 'POST',
        path: `${device(deviceId)}/schedule`,
        body: { runs, ...(options?.channel ? { channel: options.channel } : {}) } satisfies DeviceScheduleInput,
      }),
    gateways: {
      list: (venueId) => http.call({ method: 'GET', path: gateways(venueId) }),
      create: (venueId, input) => http.call({ method: 'POST', path: gateways(venueId), body: input }),
    },
  };
}
