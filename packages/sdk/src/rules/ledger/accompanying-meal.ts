/** Principal's accompanying meal 陪餐 (学校食品安全与营养健康管理规定 2019): school and kindergarten canteens only. */
import { VENUE_KIND_LABELS } from '../../domain/enums.js';
import type { AccompanyingMealRecord } from '../../domain/ledger.js';
import { futureDate, invalidDate, type LedgerIssue, type LedgerRuleContext, ledgerIssue } from './context.js';

export function checkAccompanyingMeal(record: AccompanyingMealRecord, ctx: LedgerRuleContext): LedgerIssue[] {
  const badDate = invalidDate(record.date, 'date');
  if (badDate.length > 0) return badDate;
  const issues = futureDate(ctx, record.date, 'date');
  const { venueKind } = ctx;
  if (venueKind !== undefined && !ctx.profile.ledger.accompanyingMeal.venueKinds.includes(venueKind)) {
    const label = VENUE_KIND_LABELS[venueKind] ?? { zh: String(venueKind), en: String(venueKind) };
    issues.push(ledgerIssue('LEDGER_MEAL_NOT_SCHOOL', 'kind', { venueKind: label }));
  }
  return issues;
}
