import type { LocalizedText } from '../domain/text.js';

/** Why a venue is on a list. */
export const LISTING_REASONS = [
  'BLACK_KEY_ITEMS_FAILED',
  'BLACK_RECENT_INCIDENT',
  'BLACK_NO_GRADE',
  'BLACK_LOW_SCORE',
  'RED_EXCELLENT',
] as const;
/** One of {@link LISTING_REASONS}: why a venue is on a list. */
export type ListingReason = (typeof LISTING_REASONS)[number];

/** The message of each {@link ListingReason} in zh-CN and en. */
export const LISTING_REASON_MESSAGES: Readonly<Record<ListingReason, LocalizedText>> = {
  BLACK_KEY_ITEMS_FAILED: {
    zh: '最近一次检查两项及以上关键项不合格，列入黑榜',
    en: 'Two or more key items failed at the latest inspection: black list',
  },
  BLACK_RECENT_INCIDENT: {
    zh: '近 6 个月内发生食品安全事故，列入黑榜',
    en: 'Food-safety incident within the past 6 months: black list',
  },
  BLACK_NO_GRADE: {
    zh: '最近一次检查未获评级，列入黑榜',
    en: 'Not graded at the latest inspection: black list',
  },
  BLACK_LOW_SCORE: { zh: '综合得分过低，列入黑榜', en: 'Overall score too low: black list' },
  RED_EXCELLENT: {
    zh: '综合得分高且年度等级优秀，列入红榜',
    en: 'High overall score and an excellent annual grade: red list',
  },
};
