/** Which venue `bk-server start` simulates (the demo operator's) and the banner line that says so. */
import { NATIONAL_PROFILE } from '@brightkitchen/sdk';
import type { DevicesConfig } from '../config.js';
import type { DemoAccount } from './accounts.js';
import { DEMO_CYCLE_MINUTES, fridgeAlertMinute, fridgeDoorSlot } from './incidents.js';

export function liveKitchenVenue(accounts: readonly DemoAccount[]): DemoAccount | undefined {
  return accounts.find((a) => a.role === 'operator_manager' && a.venueId);
}

export function liveKitchenNote(devices: DevicesConfig, accounts: readonly DemoAccount[]): string {
  const venue = liveKitchenVenue(accounts);
  if (!devices.simulator) return 'Simulated kitchen 模拟后厨: off (BK_SIMULATOR=0)';
  if (!devices.enabled || devices.mqttUrl) {
    return 'Simulated kitchen 模拟后厨: off (needs the embedded MQTT broker)';
  }
  if (!venue) return 'Simulated kitchen 模拟后厨: off (no demo operator venue)';
  const door = fridgeDoorSlot();
  const delay = NATIONAL_PROFILE.sensors.raiseDelayMinutes;
  const fridge = door
    ? ` and a fridge door left open at ${door.from}–${door.to} (its critical alert at about minute ` +
      `${fridgeAlertMinute(delay, door)}, once above 8 ℃ for the ${delay}-minute raise delay)`
    : '';
  return (
    `Simulated kitchen 模拟后厨: live devices at ${venue.venueName ?? venue.venueId} — ` +
    `a staff member without a hat at minute 1–7${fridge} of every ${DEMO_CYCLE_MINUTES}; ` +
    `log in as ${venue.login ?? 'the manager'} to see and acknowledge the alerts (BK_SIMULATOR=0 turns it off)`
  );
}
