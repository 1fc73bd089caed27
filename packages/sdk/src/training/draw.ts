/** Drawing a paper by its rules: N questions per topic, for the learner's role, at random. */
import { type PaperRule, rulesFor } from './exam.js';
import type { Question } from './question.js';

/** A source of random numbers in [0, 1): `Math.random` by default, a seeded one in tests. */
export type RandomSource = () => number;

/** Topics whose rules ask for more questions than the bank has (the exam cannot be drawn). */
export interface BankShortfall {
  readonly topic: string;
  readonly needed: number;
  readonly available: number;
}

/** Where the bank is too small for the rules (every role counted): empty when every paper can be drawn. */
export function bankShortfalls(
  rules: readonly PaperRule[],
  available: Readonly<Record<string, number>>,
): BankShortfall[] {
  // Rules of the same topic for different roles may apply to one learner together: their counts add up.
  const needed = new Map<string, number>();
  for (const rule of rules) needed.set(rule.topic, (needed.get(rule.topic) ?? 0) + rule.count);
  return [...needed]
    .filter(([topic, n]) => n > (available[topic] ?? 0))
    .map(([topic, n]) => ({ topic, needed: n, available: available[topic] ?? 0 }));
}

/**
 * The paper of a learner of `role`: for each rule that applies, `count` questions of its topic drawn without
 * repetition (a topic with too few questions gives what it has), the whole paper shuffled.
 */
export function drawPaper<Q extends Pick<Question, 'id' | 'topic'>>(
  bank: readonly Q[],
  rules: readonly PaperRule[],
  role: string | undefined,
  random: RandomSource = Math.random,
): Q[] {
  const byTopic = new Map<string, Q[]>();
  for (const question of bank) {
    const list = byTopic.get(question.topic);
    if (list) list.push(question);
    else byTopic.set(question.topic, [question]);
  }
  const paper: Q[] = [];
  for (const rule of rulesFor(rules, role)) {
    const pool = byTopic.get(rule.topic) ?? [];
    // Partial Fisher–Yates: the first `count` of the pool, each drawn once; the rest stay for the next rule.
    const take = Math.min(rule.count, pool.length);
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j] as Q, pool[i] as Q];
    }
    paper.push(...pool.splice(0, take));
  }
  return shuffle(paper, random);
}

function shuffle<T>(items: T[], random: RandomSource): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
