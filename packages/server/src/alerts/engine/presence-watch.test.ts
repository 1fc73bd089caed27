import { describe, expect, it } from 'vitest';
import type { DeviceEntry } from '../../devices/device.js';
import { PresenceWatch } from './presence-watch.js';

const MIN = 60_000;
const entry = (id: string, vendor: string): DeviceEntry =>
  ({
    device: { id, vendor },
    venueId: 'v',
    locationKind: 'uv_lamp',
    bindingKey: id,
    secretHash: '',
    disabled: false,
  }) as unknown as DeviceEntry;

describe('presence watch', () => {
  it('reports a dropped connection only after the grace, and not when another connection remains', () => {
    const watch = new PresenceWatch({ graceMs: MIN, silenceMsOf: () => undefined });
    expect(watch.connected('a')).toBe(true);
    expect(watch.connected('a')).toBe(false);
    expect(watch.disconnected('a', 0)).toBe(false);
    expect(watch.check(5 * MIN, [], () => undefined)).toEqual([]);
    expect(watch.disconnected('a', 10 * MIN)).toBe(true);
    expect(watch.check(10 * MIN + MIN - 1, [], () => undefined)).toEqual([]);
    expect(watch.check(11 * MIN, [], () => undefined)).toEqual([
      { kind: 'disconnected', deviceId: 'a', since: 10 * MIN },
    ]);
    expect(watch.check(12 * MIN, [], () => undefined)).toEqual([]);
  });

  it('reports silence past the vendor timeout once, and the device heard again', () => {
    const watch = new PresenceWatch({
      graceMs: MIN,
      silenceMsOf: (e) => (e.device.vendor === 'tasmota' ? 15 * MIN : undefined),
    });
    const devices = [entry('plug', 'tasmota'), entry('cam', 'hikvision-isapi')];
    const seen = new Map<string, number>([['plug', 0]]);
    const last = (id: string) => seen.get(id);
    expect(watch.check(14 * MIN, devices, last)).toEqual([]);
    expect(watch.check(15 * MIN, devices, last)).toEqual([
      { kind: 'silent', deviceId: 'plug', lastSeenAt: 0, silenceMs: 15 * MIN },
    ]);
    expect(watch.check(20 * MIN, devices, last)).toEqual([]);
    seen.set('plug', 21 * MIN);
    expect(watch.check(21 * MIN, devices, last)).toEqual([{ kind: 'heard_again', deviceId: 'plug' }]);
  });
});
