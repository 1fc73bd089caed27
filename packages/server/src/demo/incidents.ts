/**
 * The demo kitchen's incident cycle (pure): mostly `normal`, with a staff member without a hat and
 * then a fridge door left open, so a newcomer sees violation and temperature alerts appear (and clear)
 * within minutes of starting. Times are minutes since the simulator started.
 */
import type { ScenarioName } from '@brightkitchen/device-adapters/simulator';

export interface IncidentSlot {
  /** Minutes into the cycle at which the slot begins. */
  readonly from: number;
  readonly scenario: ScenarioName;
}

/** One cycle: no hat at minute 1–7, the fridge door open at 9–27 (an alert ≈ 15 min in), then calm. */
export const DEMO_INCIDENT_CYCLE: readonly IncidentSlot[] = [
  { from: 0, scenario: 'normal' },
  { from: 1, scenario: 'staff_without_hat' },
  { from: 7, scenario: 'normal' },
  { from: 9, scenario: 'fridge_door_open' },
  { from: 27, scenario: 'normal' },
];
export const DEMO_CYCLE_MINUTES = 36;

/** The scenario the demo kitchen is in `minutes` after its start. */
export function demoScenarioAt(
  minutes: number,
  cycle: readonly IncidentSlot[] = DEMO_INCIDENT_CYCLE,
  cycleMinutes = DEMO_CYCLE_MINUTES,
): ScenarioName {
  const m = ((minutes % cycleMinutes) + cycleMinutes) % cycleMinutes;
  let current: ScenarioName = 'normal';
  for (const slot of cycle) if (slot.from <= m) current = slot.scenario;
  return current;
}
