/**
 * A Tasmota smart plug as far as the platform can tell: POWER commands, Timer1..16 schedules armed by
 * `Timers 1`, replies on `stat/<topic>/RESULT`. Pure: commands and minutes in, replies and switches out.
 */
import { localClock } from './local-time.js';

export interface TasmotaTimer {
  readonly Enable: number;
  readonly Mode?: number;
  readonly Time: string;
  readonly Days: string;
  readonly Repeat?: number;
  readonly Output?: number;
  readonly Action: number;
}

export interface PlugReply {
  readonly topic: string;
  readonly payload: string;
}

export class TasmotaPlug {
  on = false;
  armed = true;
  readonly timers = new Map<number, TasmotaTimer>();
  /** Epoch ms of the last minute whose timers were evaluated. */
  private lastMinute = -1;

  constructor(readonly topic: string) {}

  /** A `cmnd/<topic>/<Command>` message; answers what the plug would publish. */
  command(name: string, payload: string): PlugReply[] {
    const upper = name.toUpperCase();
    const result = (value: unknown) => ({ topic: `stat/${this.topic}/RESULT`, payload: JSON.stringify(value) });
    if (upper === 'POWER' || upper === 'POWER1') {
      const p = payload.trim().toUpperCase();
      if (p === 'ON' || p === '1') this.on = true;
      else if (p === 'OFF' || p === '0') this.on = false;
      else if (p === 'TOGGLE' || p === '2') this.on = !this.on;
      return [
        result({ POWER: this.on ? 'ON' : 'OFF' }),
        { topic: `stat/${this.topic}/POWER`, payload: this.on ? 'ON' : 'OFF' },
      ];
    }
    if (upper === 'TIMERS') {
      if (payload.trim() !== '') this.armed = payload.trim() === '1' || payload.trim().toUpperCase() === 'ON';
      return [result({ Timers: this.armed ? 'ON' : 'OFF' })];
    }
    const timer = /^TIMER(\d{1,2})$/.exec(upper);
    if (timer) {
      const index = Number(timer[1]);
      if (index < 1 || index > 16) return [result({ Command: 'Error' })];
      if (payload.trim() !== '') {
        try {
          const parsed = JSON.parse(payload) as Partial<TasmotaTimer>;
          this.timers.set(index, { ...(this.timers.get(index) ?? defaultTimer()), ...parsed });
        } catch {
          return [result({ Command: 'Error' })];
        }
      }
      return [result({ [`Timer${index}`]: this.timers.get(index) ?? defaultTimer() })];
    }
    return [result({ Command: 'Unknown' })];
  }

  /** Fires the timers due in (after the last call, up to) `epochMs`; true when the relay changed. */
  tick(epochMs: number, utcOffsetMinutes: number): boolean {
    const minute = Math.floor(epochMs / 60_000) * 60_000;
    if (this.lastMinute < 0) this.lastMinute = minute - 60_000;
    const before = this.on;
    for (let at = this.lastMinute + 60_000; at <= minute; at += 60_000) this.fire(at, utcOffsetMinutes);
    this.lastMinute = Math.max(this.lastMinute, minute);
    return before !== this.on;
  }

  private fire(at: number, utcOffsetMinutes: number) {
    if (!this.armed) return;
    const { minutes, weekday } = localClock(at, utcOffsetMinutes);
    for (const timer of [...this.timers.entries()].sort(([a], [b]) => a - b).map(([, t]) => t)) {
      if (timer.Enable !== 1 || (timer.Output ?? 1) !== 1) continue;
      const [hh, mm] = timer.Time.split(':').map(Number);
      if (hh === undefined || mm === undefined || hh * 60 + mm !== minutes) continue;
      // Days is Sunday first: SMTWTFS.
      if (timer.Days.length === 7 && timer.Days[weekday % 7] !== '1') continue;
      this.on = timer.Action === 2 ? !this.on : timer.Action === 1;
    }
  }
}

function defaultTimer(): TasmotaTimer {
  return { Enable: 0, Mode: 0, Time: '00:00', Days: '0000000', Repeat: 0, Output: 1, Action: 0 };
}
