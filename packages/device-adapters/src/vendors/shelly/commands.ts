/**
 * Platform commands → Shelly Gen2 RPC on `<device>/rpc`: `Switch.Set`, and a schedule as one cron job per
 * run that switches on with `toggle_after` (the run's duration), after clearing the old jobs.
 */
import {
  ALL_WEEKDAYS,
  type CommandTarget,
  type DeviceCommand,
  type EncodeResult,
  encoded,
  encodeRejected,
  minutesOfDay,
  scheduleIssue,
} from '@brightkitchen/sdk';

const CRON_DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export function encodeShellyCommand(command: DeviceCommand, target: CommandTarget): EncodeResult {
  const id = command.channel === undefined ? 0 : Number(command.channel.replace(/^switch:/, ''));
  if (!Number.isInteger(id) || id < 0 || id > 15) return encodeRejected('ADAPTER_INVALID_VALUE', { field: 'channel' });
  const topic = `${target.deviceId}/rpc`;
  let rpcId = 1;
  const rpc = (method: string, params: Record<string, unknown>) => ({
    topic,
    payload: JSON.stringify({ id: rpcId++, src: 'brightkitchen', method, params }),
  });
  if (command.type === 'power') return encoded([rpc('Switch.Set', { id, on: command.on })]);
  const issue = scheduleIssue(command.runs);
  if (issue) return encodeRejected('ADAPTER_INVALID_VALUE', issue);
  const messages = [rpc('Schedule.DeleteAll', {})];
  for (const run of command.runs) {
    const start = minutesOfDay(run.time)!;
    const days = (run.days ?? ALL_WEEKDAYS).map((d) => CRON_DAYS[d % 7]).join(',');
    messages.push(
      rpc('Schedule.Create', {
        enable: true,
        timespec: `0 ${start % 60} ${Math.floor(start / 60)} * * ${days}`,
        calls: [{ method: 'Switch.Set', params: { id, on: true, toggle_after: run.durationMin * 60 } }],
      }),
    );
  }
  return encoded(messages);
}
