/**
 * How a device reads on the phone: presence, when it was last heard, its last readings with units, and its preset
 * runs. Pure: values in, Chinese text out.
 */
import {
  type DeviceStatus,
  type IsoWeekday,
  type LastReading,
  type LocationKind,
  localDay,
  type ScheduledRun,
} from '@brightkitchen/sdk';

/** The devices whose preset runs the operator sets here (the server sends them as vendor commands). */
export const SCHEDULED_KINDS: readonly LocationKind[] = ['uv_lamp', 'disinfection_cabinet'];

export const hasSchedule = (locationKind: LocationKind): boolean => SCHEDULED_KINDS.includes(locationKind);

export type Tone = 'ok' | 'bad' | 'idle';

export function presence(status: Pick<DeviceStatus, 'online' | 'lastSeenAt'>): { text: string; tone: Tone } {
  if (status.online === true) return { text: '在线', tone: 'ok' };
  if (status.online === false) return { text: '离线', tone: 'bad' };
  return status.lastSeenAt ? { text: '在线状态未知', tone: 'idle' } : { text: '尚未接入', tone: 'idle' };
}

/** "刚刚", "5 分钟前", "3 小时前", or the day in the venue's zone. */
export function lastSeenText(at: string | null, now: number, timeZone?: string): string {
  if (!at) return '从未上报';
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return '从未上报';
  const minutes = Math.floor((now - ms) / 60_000);
  if (minutes < 1) return '刚刚上报';
  if (minutes < 60) return `${minutes} 分钟前上报`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时前上报`;
  return `最后上报于 ${localDay(ms, timeZone)}`;
}

const METRIC_TEXT: Readonly<Record<string, string>> = {
  temperature: '温度',
  humidity: '湿度',
  dew_point: '露点',
  power: '功率',
  energy: '累计用电',
  energy_today: '今日用电',
  body_temperature: '体温',
  voltage: '电压',
  current: '电流',
  battery: '电量',
  door_open: '柜门',
  switch: '电源',
  uv_on: '紫外线灯',
  co2: '二氧化碳',
  pressure: '气压',
  illuminance: '照度',
};
/** Most telling first; the rest after, by name. */
const METRIC_ORDER = ['temperature', 'humidity', 'switch', 'uv_on', 'power', 'door_open', 'energy', 'battery'];
/** On/off metrics: their value is 1 or 0 whatever the unit says. */
const ON_OFF: Readonly<Record<string, readonly [on: string, off: string]>> = {
  switch: ['开', '关'],
  uv_on: ['开', '关'],
  door_open: ['开', '关'],
};
/** Radio link quality says nothing to a kitchen. */
const HIDDEN = new Set(['linkquality']);

/** Units as the app writes them in Chinese: ℃ everywhere a person reads a temperature (devices report `°C`). */
const SHOWN_UNITS: Readonly<Record<string, string>> = { '°C': '℃' };

function formatNumber(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export function readingValue(metric: string, reading: LastReading): string {
  const onOff = ON_OFF[metric] ?? (reading.unit === 'bool' ? (['是', '否'] as const) : undefined);
  if (onOff) return reading.value ? onOff[0] : onOff[1];
  const unit = reading.unit === '' ? '' : reading.unit === '%' ? '%' : ` ${SHOWN_UNITS[reading.unit] ?? reading.unit}`;
  return `${formatNumber(reading.value)}${unit}`;
}

export interface ReadingRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

/**
 * The status keys a reading by `metric` or `metric@channel` (a relay's output, a sensor's serial): the channel
 * means nothing in a kitchen, so a metric read on several channels is numbered instead ("温度 1", "温度 2").
 */
export function readingRows(readings: Readonly<Record<string, LastReading>>): ReadingRow[] {
  const rank = (m: string) => {
    const i = METRIC_ORDER.indexOf(m);
    return i < 0 ? METRIC_ORDER.length : i;
  };
  const entries = Object.keys(readings)
    .map((key) => ({ key, metric: key.split('@')[0] ?? key, reading: readings[key] as LastReading }))
    .filter((e) => !HIDDEN.has(e.metric))
    .sort((a, b) => rank(a.metric) - rank(b.metric) || a.metric.localeCompare(b.metric) || a.key.localeCompare(b.key));
  const perMetric = new Map<string, number>();
  for (const e of entries) perMetric.set(e.metric, (perMetric.get(e.metric) ?? 0) + 1);
  const seen = new Map<string, number>();
  return entries.map(({ key, metric, reading }) => {
    const n = (seen.get(metric) ?? 0) + 1;
    seen.set(metric, n);
    const text = METRIC_TEXT[metric] ?? metric;
    return {
      key,
      label: (perMetric.get(metric) ?? 1) > 1 ? `${text} ${n}` : text,
      value: readingValue(metric, reading),
    };
  });
}

export const WEEKDAY_TEXT: Readonly<Record<IsoWeekday, string>> = {
  1: '一',
  2: '二',
  3: '三',
  4: '四',
  5: '五',
  6: '六',
  7: '日',
};

export function daysText(days: readonly IsoWeekday[] | undefined): string {
  if (!days || days.length === 0 || days.length === 7) return '每天';
  const sorted = [...days].sort((a, b) => a - b);
  if (sorted.join() === '1,2,3,4,5') return '工作日';
  if (sorted.join() === '6,7') return '周末';
  return `每周${sorted.map((d) => WEEKDAY_TEXT[d]).join('、')}`;
}

/** "每天 22:30 开启 30 分钟". */
export function runText(run: ScheduledRun): string {
  return `${daysText(run.days)} ${run.time} 开启 ${run.durationMin} 分钟`;
}
