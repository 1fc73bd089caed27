/** How a rectification notice's deadline reads to the operator, on the venue's clock. */
import { localDay, type Rectification } from '@brightkitchen/sdk';

const DAY_MS = 86_400_000;

/** Whole days from `today` to `day` (both ISO local days). */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

/** e.g. `整改期限 2026-12-09（还剩 4 天）`, `今天到期`, `已逾期 2 天`. */
export function deadlineText(r: Pick<Rectification, 'deadline' | 'state' | 'timeZone'>, now = Date.now()): string {
  const left = daysBetween(localDay(now, r.timeZone), r.deadline);
  if (r.state === 'closed') return `整改期限 ${r.deadline}`;
  if (left < 0) return `整改期限 ${r.deadline}（已逾期 ${-left} 天）`;
  if (left === 0) return `整改期限 ${r.deadline}（今天到期）`;
  return `整改期限 ${r.deadline}（还剩 ${left} 天）`;
}
