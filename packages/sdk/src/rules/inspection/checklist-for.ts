import type { ChecklistItem } from '../../domain/checklist.js';
import type { InspectionItem } from '../../domain/inspection.js';
import type { InspectionAnswer } from '../../domain/inspection-record.js';
import type { InspectionRuleNumbers } from '../profile.js';
import { NATIONAL_CHECKLIST } from './national-checklist.js';

/**
 * The checklist in force under a rule profile: the national items, less those the region leaves out, with the
 * region's key items marked key (and only those).
 */
export function checklistFor(rules: InspectionRuleNumbers): ChecklistItem[] {
  const omitted = new Set(rules.omittedItems);
  const key = new Set(rules.keyItems);
  return NATIONAL_CHECKLIST.filter((item) => !omitted.has(item.code)).map((item) => ({
    ...item,
    key: key.has(item.code),
  }));
}

/** {@link scoreAnswers}'s answer: the scored items, and the answers that do not fit the checklist. */
export interface ScoredAnswers {
  /** The checked items (answers other than `not_applicable`), in checklist order. */
  readonly items: InspectionItem[];
  /** Codes answered that are not on the checklist in force. */
  readonly unknown: string[];
  /** Codes answered more than once. */
  readonly duplicates: string[];
}

/**
 * Scores an inspection's answers against the checklist: a conforming item earns its score, a non-conforming one 0,
 * a `not_applicable` one is not counted (score = total ÷ items checked).
 */
export function scoreAnswers(checklist: readonly ChecklistItem[], answers: readonly InspectionAnswer[]): ScoredAnswers {
  const byCode = new Map(checklist.map((item) => [item.code, item]));
  const seen = new Map<string, InspectionAnswer>();
  const unknown: string[] = [];
  const duplicates: string[] = [];
  for (const answer of answers) {
    if (!byCode.has(answer.code)) unknown.push(answer.code);
    else if (seen.has(answer.code)) duplicates.push(answer.code);
    else seen.set(answer.code, answer);
  }
  const items: InspectionItem[] = [];
  for (const item of checklist) {
    const answer = seen.get(item.code);
    if (!answer || answer.result === 'not_applicable') continue;
    const passed = answer.result === 'conform';
    items.push({ code: item.code, title: item.title.zh, key: item.key, score: passed ? item.score : 0, passed });
  }
  return { items, unknown, duplicates };
}
