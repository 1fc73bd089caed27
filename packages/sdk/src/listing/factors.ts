import { ANNUAL_GRADES, type AnnualGrade, GRADE_FACE_LABELS } from '../domain/enums.js';
import type { LocalizedText } from '../domain/text.js';
import type { ListingInput } from './input.js';
import type { ListingPolicy } from './policy.js';

/** The terms of the listing score, in the order they are reported. */
export const LISTING_FACTORS = [
  'dynamic_grade',
  'annual_grade',
  'consumer_rating',
  'ledger_completion',
  'ai_violations',
  'unresolved_alerts',
  'complaints_upheld',
] as const;
/** One of {@link LISTING_FACTORS}. */
export type ListingFactorName = (typeof LISTING_FACTORS)[number];

/** One term of the score: its points (negative for penalties) and why, in words. */
export interface ListingFactor {
  readonly factor: ListingFactorName;
  /** Points added to (or, when negative, taken from) the score, to one decimal. */
  readonly contribution: number;
  readonly explanation: LocalizedText;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const count = (x: number) => (Number.isFinite(x) && x > 0 ? Math.floor(x) : 0);
const pct = (x: number) => `${Math.round(x * 100)}%`;
const pts = (x: number) => `${Math.round(x * 10) / 10}`;

interface RawFactor {
  readonly factor: ListingFactorName;
  readonly points: number;
  readonly explanation: LocalizedText;
}

function dynamicGradeFactor(input: ListingInput, policy: ListingPolicy): RawFactor {
  const weight = policy.weights.dynamicGrade;
  const grade = input.dynamicGrade;
  const faultless =
    grade === null || (grade.face === 'none' && grade.reasons?.length === 1 && grade.reasons[0] === 'NEW_LICENCE');
  const share = faultless ? policy.ungradedShare : policy.dynamicFaceShare[grade.face];
  const points = weight * share;
  const label = grade === null ? { zh: '尚未检查', en: 'not inspected yet' } : GRADE_FACE_LABELS[grade.face];
  return {
    factor: 'dynamic_grade',
    points,
    explanation: {
      zh: `动态等级：${label.zh}，得 ${pts(points)}/${weight} 分`,
      en: `Dynamic grade: ${label.en}, ${pts(points)} of ${weight} points`,
    },
  };
}

function annualGradeFactor(input: ListingInput, policy: ListingPolicy): RawFactor {
  const weight = policy.weights.annualGrade;
  const grade: AnnualGrade | null =
    input.annualGrade !== null && ANNUAL_GRADES.includes(input.annualGrade) ? input.annualGrade : null;
  const points = weight * (grade === null ? policy.ungradedShare : policy.annualGradeShare[grade]);
  const label =
    grade === null
      ? { zh: '尚无', en: 'none yet' }
      : grade === 'none'
        ? { zh: '不评级', en: 'not graded' }
        : { zh: grade, en: grade };
  return {
    factor: 'annual_grade',
    points,
    explanation: {
      zh: `年度等级：${label.zh}，得 ${pts(points)}/${weight} 分`,
      en: `Annual grade: ${label.en}, ${pts(points)} of ${weight} points`,
    },
  };
}

function consumerRatingFactor(input: ListingInput, policy: ListingPolicy): RawFactor {
  const weight = policy.weights.consumerRating;
  const n = count(input.ratings.count);
  const rate = input.ratings.satisfactionRate === null ? policy.ratingPrior : clamp01(input.ratings.satisfactionRate);
  const k = policy.ratingPriorWeight;
  const adjusted = n + k === 0 ? policy.ratingPrior : (rate * n + policy.ratingPrior * k) / (n + k);
  const points = weight * clamp01(adjusted);
  return {
    factor: 'consumer_rating',
    points,
    explanation:
      n === 0
        ? {
            zh: `暂无消费者评价，按基准 ${pct(policy.ratingPrior)} 计，得 ${pts(points)}/${weight} 分`,
            en: `No consumer ratings yet, counted at the baseline ${pct(policy.ratingPrior)}: ${pts(points)} of ${weight} points`,
          }
        : {
            zh: `消费者满意率 ${pct(rate)}（${n} 条评价，修正后 ${pct(adjusted)}），得 ${pts(points)}/${weight} 分`,
            en: `Consumer satisfaction ${pct(rate)} (${n} ratings, adjusted ${pct(adjusted)}): ${pts(points)} of ${weight} points`,
          },
  };
}

function ledgerFactor(input: ListingInput, policy: ListingPolicy): RawFactor {
  const weight = policy.weights.ledgerCompletion;
  const rate = clamp01(input.ledgerCompletionRate);
  const points = weight * rate;
  return {
    factor: 'ledger_completion',
    points,
    explanation: {
      zh: `近 30 天台账完成率 ${pct(rate)}，得 ${pts(points)}/${weight} 分`,
      en: `Ledger completion over 30 days ${pct(rate)}: ${pts(points)} of ${weight} points`,
    },
  };
}

function violationsFactor(input: ListingInput, policy: ListingPolicy): RawFactor {
  const weight = policy.weights.aiViolations;
  const n = count(input.violationsPer30Days);
  const points = weight * clamp01(1 - n / Math.max(1, policy.violationsForZero));
  return {
    factor: 'ai_violations',
    points,
    explanation: {
      zh: `近 30 天 AI 识别违规 ${n} 次，得 ${pts(points)}/${weight} 分`,
      en: `${n} AI-recognised violations over 30 days: ${pts(points)} of ${weight} points`,
    },
  };
}

function alertsFactor(input: ListingInput, policy: ListingPolicy): RawFactor {
  const n = count(input.unresolvedAlerts);
  const points = -Math.min(n * policy.alertPenalty, policy.alertPenaltyCap);
  return {
    factor: 'unresolved_alerts',
    points,
    explanation: {
      zh: `未处置告警 ${n} 条，扣 ${pts(-points)} 分`,
      en: `${n} unresolved alerts: ${pts(-points)} points off`,
    },
  };
}

function complaintsFactor(input: ListingInput, policy: ListingPolicy): RawFactor {
  const n = count(input.complaintsUpheld);
  const points = -Math.min(n * policy.complaintPenalty, policy.complaintPenaltyCap);
  return {
    factor: 'complaints_upheld',
    points,
    explanation: {
      zh: `投诉属实 ${n} 件，扣 ${pts(-points)} 分`,
      en: `${n} complaints upheld: ${pts(-points)} points off`,
    },
  };
}

/** Every factor's exact points (unrounded), in a fixed order. */
export function listingFactors(input: ListingInput, policy: ListingPolicy): RawFactor[] {
  return [
    dynamicGradeFactor(input, policy),
    annualGradeFactor(input, policy),
    consumerRatingFactor(input, policy),
    ledgerFactor(input, policy),
    violationsFactor(input, policy),
    alertsFactor(input, policy),
    complaintsFactor(input, policy),
  ];
}
