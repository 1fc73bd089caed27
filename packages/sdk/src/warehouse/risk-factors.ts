/**
 * The factors of the risk score. Each has a value computed from data before the ranking's date only; the score
 * is the model's intercept plus Σ coefficient × value (the logit of "a key item fails at the next inspection").
 */
import type { LocalizedText } from '../domain/text.js';

/** The factors, in the order they are reported. */
export const RISK_FACTORS = [
  'key_failures',
  'other_failures',
  'last_score_gap',
  'years_since_inspection',
  'never_inspected',
  'ledger_gap_30d',
  'alerts_unresolved',
  'alerts_repeated_30d',
  'violations_30d',
  'sensor_excursions_30d',
  'complaints_90d',
  'dissatisfied_share_90d',
  'licence_expiring',
  'licence_new',
  'sensitive_kind',
] as const;
/** One of {@link RISK_FACTORS}. */
export type RiskFactorCode = (typeof RISK_FACTORS)[number];

/** What each factor measures (its value's meaning), in zh-CN and en. */
export const RISK_FACTOR_LABELS: Readonly<Record<RiskFactorCode, LocalizedText>> = {
  key_failures: { zh: '既往关键项不合格（3 年内，对数）', en: 'Past key-item failures (3 years, log)' },
  other_failures: { zh: '既往一般项不合格（3 年内，对数）', en: 'Past other failures (3 years, log)' },
  last_score_gap: { zh: '上次检查失分（10 − 得分）', en: 'Points lost at the last inspection (10 − score)' },
  years_since_inspection: { zh: '距上次检查年数（至多 3）', en: 'Years since the last inspection (at most 3)' },
  never_inspected: { zh: '从未检查', en: 'Never inspected' },
  ledger_gap_30d: { zh: '近 30 天台账缺失率', en: 'Ledger gap over 30 days' },
  alerts_unresolved: { zh: '未处置告警（对数）', en: 'Unresolved alerts (log)' },
  alerts_repeated_30d: { zh: '近 30 天重复告警类型数', en: 'Alert types repeated 3+ times in 30 days' },
  violations_30d: { zh: '近 30 天 AI 违规（对数）', en: 'AI violations in 30 days (log)' },
  sensor_excursions_30d: { zh: '近 30 天温度等超限（对数）', en: 'Sensor excursions in 30 days (log)' },
  complaints_90d: { zh: '近 90 天投诉与告知（对数）', en: 'Complaints and notices in 90 days (log)' },
  dissatisfied_share_90d: { zh: '近 90 天不满意评价占比', en: 'Share of dissatisfied faces in 90 days' },
  licence_expiring: { zh: '许可证已过期或 30 天内到期', en: 'Licence expired or expiring within 30 days' },
  licence_new: { zh: '许可证不满一年', en: 'Licence less than a year old' },
  sensitive_kind: {
    zh: '高风险业态（学校、托幼、养老、中央厨房、集体配餐）',
    en: 'Sensitive kind (schools, kindergartens, elderly care, central kitchens, meal delivery)',
  },
};
