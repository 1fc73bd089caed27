/** A UV lamp's or disinfection cabinet's preset runs: view them, change them, send them to the device. */
import type { IsoWeekday, ScheduledRun } from '@brightkitchen/sdk';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { errorText } from '../../lib/error-text';
import { runText, WEEKDAY_TEXT } from './device-view';
import { checkDraft, type DraftIssues, draftsOf, MAX_RUNS, NEW_RUN, type RunDraft, runsOf } from './schedule-draft';

interface Props {
  readonly deviceName: string;
  readonly runs: readonly ScheduledRun[];
  readonly save: (runs: ScheduledRun[]) => Promise<unknown>;
}

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

export function ScheduleEditor({ deviceName, runs, save }: Props) {
  const [drafts, setDrafts] = useState<RunDraft[] | null>(null);
  const [issues, setIssues] = useState<DraftIssues>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);

  if (!drafts) {
    return (
      <View className="schedule">
        <Text className="schedule-title">定时计划</Text>
        {runs.length === 0 ? <Text className="muted">未设置定时，设备不会自动开启</Text> : null}
        {runs.map((r) => (
          <Text key={`${r.time}-${r.durationMin}-${r.days?.join() ?? ''}`} className="schedule-run">
            {runText(r)}
          </Text>
        ))}
        {message ? <Text className={message.ok ? 'success-line' : 'field-message'}>{message.text}</Text> : null}
        <Button
          className="btn"
          aria-label={`修改${deviceName}的定时`}
          onClick={() => {
            setDrafts(draftsOf(runs));
            setIssues({});
            setMessage(null);
          }}
        >
          修改定时
        </Button>
      </View>
    );
  }

  const change = (i: number, patch: Partial<RunDraft>) => {
    const next = drafts.map((d, j) => (j === i ? { ...d, ...patch } : d));
    setDrafts(next);
    // Once a save was tried, messages follow the typing.
    if (Object.keys(issues).length > 0) setIssues(checkDraft(next));
  };

  async function submit(current: RunDraft[]) {
    const found = checkDraft(current);
    setIssues(found);
    if (Object.keys(found).length > 0) {
      setMessage({ text: `请按提示修改 ${Object.keys(found).length} 处后保存`, ok: false });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await save(runsOf(current));
      setDrafts(null);
      setMessage({ text: '定时已下发到设备', ok: true });
    } catch (error) {
      setMessage({ text: errorText(error).title, ok: false });
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="schedule" aria-label={`${deviceName}定时`}>
      <Text className="schedule-title">修改定时</Text>
      {drafts.length === 0 ? <Text className="muted">没有定时：保存后设备不会自动开启</Text> : null}
      {drafts.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a run has no identity but its place in the list.
        <View key={i} className="run-edit" data-run={i}>
          <View className="run-edit-row">
            <Picker mode="time" value={d.time} onChange={(e) => change(i, { time: String(e.detail.value) })}>
              <View className="picker run-time" aria-label={`第 ${i + 1} 段开启时间`}>
                <Text>{d.time || '选择时间'}</Text>
              </View>
            </Picker>
            <Input
              className="input run-duration"
              aria-label={`第 ${i + 1} 段时长（分钟）`}
              type="number"
              value={d.duration}
              placeholder="分钟"
              onInput={(e) => change(i, { duration: e.detail.value })}
            />
            <Text className="unit">分钟</Text>
          </View>
          <View className="chips weekday-chips" aria-label={`第 ${i + 1} 段星期`}>
            {WEEKDAYS.map((day) => {
              const on = d.days.includes(day);
              return (
                <View
                  key={day}
                  className={`chip weekday ${on ? 'chip-on' : ''}`}
                  aria-pressed={on}
                  onClick={() => change(i, { days: on ? d.days.filter((x) => x !== day) : [...d.days, day] })}
                >
                  <Text>{WEEKDAY_TEXT[day]}</Text>
                </View>
              );
            })}
          </View>
          {(['time', 'durationMin', 'days'] as const).map((f) =>
            issues[`runs.${i}.${f}`] ? (
              <View key={f} role="alert" className="field-message" data-field={`runs.${i}.${f}`}>
                <Text>{issues[`runs.${i}.${f}`]}</Text>
              </View>
            ) : null,
          )}
          <Text className="link run-remove" onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}>
            删除这一段
          </Text>
        </View>
      ))}
      {drafts.length < MAX_RUNS ? (
        <Button className="btn" onClick={() => setDrafts([...drafts, NEW_RUN])}>
          添加时段
        </Button>
      ) : (
        <Text className="muted">最多 {MAX_RUNS} 段</Text>
      )}
      {message ? <Text className="field-message">{message.text}</Text> : null}
      <View className="actions">
        <Button className="btn" disabled={busy} onClick={() => setDrafts(null)}>
          取消
        </Button>
        <Button className="btn btn-primary" disabled={busy} onClick={() => void submit(drafts)}>
          {busy ? '正在下发…' : '保存定时'}
        </Button>
      </View>
    </View>
  );
}
