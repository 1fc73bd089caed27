import { fromLocalTime } from '@brightkitchen/sdk';
import { describe, expect, it } from 'vitest';
import { dueOccurrences } from './schedule-occurrences.js';

const TZ = 'Asia/Shanghai';
const MIN = 60_000;
const local = (text: string) => fromLocalTime(text, TZ).valueOf();
const iso = (ms: number) => new Date(ms).toISOString();

describe('due occurrences of preset runs', () => {
  const runs = [{ time: '22:30', durationMin: 30 }];

  it('is due once its start plus the grace has passed, in the venue’s zone', () => {
    const window = { from: local('2030-05-06T22:00:00'), notBefore: 0 };
    expect(dueOccurrences(runs, TZ, { ...window, to: local('2030-05-06T22:39:59') }, 10 * MIN)).toEqual([]);
    const due = dueOccurrences(runs, TZ, { ...window, to: local('2030-05-06T22:40:00') }, 10 * MIN);
    expect(due.map((o) => iso(o.startsAt))).toEqual(['2030-05-06T14:30:00.000Z']);
  });

  it('honours ISO weekdays, ignores runs set after their start, and looks back one day at most', () => {
    // 2030-05-06 is a Monday.
    const weekdays = [{ time: '22:30', durationMin: 30, days: [2, 3] as (2 | 3)[] }];
    const evening = (day: string) => ({ from: local(`${day}T22:00:00`), to: local(`${day}T23:00:00`), notBefore: 0 });
    const dueOn = (day: string, notBefore = 0) =>
      dueOccurrences(weekdays, TZ, { ...evening(day), notBefore }, 10 * MIN).map((o) => iso(o.startsAt));
    expect(dueOn('2030-05-06')).toEqual([]);
    expect(dueOn('2030-05-07')).toEqual(['2030-05-07T14:30:00.000Z']);
    expect(dueOn('2030-05-08')).toEqual(['2030-05-08T14:30:00.000Z']);
    expect(dueOn('2030-05-08', local('2030-05-08T22:35:00'))).toEqual([]);
    const longStop = { from: local('2030-04-01T00:00:00'), to: local('2030-05-09T00:00:00'), notBefore: 0 };
    expect(dueOccurrences(runs, TZ, longStop, 10 * MIN)).toHaveLength(1);
  });
});
