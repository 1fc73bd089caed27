/**
 * Is a device still there? Two signals beyond what devices say themselves (LWT, availability):
 * - its broker connection (embedded broker): dropped and not back within the grace → offline;
 * - silence: devices that report periodically (Tasmota telemetry, GB/T 28181 keepalive) and have no
 *   sensor threshold of their own (those have SENSOR_SILENT) → offline after the vendor's timeout.
 * Pure bookkeeping: the runtime feeds it and opens/clears the DEVICE_OFFLINE alerts it reports.
 */
import type { DeviceEntry } from '../../devices/device.js';

const MIN = 60_000;

/** Vendors that report on a period, and how long a silence means "gone" (≈ 3 periods). */
export const VENDOR_SILENCE_MS: Readonly<Record<string, number>> = {
  tasmota: 15 * MIN,
  gb28181: 5 * MIN,
};

export interface PresenceOptions {
  /** A dropped connection must stay dropped this long before it is an alert (reconnects, restarts). */
  readonly graceMs: number;
  /** The silence timeout of a device, or undefined when silence says nothing about it. */
  readonly silenceMsOf: (entry: DeviceEntry) => number | undefined;
}

export type PresenceChange =
  | { readonly kind: 'disconnected'; readonly deviceId: string; readonly since: number }
  | { readonly kind: 'silent'; readonly deviceId: string; readonly lastSeenAt: number; readonly silenceMs: number }
  | { readonly kind: 'heard_again'; readonly deviceId: string };

export class PresenceWatch {
  private readonly connections = new Map<string, number>();
  private readonly droppedSince = new Map<string, number>();
  /** Devices reported silent, with the last-seen time they were silent since. */
  private readonly silent = new Map<string, number>();
  private watchingSince: number | undefined;

  constructor(private readonly options: PresenceOptions) {}

  /** A broker connection of the device opened; true when it was not connected before. */
  connected(deviceId: string): boolean {
    const count = (this.connections.get(deviceId) ?? 0) + 1;
    this.connections.set(deviceId, count);
    this.droppedSince.delete(deviceId);
    return count === 1;
  }

  /** A broker connection of the device closed; true when none is left. */
  disconnected(deviceId: string, at: number): boolean {
    const count = Math.max(0, (this.connections.get(deviceId) ?? 0) - 1);
    if (count > 0) {
      this.connections.set(deviceId, count);
      return false;
    }
    this.connections.delete(deviceId);
    this.droppedSince.set(deviceId, at);
    return true;
  }

  isConnected(deviceId: string): boolean {
    return (this.connections.get(deviceId) ?? 0) > 0;
  }

  /**
   * What changed by `now`: connections dropped for longer than the grace, devices silent past their
   * timeout (`lastSeenAt` undefined: never heard since the watch began), silent ones heard again.
   */
  check(
    now: number,
    entries: Iterable<DeviceEntry>,
    lastSeenAt: (deviceId: string) => number | undefined,
  ): PresenceChange[] {
    this.watchingSince ??= now;
    const out: PresenceChange[] = [];
    for (const [deviceId, since] of this.droppedSince) {
      if (now - since < this.options.graceMs) continue;
      this.droppedSince.delete(deviceId);
      out.push({ kind: 'disconnected', deviceId, since });
    }
    for (const entry of entries) {
      if (entry.disabled) continue;
      const silenceMs = this.options.silenceMsOf(entry);
      if (silenceMs === undefined) continue;
      const id = entry.device.id;
      const seen = lastSeenAt(id) ?? this.watchingSince;
      const silentSince = this.silent.get(id);
      if (silentSince !== undefined) {
        if (seen > silentSince) {
          this.silent.delete(id);
          out.push({ kind: 'heard_again', deviceId: id });
        }
        continue;
      }
      if (now - seen >= silenceMs) {
        this.silent.set(id, seen);
        out.push({ kind: 'silent', deviceId: id, lastSeenAt: seen, silenceMs });
      }
    }
    return out;
  }
}
