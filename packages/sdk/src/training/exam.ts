/**
 * Exams: a paper drawn by rules (N questions per topic, by role), a time limit, a pass mark and the attempts
 * allowed; the attempt a learner takes (the paper without its key, the answers saved one by one), its result
 * and the review with explanations.
 */
import * as v from 'valibot';
import { pageSchema } from '../contract/page.js';
import { STAFF_ROLES } from '../domain/enums.js';
import { DaySchema, IdSchema, InstantSchema, text } from '../domain/primitives.js';
import { PUBLISH_STATES } from './course.js';
import { ExamAnswerSchema, PaperQuestionSchema, TopicSchema } from './question.js';

/** One rule of a paper: `count` questions of `topic`, for learners of `roles` (absent: every role). */
export const PaperRuleSchema = v.object({
  topic: TopicSchema,
  count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  roles: v.optional(v.pipe(v.array(v.picklist(STAFF_ROLES)), v.minLength(1), v.maxLength(STAFF_ROLES.length))),
});
/** Type of {@link PaperRuleSchema}. */
export type PaperRule = v.InferOutput<typeof PaperRuleSchema>;

/** The most questions a paper may have. */
export const PAPER_MAX_QUESTIONS = 200;

const examEntries = {
  title: text(100),
  /** The course the exam certifies (its title goes on the certificate). */
  courseId: v.optional(IdSchema),
  rules: v.pipe(v.array(PaperRuleSchema), v.minLength(1), v.maxLength(30)),
  durationMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600)),
  /** Share of the paper to answer right to pass, in percent. */
  passScore: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
  /** Attempts within 30 days (a pass starts afresh). */
  attemptsAllowed: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20)),
};

/** Body of `POST /v1/training/exams`: a region's exam (`regionId` absent: national, admins only). */
export const ExamInputSchema = v.object({ regionId: v.optional(IdSchema), ...examEntries });
/** Type of {@link ExamInputSchema}. */
export type ExamInput = v.InferOutput<typeof ExamInputSchema>;

/** An exam as the bank defines it. */
export const ExamSchema = v.object({
  id: IdSchema,
  regionId: v.nullable(IdSchema),
  ...examEntries,
  state: v.picklist(PUBLISH_STATES),
});
/**
 * An exam. Type of {@link ExamSchema}.
 * @example paperSize(exam, 'cook') // 50
 */
export type Exam = v.InferOutput<typeof ExamSchema>;

/** How the caller stands with an exam (learners only). */
export const ExamStandingSchema = v.object({
  /** Attempts counted against the allowance (within 30 days, since the last pass). */
  attemptsUsed: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** An attempt under way, to resume. */
  openAttemptId: v.optional(IdSchema),
  lastAttemptId: v.optional(IdSchema),
  bestScore: v.optional(v.number()),
  passed: v.boolean(),
});
/** Type of {@link ExamStandingSchema}. */
export type ExamStanding = v.InferOutput<typeof ExamStandingSchema>;

/** An exam in a list, with the paper's size for the caller and the caller's standing. */
export const ExamListItemSchema = v.object({
  ...ExamSchema.entries,
  /** Questions on the caller's paper (rules of other roles left out); for non-learners, every rule. */
  questionCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  standing: v.optional(ExamStandingSchema),
});
/** Type of {@link ExamListItemSchema}. */
export type ExamListItem = v.InferOutput<typeof ExamListItemSchema>;

/** A page of exams. */
export const ExamPageSchema = pageSchema(ExamListItemSchema);
/** Type of {@link ExamPageSchema}. */
export type ExamPage = v.InferOutput<typeof ExamPageSchema>;

/** The rules of a paper that apply to a learner's role. */
export function rulesFor(rules: readonly PaperRule[], role: string | undefined): PaperRule[] {
  return rules.filter(
    (rule) => !rule.roles || (role !== undefined && (rule.roles as readonly string[]).includes(role)),
  );
}

/** Questions on the paper of a learner of `role` (`undefined`: every rule counted). */
export function paperSize(exam: Pick<Exam, 'rules'>, role?: string): number {
  const rules = role === undefined ? exam.rules : rulesFor(exam.rules, role);
  return rules.reduce((n, rule) => n + rule.count, 0);
}

/** Life of an attempt: open until submitted, or expired once its time (and the grace) is over. */
export const ATTEMPT_STATES = ['open', 'submitted', 'expired'] as const;
/** One of {@link ATTEMPT_STATES}. */
export type AttemptState = (typeof ATTEMPT_STATES)[number];

/** Seconds after the deadline a submission or an answer still counts: the network's time, not the learner's. */
export const SUBMIT_GRACE_SECONDS = 30;

/** One question of the review: what was given, the key and the explanation. */
export const ReviewItemSchema = v.object({
  questionId: IdSchema,
  correct: v.boolean(),
  given: v.optional(ExamAnswerSchema),
  answer: ExamAnswerSchema,
  explanation: v.optional(v.string()),
});
/** Type of {@link ReviewItemSchema}. */
export type ReviewItem = v.InferOutput<typeof ReviewItemSchema>;

/** Right answers per topic, for the review and the regulators' failing topics. */
export const TopicTallySchema = v.record(
  v.string(),
  v.object({ right: v.pipe(v.number(), v.integer()), total: v.pipe(v.number(), v.integer()) }),
);
/** Type of {@link TopicTallySchema}. */
export type TopicTally = v.InferOutput<typeof TopicTallySchema>;

/** The outcome of a closed attempt. */
export const AttemptResultSchema = v.object({
  /** Percent of the paper answered right. */
  score: v.number(),
  passed: v.boolean(),
  correct: v.pipe(v.number(), v.integer(), v.minValue(0)),
  total: v.pipe(v.number(), v.integer(), v.minValue(0)),
  byTopic: TopicTallySchema,
  /** `time_up`: not submitted within the time (scored for the review, never passed). */
  reason: v.optional(v.literal('time_up')),
});
/** Type of {@link AttemptResultSchema}. */
export type AttemptResult = v.InferOutput<typeof AttemptResultSchema>;

/** An attempt as its learner (and the venue's manager, its regulator) sees it. */
export const AttemptSchema = v.object({
  id: IdSchema,
  examId: IdSchema,
  examTitle: v.string(),
  staffId: IdSchema,
  venueId: IdSchema,
  state: v.picklist(ATTEMPT_STATES),
  /** The n-th attempt counted against the allowance. */
  attemptNo: v.pipe(v.number(), v.integer(), v.minValue(1)),
  attemptsAllowed: v.pipe(v.number(), v.integer(), v.minValue(1)),
  passScore: v.number(),
  startedAt: InstantSchema,
  /** Answers after this instant (and {@link SUBMIT_GRACE_SECONDS}) are refused. */
  deadline: InstantSchema,
  /** The server's clock when it answered: a phone counts down from `deadline − serverNow`, whatever its own clock. */
  serverNow: InstantSchema,
  submittedAt: v.optional(InstantSchema),
  /** The paper, without answer keys. */
  paper: v.array(PaperQuestionSchema),
  /** Answers saved so far, by question id. */
  answers: v.record(v.string(), ExamAnswerSchema),
  result: v.optional(AttemptResultSchema),
  /** After the attempt is closed: each question with its key and explanation. */
  review: v.optional(v.array(ReviewItemSchema)),
  /** The certificate a pass led to. */
  certificate: v.optional(v.object({ id: IdSchema, code: v.string(), expiresOn: DaySchema })),
});
/** Type of {@link AttemptSchema}. */
export type Attempt = v.InferOutput<typeof AttemptSchema>;

/** Body of `PUT /v1/training/attempts/{attemptId}/answers/{questionId}`. */
export const SaveAnswerInputSchema = v.object({ answer: ExamAnswerSchema });
/** Type of {@link SaveAnswerInputSchema}. */
export type SaveAnswerInput = v.InferOutput<typeof SaveAnswerInputSchema>;

/** Answer of a saved answer. */
export const SavedAnswerSchema = v.object({
  questionId: IdSchema,
  savedAt: InstantSchema,
  /** Questions of the paper answered so far. */
  answered: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
/** Type of {@link SavedAnswerSchema}. */
export type SavedAnswer = v.InferOutput<typeof SavedAnswerSchema>;

/** Body of `POST /v1/training/attempts/{attemptId}/submit`: answers not yet saved, saved first. */
export const SubmitInputSchema = v.object({
  answers: v.optional(v.pipe(v.record(IdSchema, ExamAnswerSchema), v.maxEntries(PAPER_MAX_QUESTIONS))),
});
/** Type of {@link SubmitInputSchema}. */
export type SubmitInput = v.InferOutput<typeof SubmitInputSchema>;
