/**
 * The demo's live kitchen against a real server: the simulated devices are registered to the venue
 * once (kept across restarts with their secrets in the data dir), log in to the embedded broker with
 * their own credentials, report readings, and an incident (staff without a hat) opens violation alerts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeviceTestServer, eventually, startDeviceServer } from '../devices/test-support.js';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DEMO_DEVICES_FILE } from './demo-devices-file.js';
import { type LiveKitchen, startLiveKitchen } from './live-kitchen.js';

describe('the demo’s live kitchen', () => {
  let server: DeviceTestServer;
  let city: TestCity;
  let kitchen: LiveKitchen | undefined;

  beforeAll(async () => {
    server = await startDeviceServer('sqlite');
    city = await seedTestCity(server);
  });
  afterAll(async () => {
    await kitchen?.stop();
    await server?.close();
  });

  const start = () =>
    startLiveKitchen(server.app, {
      baseUrl: server.baseUrl,
      venueId: city.venues.school,
      // One simulated minute every 200 ms, and a missing hat from the first minute.
      speed: 300,
      tickMs: 200,
      cycle: [
        { from: 0, scenario: 'normal' },
        { from: 1, scenario: 'staff_without_hat' },
      ],
      cycleMinutes: 1000,
      seed: 11,
    });

  it('registers the kitchen’s devices to the venue and shows their live readings', async () => {
    kitchen = await start();
    expect(kitchen.deviceIds).toHaveLength(8);
    expect(existsSync(join(server.config.dataDir, DEMO_DEVICES_FILE))).toBe(true);
    const list = await server.request<{ items: { id: string; vendor: string }[] }>(
      `/v1/venues/${city.venues.school}/devices`,
      { token: city.manager.token },
    );
    expect(new Set(list.body.items.map((d) => d.vendor))).toEqual(
      new Set(['zigbee2mqtt', 'tasmota', 'shelly', 'frigate', 'hikvision-isapi']),
    );
    const fridge = list.body.items.find((d) => d.vendor === 'zigbee2mqtt');
    const reading = await eventually(async () => {
      const res = await server.request<{ status: { readings: Record<string, { value: number }> } }>(
        `/v1/devices/${fridge?.id}`,
        { token: city.manager.token },
      );
      return res.body.status.readings.temperature;
    });
    expect(reading.value).toBeGreaterThan(0);
    expect(reading.value).toBeLessThan(8);
  });

  it('opens violation alerts during the staff-without-hat incident, for the manager to acknowledge', async () => {
    const alert = await eventually(async () => {
      const res = await server.request<{ items: { id: string; type: string; source: string }[] }>(
        `/v1/alerts?venueId=${city.venues.school}`,
        { token: city.manager.token },
      );
      return res.body.items.find((a) => a.source === 'violation' && a.type === 'no_hat');
    }, 15_000);
    const ack = await server.request<{ state: string }>(`/v1/alerts/${alert.id}/ack`, {
      method: 'POST',
      token: city.manager.token,
      body: {},
    });
    expect(ack.status).toBe(200);
  });

  it('reuses the registered devices after a restart (no duplicates, same credentials)', async () => {
    const before = kitchen?.deviceIds ?? [];
    await kitchen?.stop();
    kitchen = await start();
    expect([...kitchen.deviceIds].sort()).toEqual([...before].sort());
    const rows = await server.database.db
      .selectFrom('devices')
      .select('id')
      .where('venue_id', '=', city.venues.school)
      .execute();
    expect(rows).toHaveLength(8);
    await eventually(() => kitchen !== undefined && kitchen.simulator.stats().published > 20);
    expect(kitchen.simulator.stats().failed).toBe(0);
  });
});
