/**
 * What a consumer reads on the venue page, as plain sentences: "晨检 8/8 人合格", "餐具已消毒 3 次", "今日留样 6 份".
 * Pure: profile parts in, Chinese text out.
 */
import {
  type LedgersToday,
  LICENCE_STATUSES,
  type LicenceStatus,
  type ListKind,
  VIOLATION_LABELS,
  type ViolationCounts,
  type ViolationType,
} from '@brightkitchen/sdk';

export function ledgerStatements(today: LedgersToday): string[] {
  const k = today.kinds;
  const out: string[] = [];
  const m = k.morning_check;
  out.push(m && m.done > 0 ? `晨检 ${m.fit}/${m.done} 人合格` : '今日尚未晨检');
  const t = k.tableware_disinfection;
  out.push(t && t.done > 0 ? `餐具已消毒 ${t.done} 次` : '今日餐具尚未消毒登记');
  const s = k.sample_retention;
  out.push(s && s.done > 0 ? `今日留样 ${s.done} 份` : '今日尚未留样');
  const p = k.purchase_inspection;
  if (p && p.done > 0) out.push(`进货查验 ${p.done} 批`);
  const a = k.air_disinfection;
  if (a && a.done > 0) out.push(`专间空气消毒 ${a.done} 次`);
  const meal = k.accompanying_meal;
  if (meal && meal.done > 0) out.push(`负责人陪餐 ${meal.done} 次`);
  return out;
}

/** "近 7 天 AI 抓拍 3 次：未戴口罩 2 次、玩手机 1 次", or that there were none. */
export function violationStatement(counts: ViolationCounts, days: number): string {
  const entries = Object.entries(counts).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0);
  if (entries.length === 0) return `近 ${days} 天无 AI 抓拍违规`;
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const parts = entries
    .sort((a, b) => b[1] - a[1])
    .map(([type, n]) => `${VIOLATION_LABELS[type as ViolationType]?.zh ?? '其他'} ${n} 次`);
  return `近 ${days} 天 AI 抓拍 ${total} 次：${parts.join('、')}`;
}

export const LICENCE_STATUS_TEXT: Readonly<Record<LicenceStatus, string>> = {
  valid: '许可证有效',
  expiring: '许可证即将到期',
  expired: '许可证已过期',
};

export function licenceText(status: LicenceStatus): string {
  return LICENCE_STATUSES.includes(status) ? LICENCE_STATUS_TEXT[status] : '许可证状态未知';
}

export const LIST_BADGE_TEXT: Readonly<Record<ListKind, string>> = { red: '红榜单位', black: '黑榜单位' };

/** "满意度 92%（25 人评价）", or an invitation before the first rating. */
export function satisfactionText(rate: number | null, count: number): string {
  if (rate === null || count === 0) return '暂无评价，欢迎第一个评价';
  return `满意度 ${Math.round(rate * 100)}%（${count} 人评价）`;
}
