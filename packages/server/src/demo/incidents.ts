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

/**
 * One cycle: no hat at minute 1–7, the fridge door open at 9–27, then calm. The fridge is above 8 ℃ at its first
 * reading after the door opens, and the critical alert follows once it stayed out of range for the raise delay
 * (10 min by the national rules, which ride out a door opened to take something out): at about minute 20.
 */
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

/** When the fridge door is open in a cycle (minutes), or undefined when the cycle has no such slot. */
export function fridgeDoorSlot(
  cycle: readonly IncidentSlot[] = DEMO_INCIDENT_CYCLE,
  cycleMinutes = DEMO_CYCLE_MINUTES,
): { readonly from: number; readonly to: number } | undefined {
  const at = cycle.findIndex((slot) => slot.scenario === 'fridge_door_open');
  const slot = cycle[at];
  if (!slot) return undefined;
  return { from: slot.from, to: cycle[at + 1]?.from ?? cycleMinutes };
}

/** Readings come every minute: the first one after the door opens is out of range. */
const FIRST_WARM_READING_MIN = 1;

/** The minute of the cycle by which the open door's critical alert is up (door open + first reading + delay). */
export function fridgeAlertMinute(raiseDelayMinutes: number, slot = fridgeDoorSlot()): number | undefined {
  return slot ? slot.from + FIRST_WARM_READING_MIN + raiseDelayMinutes : undefined;
}
