/** A list's period (`2026-11`, `2026-Q4`) as local days, read up to today for a period still running. */
import { AppError } from '../errors/index.js';
import { addDays } from '../warehouse/range.js';

export interface PeriodDays {
  readonly from: string;
  readonly to: string;
}

function monthEnd(year: number, month: number): string {
  // Day 0 of the next month is this month's last day.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** The period's first day and its last (or today, if it is still running); a period not yet begun is refused. */
export function periodDays(period: string, today: string): PeriodDays {
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  const [firstMonth, lastMonth] = rest.startsWith('Q')
    ? [(Number(rest.slice(1)) - 1) * 3 + 1, (Number(rest.slice(1)) - 1) * 3 + 3]
    : [Number(rest), Number(rest)];
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const end = monthEnd(year, lastMonth);
  if (from > today) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          code: 'FIELD_INVALID',
          path: 'period',
          message: { zh: '榜单期间尚未开始', en: 'The period has not begun' },
        },
      ],
    });
  }
  return { from, to: end < today ? end : today };
}

/** The 30 local days ending on `to` (ledger completion and AI violations are read over them). */
export function last30Days(to: string): string[] {
  return Array.from({ length: 30 }, (_, i) => addDays(to, i - 29));
}
