import { describe, expect, it } from 'vitest';
import { daysText, lastSeenText, presence, readingRows, runText } from './device-view';
import { checkDraft, draftsOf, runsOf } from './schedule-draft';

const at = '2024-05-01T10:00:00.000Z';
const r = (value: number, unit: string) => ({ value, unit, time: at });

describe('device view', () => {
  it('names readings by metric with units, numbers a metric read on several channels and hides radio quality', () => {
    expect(
      readingRows({
        'battery@devicepower:0': r(84, '%'),
        'temperature@0316A2791B6D': r(-19.14, '°C'),
        linkquality: r(120, 'lqi'),
        'switch@2': r(0, 'bool'),
        'switch@1': r(1, 'bool'),
        power: r(35.55, 'W'),
        door_open: r(1, 'bool'),
      }).map((row) => `${row.label} ${row.value}`),
    ).toEqual(['温度 -19.1 ℃', '电源 1 开', '电源 2 关', '功率 35.6 W', '柜门 开', '电量 84%']);
  });

  it('says whether a device is heard from and when', () => {
    const now = Date.parse(at);
    expect(presence({ online: true, lastSeenAt: at })).toEqual({ text: '在线', tone: 'ok' });
    expect(presence({ online: null, lastSeenAt: null }).text).toBe('尚未接入');
    expect(lastSeenText(at, now + 20_000)).toBe('刚刚上报');
    expect(lastSeenText(at, now + 45 * 60_000)).toBe('45 分钟前上报');
    expect(lastSeenText(at, now + 3 * 86_400_000, 'Asia/Shanghai')).toBe('最后上报于 2024-05-01');
    expect(lastSeenText(null, now)).toBe('从未上报');
  });

  it('reads schedules as sentences and checks a typed one field by field', () => {
    expect(runText({ time: '22:30', durationMin: 30 })).toBe('每天 22:30 开启 30 分钟');
    expect(daysText([6, 7])).toBe('周末');
    expect(daysText([3, 1])).toBe('每周一、三');
    const drafts = draftsOf([{ time: '06:00', durationMin: 20, days: [1, 2, 3, 4, 5] }]);
    expect(checkDraft(drafts)).toEqual({});
    expect(runsOf(drafts)).toEqual([{ time: '06:00', durationMin: 20, days: [1, 2, 3, 4, 5] }]);
    expect(checkDraft([{ time: '', duration: '1.5', days: [] }])).toEqual({
      'runs.0.time': '请选择开启时间',
      'runs.0.durationMin': '时长请填写 1–1440 之间的整数（分钟）',
      'runs.0.days': '请至少选择一天',
    });
  });
});
