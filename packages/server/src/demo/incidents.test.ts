import { describe, expect, it } from 'vitest';
import { DEMO_CYCLE_MINUTES, demoScenarioAt } from './incidents.js';

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

  it('keeps the fridge door open long enough for the 10-minute raise delay', () => {
    const minutesOpen =
      Array.from({ length: DEMO_CYCLE_MINUTES * 10 }, (_, i) => i / 10).filter(
        (m) => demoScenarioAt(m) === 'fridge_door_open',
      ).length / 10;
    // 2 min until the fault, ≈ 3 min to pass 8 ℃, 10 min delay.
    expect(minutesOpen).toBeGreaterThanOrEqual(15);
  });
});
