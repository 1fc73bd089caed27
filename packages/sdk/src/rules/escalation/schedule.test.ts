import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ESCALATION_POLICY as policy } from './policy.js';
import {
  type DueNotification,
  dueNotifications,
  type EscalatingAlert,
  nextDueAt,
  type SentNotification,
} from './schedule.js';

const MIN = 60_000;
const T0 = Date.parse('2024-06-01T02:00:00Z');
const critical: EscalatingAlert = { severity: 'critical', state: 'open', openedAt: '2024-06-01T10:00:00+08:00' };

/** Polls every minute from T0 up to `minutes`, sending whatever is due, as a dispatcher would. */
function simulate(alert: (minute: number) => EscalatingAlert, minutes: number, every = 1): DueNotification[] {
  const log: DueNotification[] = [];
  for (let m = 0; m <= minutes; m += every) log.push(...dueNotifications(alert(m), log, policy, T0 + m * MIN));
  return log;
}

describe('dueNotifications', () => {
  it('notifies the manager at once, then nothing more at the same instant', () => {
    const first = dueNotifications(critical, [], policy, T0);
    expect(first).toEqual([{ repeat: 0, level: 'manager', dueAt: T0 }]);
    expect(dueNotifications(critical, first, policy, T0)).toEqual([]);
    expect(dueNotifications(critical, first, policy, T0 + 4 * MIN)).toEqual([]);
  });

  it('repeats a critical alert every 5 min and escalates to the venue head after 3, the regulator after 6', () => {
    const log = simulate(() => critical, 40);
    expect(log.map((n) => [n.repeat, n.level, (n.dueAt - T0) / MIN])).toEqual([
      [0, 'manager', 0],
      [1, 'manager', 5],
      [2, 'manager', 10],
      [3, 'venue_head', 15],
      [4, 'venue_head', 20],
      [5, 'venue_head', 25],
      [6, 'regulator', 30],
      [7, 'regulator', 35],
      [8, 'regulator', 40],
    ]);
  });

  it('stops reminding while an acknowledgement holds, then restarts and keeps escalating', () => {
    const ackAt = new Date(T0 + 7 * MIN).toISOString();
    const alert = (m: number): EscalatingAlert =>
      m >= 7 ? { ...critical, state: 'acknowledged', acknowledgedAt: ackAt } : critical;
    const log = simulate(alert, 50);
    expect(log.map((n) => [n.repeat, n.level, (n.dueAt - T0) / MIN])).toEqual([
      [0, 'manager', 0],
      [1, 'manager', 5],
      [2, 'manager', 37],
      [3, 'venue_head', 42],
      [4, 'venue_head', 47],
    ]);
  });

  it('sends nothing once resolved', () => {
    expect(dueNotifications({ ...critical, state: 'resolved' }, [], policy, T0 + 60 * MIN)).toEqual([]);
    expect(nextDueAt({ ...critical, state: 'resolved' }, [], policy)).toBeUndefined();
  });

  it('collapses missed reminders into the latest one, at the level elapsed time has reached', () => {
    const log: SentNotification[] = [{ repeat: 0, dueAt: T0 }];
    expect(dueNotifications(critical, log, policy, T0 + 33 * MIN)).toEqual([
      { repeat: 6, level: 'regulator', dueAt: T0 + 30 * MIN },
    ]);
  });

  it('notifies an info alert once and a warning at most 12 more times', () => {
    const info = { ...critical, severity: 'info' as const };
    expect(simulate(() => info, 120)).toHaveLength(1);
    expect(nextDueAt(info, [{ repeat: 0, dueAt: T0 }], policy)).toBeUndefined();
    const warning = simulate(() => ({ ...critical, severity: 'warning' }), 600, 7);
    expect(warning.at(-1)).toMatchObject({ repeat: 12, level: 'venue_head' });
    expect(warning.length).toBeLessThanOrEqual(13);
  });

  it('tells the scheduler when the next notification falls due', () => {
    expect(nextDueAt(critical, [], policy)).toBe(T0);
    expect(nextDueAt(critical, [{ repeat: 2, dueAt: T0 + 10 * MIN }], policy)).toBe(T0 + 15 * MIN);
    const acked: EscalatingAlert = {
      ...critical,
      state: 'acknowledged',
      acknowledgedAt: new Date(T0 + 12 * MIN).toISOString(),
    };
    expect(nextDueAt(acked, [{ repeat: 2, dueAt: T0 + 10 * MIN }], policy)).toBe(T0 + 42 * MIN);
  });

  it('never sends the same reminder twice, however often the dispatcher polls', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 * MIN }), { minLength: 1, maxLength: 60 }), (offsets) => {
        const polls = [...offsets, ...offsets].sort((a, b) => a - b);
        const log: DueNotification[] = [];
        for (const p of polls) log.push(...dueNotifications(critical, log, policy, T0 + p));
        const repeats = log.map((n) => n.repeat);
        expect(new Set(repeats).size).toBe(repeats.length);
        expect(repeats).toEqual([...repeats].sort((a, b) => a - b));
        for (const n of log) expect(n.dueAt).toBe(T0 + n.repeat * 5 * MIN);
      }),
    );
  });
});
