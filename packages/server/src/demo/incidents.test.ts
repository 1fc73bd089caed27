import { KitchenModel } from '@brightkitchen/device-adapters/simulator';
import {
  initialThresholdState,
  NATIONAL_PROFILE,
  sensorThresholdsFromProfile,
  stepThreshold,
} from '@brightkitchen/sdk';
import { describe, expect, it } from 'vitest';
import type { DevicesConfig } from '../config.js';
import { DEMO_CYCLE_MINUTES, demoScenarioAt, fridgeAlertMinute, fridgeDoorSlot } from './incidents.js';
import { liveKitchenNote } from './live-kitchen-note.js';

describe('the demo kitchen’s incident cycle', () => {
  it('starts calm, then a missing hat, then an open fridge door, then calm again, and repeats', () => {
    expect(demoScenarioAt(0)).toBe('normal');
    expect(demoScenarioAt(1)).toBe('staff_without_hat');
    expect(demoScenarioAt(6.9)).toBe('staff_without_hat');
    expect(demoScenarioAt(7)).toBe('normal');
    expect(demoScenarioAt(9)).toBe('fridge_door_open');
    expect(demoScenarioAt(26.5)).toBe('fridge_door_open');
    expect(demoScenarioAt(30)).toBe('normal');
    expect(demoScenarioAt(DEMO_CYCLE_MINUTES + 2)).toBe('staff_without_hat');
    expect(demoScenarioAt(3 * DEMO_CYCLE_MINUTES + 10)).toBe('fridge_door_open');
  });

  it('raises the fridge’s critical alert one reading plus the raise delay after the door opens, as the banner says', () => {
    // The demo kitchen's fridge through the platform's threshold machine (national profile), minute by minute,
    // with the server's clock ticks in between.
    const thresholds = sensorThresholdsFromProfile(NATIONAL_PROFILE);
    const start = Date.parse('2024-06-10T02:00:00Z');
    const model = new KitchenModel({ seed: 7, startAt: start });
    let state = initialThresholdState('fridge', 'temperature', start);
    const raised: number[] = [];
    const cleared: number[] = [];
    const step = (input: Parameters<typeof stepThreshold>[1]) => {
      const next = stepThreshold(state, input, thresholds);
      state = next.state;
      for (const t of next.transitions) {
        const minute = (t.at - start) / 60_000;
        if (t.kind === 'raised') raised.push(minute);
        if (t.kind === 'cleared') cleared.push(minute);
      }
    };
    model.birth();
    for (let second = 1; second <= DEMO_CYCLE_MINUTES * 60; second++) {
      const at = start + second * 1000;
      model.setScenario(demoScenarioAt(second / 60));
      for (const message of model.advance(at)) {
        if (message.transport !== 'mqtt' || message.topic !== 'zigbee2mqtt/fridge_1') continue;
        const { temperature } = JSON.parse(message.payload) as { temperature: number };
        step({ time: new Date(message.at).toISOString(), value: temperature, metric: 'temperature' });
      }
      if (second % 15 === 0) step({ time: new Date(at).toISOString() });
    }
    const door = fridgeDoorSlot();
    const delay = NATIONAL_PROFILE.sensors.raiseDelayMinutes;
    expect(door).toEqual({ from: 9, to: 27 });
    expect(raised).toHaveLength(1);
    // Not the 25th minute it used to take (2 minutes before the door "opened", 3 to warm, then the delay).
    expect(raised[0]).toBe(fridgeAlertMinute(delay));
    expect(raised[0]).toBeLessThanOrEqual(9 + 1 + delay);
    // Up for a good while before the door closes and it clears.
    expect(cleared[0]).toBeGreaterThanOrEqual(27);
    expect((cleared[0] ?? 0) - (raised[0] ?? 0)).toBeGreaterThanOrEqual(6);
    const note = liveKitchenNote({ simulator: true, enabled: true } as DevicesConfig, [
      { role: 'operator_manager', name: '经理', venueId: 'v1', venueName: '一中食堂', login: 'manager' },
    ]);
    expect(note).toContain(`fridge door left open at 9–27 (its critical alert at about minute ${raised[0]}`);
  });
});
