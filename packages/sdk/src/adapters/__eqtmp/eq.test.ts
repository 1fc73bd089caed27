import fc from 'fast-check';
import { expect, it } from 'vitest';
import { eventTime as next } from '/work/main/packages/sdk/src/adapters/event-time.ts';
import { eventTime as old } from './event-time-old.ts';
const run = (f: typeof old, v: unknown, tz: string) => { try { return f(v, tz); } catch (e) { return `throws ${(e as Error).name}`; } };
const zones = ['Asia/Shanghai', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'Europe/London', 'Nope/Zone'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
it('same as the dayjs formatting', () => {
  const epoch = fc.oneof(fc.integer({ min: -1e13, max: 3e14 }), fc.double({ min: -1e10, max: 3e14 }), fc.integer({ min: 1, max: 1e11 }), fc.constantFrom(0, 1, 253402300799000, 253402300799001, 253402214400000));
  const text = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('', '.5', '.123', '.000', '.123456789', '.1234'), fc.constantFrom('Z', 'z', '+08:00', '-05:30', '+0800', '+14:59', '-00:00', '', '+08'), fc.constantFrom('T', ' '))
    .map(([y, mo, d, h, mi, s, f, z, sep]) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}:${pad(s)}${f}${z}`);
  fc.assert(fc.property(fc.oneof(epoch, text, epoch.map(String)), fc.constantFrom(...zones), (v, tz) => {
    expect(run(next, v, tz)).toBe(run(old, v, tz));
  }), { numRuns: 20000 });
});
