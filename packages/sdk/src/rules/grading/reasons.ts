import type { LocalizedText } from '../../domain/text.js';

/** Why an inspection gives no dynamic grade. */
export const NO_GRADE_REASONS = [
  'BELOW_6',
  'KEY_ITEMS_FAILED',
  'NEW_LICENCE',
  'RECENT_INCIDENT',
  'NO_ITEMS_CHECKED',
] as const;
/** One of {@link NO_GRADE_REASONS}: why a venue gets no dynamic grade. */
export type NoGradeReason = (typeof NO_GRADE_REASONS)[number];

/** The message of each {@link NoGradeReason} in zh-CN and en. */
export const NO_GRADE_REASON_MESSAGES: Readonly<Record<NoGradeReason, LocalizedText>> = {
  BELOW_6: { zh: '检查得分低于 6.0 分，不予评级', en: 'Inspection score below 6.0: not graded' },
  KEY_ITEMS_FAILED: { zh: '两项及以上关键项不合格，不予评级', en: 'Two or more key items failed: not graded' },
  NEW_LICENCE: { zh: '新取得许可证未满 3 个月，不予评级', en: 'Licence issued less than 3 months ago: not graded' },
  RECENT_INCIDENT: {
    zh: '发生食品安全事故未满 6 个月，不予评级',
    en: 'Food-safety incident within the past 6 months: not graded',
  },
  NO_ITEMS_CHECKED: { zh: '未检查任何项目，无法评级', en: 'No items were checked: cannot grade' },
};
