/**
 * The schedule as typed on the phone (text fields) and its check before anything is sent: each problem is named
 * at its field, in Chinese. The server and the device adapter check again (`scheduleIssue`).
 */
import { ALL_WEEKDAYS, type IsoWeekday, minutesOfDay, SCHEDULE_LIMITS, type ScheduledRun } from '@brightkitchen/sdk';

/** The server keeps at most this many runs (the SDK's schedule limits). */
export const MAX_RUNS = SCHEDULE_LIMITS.maxRuns;
const { minDurationMin, maxDurationMin } = SCHEDULE_LIMITS;

export interface RunDraft {
  readonly time: string;
  readonly duration: string;
  readonly days: readonly IsoWeekday[];
}

export type DraftIssues = Readonly<Record<string, string>>;

export function draftsOf(runs: readonly ScheduledRun[]): RunDraft[] {
  return runs.map((r) => ({ time: r.time, duration: String(r.durationMin), days: r.days ?? ALL_WEEKDAYS }));
}

/** A new run: UV lamps usually run after closing, for half an hour. */
export const NEW_RUN: RunDraft = { time: '22:00', duration: '30', days: ALL_WEEKDAYS };

/** Issues keyed `runs.{i}.time` / `runs.{i}.durationMin` / `runs.{i}.days`; empty when the draft can be sent. */
export function checkDraft(drafts: readonly RunDraft[]): DraftIssues {
  const issues: Record<string, string> = {};
  drafts.forEach((d, i) => {
    if (minutesOfDay(d.time) === undefined) issues[`runs.${i}.time`] = '请选择开启时间';
    const minutes = Number(d.duration);
    if (!/^\d+$/.test(d.duration.trim()) || minutes < minDurationMin || minutes > maxDurationMin)
      issues[`runs.${i}.durationMin`] = `时长请填写 ${minDurationMin}–${maxDurationMin} 之间的整数（分钟）`;
    if (d.days.length === 0) issues[`runs.${i}.days`] = '请至少选择一天';
  });
  return issues;
}

/** The runs to send; call after `checkDraft` found nothing. Every day is sent as no `days`. */
export function runsOf(drafts: readonly RunDraft[]): ScheduledRun[] {
  return drafts.map((d) => ({
    time: d.time,
    durationMin: Number(d.duration),
    ...(d.days.length === 7 ? {} : { days: [...d.days].sort((a, b) => a - b) }),
  }));
}
