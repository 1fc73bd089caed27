/**
 * The alert history's filters (state, kind, dates) as the page offers them, and the list query they make. Days are
 * the venue's local days: the server reads `from`/`to` days in the venue's zone.
 */
import type { AlertListQuery, AlertSource } from '@brightkitchen/sdk';

export type StateFilter = 'all' | 'unresolved' | 'resolved';
export type SourceFilter = 'all' | Exclude<AlertSource, 'system'>;
export type RangeFilter = 'all' | 'today' | 'week' | 'month';

export interface AlertFilters {
  readonly state: StateFilter;
  readonly source: SourceFilter;
  readonly range: RangeFilter;
}

/** Everything, newest first: resolved alerts stay in the history. */
export const DEFAULT_FILTERS: AlertFilters = { state: 'all', source: 'all', range: 'all' };

export const STATE_CHOICES: readonly (readonly [StateFilter, string])[] = [
  ['all', '全部'],
  ['unresolved', '待处理'],
  ['resolved', '已处理'],
];

export const SOURCE_CHOICES: readonly (readonly [SourceFilter, string])[] = [
  ['all', '全部类型'],
  ['sensor', '温度'],
  ['violation', 'AI 抓拍'],
  ['ledger', '台账'],
  ['device', '设备'],
  ['disinfection', '消毒'],
];

export const RANGE_CHOICES: readonly (readonly [RangeFilter, string])[] = [
  ['all', '全部日期'],
  ['today', '今天'],
  ['week', '近 7 天'],
  ['month', '近 30 天'],
];

/** What each source is called on a card. */
export const SOURCE_TEXT: Readonly<Record<AlertSource, string>> = {
  sensor: '温度',
  violation: 'AI 抓拍',
  ledger: '台账',
  device: '设备',
  disinfection: '消毒',
  system: '系统',
};

const DAYS: Readonly<Record<Exclude<RangeFilter, 'all'>, number>> = { today: 0, week: 6, month: 29 };

function daysBefore(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}

/** The list query of the filters for the venue, `today` being its local day. */
export function alertQuery(venueId: string, filters: AlertFilters, today: string, limit = 20): AlertListQuery {
  return {
    venueId,
    limit,
    ...(filters.state === 'all' ? {} : { state: filters.state }),
    ...(filters.source === 'all' ? {} : { source: filters.source }),
    ...(filters.range === 'all' ? {} : { from: daysBefore(today, DAYS[filters.range]) }),
  };
}

/** What an empty list says under these filters. */
export function emptyText(filters: AlertFilters): string {
  if (filters.state === 'unresolved' && filters.source === 'all' && filters.range === 'all') return '暂无待处理告警';
  if (filters.state === 'all' && filters.source === 'all' && filters.range === 'all') return '暂无告警';
  return '没有符合条件的告警';
}
