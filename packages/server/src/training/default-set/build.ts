/** Small builders for the default bank: a question in one line of data, its id fixed (stable across releases). */
import type { OptionId, Question } from '@brightkitchen/sdk/training';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

function options(texts: readonly string[]) {
  return texts.map((text, i) => ({ id: LETTERS[i] as OptionId, text }));
}

function extras(explanation: string, rule: string | undefined) {
  return { explanation, ...(rule ? { rule } : {}) };
}

/** A single-choice question. */
export function single(
  id: string,
  topic: string,
  stem: string,
  choices: readonly string[],
  answer: OptionId,
  explanation: string,
  rule?: string,
): Question {
  return { id, kind: 'single', topic, stem, options: options(choices), answer, ...extras(explanation, rule) };
}

/** A multiple-choice question; `answers` as letters (`'ABD'`). */
export function multiple(
  id: string,
  topic: string,
  stem: string,
  choices: readonly string[],
  answers: string,
  explanation: string,
  rule?: string,
): Question {
  const letters = Array.from(answers) as OptionId[];
  return {
    id,
    kind: 'multiple',
    topic,
    stem,
    options: options(choices),
    answers: letters,
    ...extras(explanation, rule),
  };
}

/** A true/false question. */
export function judge(
  id: string,
  topic: string,
  stem: string,
  answer: boolean,
  explanation: string,
  rule?: string,
): Question {
  return { id, kind: 'true_false', topic, stem, answer, ...extras(explanation, rule) };
}
