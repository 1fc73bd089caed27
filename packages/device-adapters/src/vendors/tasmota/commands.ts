/**
 * Platform commands → Tasmota commands: `cmnd/<topic>/POWER[n]` ON/OFF, and a schedule as Timer pairs
 * (Action 1 on at the start, Action 0 off after the duration; a run crossing midnight switches off on the
 * next day). Unused timers are disabled so an old schedule never lingers; `Timers 1` arms them.
 */
import {
  ALL_WEEKDAYS,
  type CommandTarget,
  type DeviceCommand,
  type EncodedMessage,
  type EncodeResult,
  encoded,
  encodeRejected,
  type IsoWeekday,
  minutesOfDay,
  scheduleIssue,
  timeOfDay,
} from '@brightkitchen/sdk';

const TIMER_COUNT = 16;

export function encodeTasmotaCommand(command: DeviceCommand, target: CommandTarget): EncodeResult {
  const output = command.channel === undefined ? 1 : Number(command.channel);
  if (!Number.isInteger(output) || output < 1 || output > 8) {
    return encodeRejected('ADAPTER_INVALID_VALUE', { field: 'channel', value: String(command.channel) });
  }
  const cmnd = (name: string, payload: string): EncodedMessage => ({
    topic: `cmnd/${target.deviceId}/${name}`,
    payload,
  });
  if (command.type === 'power') {
    return encoded([cmnd(command.channel === undefined ? 'POWER' : `POWER${output}`, command.on ? 'ON' : 'OFF')]);
  }
  const issue = scheduleIssue(command.runs);
  if (issue) return encodeRejected('ADAPTER_INVALID_VALUE', issue);
  if (command.runs.length * 2 > TIMER_COUNT) {
    return encodeRejected('ADAPTER_UNSUPPORTED_COMMAND', {
      reason: 'at most 8 runs (16 timers)',
      runs: command.runs.length,
    });
  }
  const messages: EncodedMessage[] = [];
  let timer = 1;
  for (const run of command.runs) {
    const start = minutesOfDay(run.time)!;
    const end = start + run.durationMin;
    const days = run.days ?? ALL_WEEKDAYS;
    const offDays = end >= 1440 ? days.map((d) => ((d % 7) + 1) as IsoWeekday) : days;
    messages.push(cmnd(`Timer${timer++}`, timerJson(timeOfDay(start), days, output, 1)));
    messages.push(cmnd(`Timer${timer++}`, timerJson(timeOfDay(end), offDays, output, 0)));
  }
  while (timer <= TIMER_COUNT) messages.push(cmnd(`Timer${timer++}`, JSON.stringify({ Enable: 0 })));
  messages.push(cmnd('Timers', '1'));
  return encoded(messages);
}

/** Tasmota `Days` is `SMTWTFS`, Sunday first. */
function daysMask(days: readonly IsoWeekday[]): string {
  const mask = ['0', '0', '0', '0', '0', '0', '0'];
  for (const day of days) mask[day % 7] = '1';
  return mask.join('');
}

function timerJson(time: string, days: readonly IsoWeekday[], output: number, action: 0 | 1): string {
  return JSON.stringify({
    Enable: 1,
    Mode: 0,
    Time: time,
    Window: 0,
    Days: daysMask(days),
    Repeat: 1,
    Output: output,
    Action: action,
  });
}
