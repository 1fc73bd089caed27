/** Questions of the bank: single choice, multiple choice, true/false; each tagged by topic and the rule it tests. */
import * as v from 'valibot';
import { pageSchema } from '../contract/page.js';
import { IdSchema, text } from '../domain/primitives.js';
import { TOPIC_PATTERN } from './topics.js';

/** Kinds of question. */
export const QUESTION_KINDS = ['single', 'multiple', 'true_false'] as const;
/** One of {@link QUESTION_KINDS}. */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Option letters: a question has two to six options, lettered in order. */
export const OPTION_IDS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
/** One of {@link OPTION_IDS}. */
export type OptionId = (typeof OPTION_IDS)[number];

const OptionIdSchema = v.picklist(OPTION_IDS);

/** One option of a choice question. */
export const QuestionOptionSchema = v.object({ id: OptionIdSchema, text: text(200) });
/** Type of {@link QuestionOptionSchema}. */
export type QuestionOption = v.InferOutput<typeof QuestionOptionSchema>;

/** A topic key (`sample_retention`, or a region's own). */
export const TopicSchema = v.pipe(v.string(), v.regex(TOPIC_PATTERN));

/**
 * What a question tests: a rule code (`LEDGER_SAMPLE_UNDERWEIGHT`), a threshold or violation key (`threshold:fridge`,
 * `violation:no_hat`): letters, digits and `_:.-`, at most 64.
 */
export const RULE_REF_PATTERN = /^[A-Za-z0-9_:.-]{1,64}$/;
/** What a question tests ({@link RULE_REF_PATTERN}). */
export const RuleRefSchema = v.pipe(v.string(), v.regex(RULE_REF_PATTERN));

const options = v.pipe(v.array(QuestionOptionSchema), v.minLength(2), v.maxLength(OPTION_IDS.length));
const base = {
  id: IdSchema,
  /** 题干. */
  stem: text(500),
  /** 解析: shown in the review after the exam. */
  explanation: v.optional(text(1000)),
  /** 知识点. */
  topic: TopicSchema,
  rule: v.optional(RuleRefSchema),
};

/** A question with its answer key. Never sent to a learner before the exam is over. */
export const QuestionSchema = v.variant('kind', [
  v.object({ ...base, kind: v.literal('single'), options, answer: OptionIdSchema }),
  v.object({
    ...base,
    kind: v.literal('multiple'),
    options,
    answers: v.pipe(v.array(OptionIdSchema), v.minLength(2), v.maxLength(OPTION_IDS.length)),
  }),
  v.object({ ...base, kind: v.literal('true_false'), answer: v.boolean() }),
]);
/** A question with its answer key. Type of {@link QuestionSchema}. */
export type Question = v.InferOutput<typeof QuestionSchema>;

/** A question of the bank as regulators list it: where it applies and whether it is still drawn. */
export const BankQuestionSchema = v.intersect([
  QuestionSchema,
  v.object({
    /** `null`: the national default bank. */
    regionId: v.nullable(IdSchema),
    state: v.picklist(['active', 'retired']),
  }),
]);
/** Type of {@link BankQuestionSchema}. */
export type BankQuestion = v.InferOutput<typeof BankQuestionSchema>;

/** `GET /v1/training/questions`: newest first. */
export const QuestionPageSchema = pageSchema(BankQuestionSchema);

/** Body of `PATCH /v1/training/questions/{questionId}`: retire a question (no longer drawn) or bring it back. */
export const QuestionStateInputSchema = v.object({ state: v.picklist(['active', 'retired']) });
/** Type of {@link QuestionStateInputSchema}. */
export type QuestionStateInput = v.InferOutput<typeof QuestionStateInputSchema>;

/** A question as the paper shows it: no answer key, no explanation. */
export const PaperQuestionSchema = v.object({
  id: IdSchema,
  kind: v.picklist(QUESTION_KINDS),
  stem: text(500),
  topic: TopicSchema,
  /** Choice questions only. */
  options: v.optional(options),
});
/** A question as the paper shows it: no answer key, no explanation. Type of {@link PaperQuestionSchema}. */
export type PaperQuestion = v.InferOutput<typeof PaperQuestionSchema>;

/** The question without what would give its answer away. */
export function toPaperQuestion(question: Question): PaperQuestion {
  const { id, kind, stem, topic } = question;
  return question.kind === 'true_false'
    ? { id, kind, stem, topic }
    : { id, kind, stem, topic, options: question.options };
}

/** A learner's answer to one question: an option letter, option letters, or true/false. */
export const ExamAnswerSchema = v.union([
  OptionIdSchema,
  v.pipe(v.array(OptionIdSchema), v.maxLength(OPTION_IDS.length)),
  v.boolean(),
]);
/** A learner's answer to one question: an option letter, option letters, or true/false. Type of {@link ExamAnswerSchema}. */
export type ExamAnswer = v.InferOutput<typeof ExamAnswerSchema>;

/** The key of a question in the same shape as an answer. */
export function answerKey(question: Question): ExamAnswer {
  return question.kind === 'multiple' ? [...question.answers].sort() : question.answer;
}

/** Why an answer cannot be an answer to this question (its kind, its options); `null` when it can. */
export function answerMisfit(
  question: Pick<PaperQuestion, 'kind' | 'options'>,
  answer: unknown,
): 'kind' | 'option' | 'repeated' | null {
  const ids = new Set((question.options ?? []).map((o) => o.id));
  switch (question.kind) {
    case 'true_false':
      return typeof answer === 'boolean' ? null : 'kind';
    case 'single':
      if (typeof answer !== 'string') return 'kind';
      return ids.has(answer as OptionId) ? null : 'option';
    case 'multiple': {
      if (!Array.isArray(answer)) return 'kind';
      if (answer.some((a) => typeof a !== 'string' || !ids.has(a as OptionId))) return 'option';
      return new Set(answer).size === answer.length ? null : 'repeated';
    }
  }
}

/** Whether an answer is right: multiple choice needs exactly the right set of options. */
export function isAnswerCorrect(question: Question, answer: ExamAnswer | undefined): boolean {
  switch (question.kind) {
    case 'single':
    case 'true_false':
      return answer === question.answer;
    case 'multiple': {
      if (!Array.isArray(answer)) return false;
      const given = new Set(answer);
      return (
        given.size === question.answers.length &&
        answer.length === given.size &&
        question.answers.every((id) => given.has(id))
      );
    }
  }
}
