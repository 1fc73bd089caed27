/** Staff training: courses, a question bank, exams and the certificates they lead to. */
import * as v from 'valibot';
import { STAFF_ROLES } from '../domain/enums.js';
import { DaySchema, IdSchema, text } from '../domain/primitives.js';

/** A training course: its lesson text and the staff roles it is meant for. */
export const CourseSchema = v.object({
  id: IdSchema,
  title: text(100),
  summary: v.optional(text(500)),
  /** The lesson text (Markdown). */
  body: text(50_000),
  /** Staff roles the course is meant for; absent means everyone. */
  audience: v.optional(v.array(v.picklist(STAFF_ROLES))),
});
/** A training course. Type of {@link CourseSchema}. */
export type Course = v.InferOutput<typeof CourseSchema>;

/** One option of a choice question. */
export const QuestionOptionSchema = v.object({ id: text(16), text: text(200) });
/** Type of {@link QuestionOptionSchema}. */
export type QuestionOption = v.InferOutput<typeof QuestionOptionSchema>;

/** Kinds of exam question. */
export const QUESTION_KINDS = ['single', 'multiple', 'true_false'] as const;
/** One of {@link QUESTION_KINDS}. */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const options = v.pipe(v.array(QuestionOptionSchema), v.minLength(2), v.maxLength(8));
const questionBase = { id: IdSchema, prompt: text(500), explanation: v.optional(text(1000)) };

/** A question with its answer: one option, several options, or true/false. */
export const QuestionSchema = v.variant('kind', [
  v.object({ ...questionBase, kind: v.literal('single'), options, answer: text(16) }),
  v.object({
    ...questionBase,
    kind: v.literal('multiple'),
    options,
    answers: v.pipe(v.array(text(16)), v.minLength(1), v.maxLength(8)),
  }),
  v.object({ ...questionBase, kind: v.literal('true_false'), answer: v.boolean() }),
]);
/** A question with its answer: one option, several options, or true/false. Type of {@link QuestionSchema}. */
export type Question = v.InferOutput<typeof QuestionSchema>;

/** An exam: its questions (with answers), the pass score and the time allowed. */
export const ExamSchema = v.object({
  id: IdSchema,
  title: text(100),
  courseId: v.optional(IdSchema),
  questions: v.pipe(v.array(QuestionSchema), v.minLength(1), v.maxLength(200)),
  /** Share of questions to answer right to pass, in percent. */
  passScore: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
  durationMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600)),
});
/**
 * An exam. Type of {@link ExamSchema}.
 * @example scoreExam(exam, answers) // { score: 80, passed: true }
 */
export type Exam = v.InferOutput<typeof ExamSchema>;

/** A candidate's answer to one question: an option id, option ids, or true/false. */
export const ExamAnswerSchema = v.union([text(16), v.pipe(v.array(text(16)), v.maxLength(8)), v.boolean()]);
/** A candidate's answer to one question: an option id, option ids, or true/false. Type of {@link ExamAnswerSchema}. */
export type ExamAnswer = v.InferOutput<typeof ExamAnswerSchema>;

/** A submitted exam: answers by question id. */
export const ExamSubmissionSchema = v.object({
  examId: IdSchema,
  staffId: IdSchema,
  answers: v.record(IdSchema, ExamAnswerSchema),
});
/** A submitted exam: answers by question id. Type of {@link ExamSubmissionSchema}. */
export type ExamSubmission = v.InferOutput<typeof ExamSubmissionSchema>;

/** A training certificate with a code anyone can verify. */
export const CertificateSchema = v.object({
  staffId: IdSchema,
  number: text(64),
  issuedOn: DaySchema,
  expiresOn: DaySchema,
  verificationCode: v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{6,32}$/)),
});
/** A training certificate with a code anyone can verify. Type of {@link CertificateSchema}. */
export type Certificate = v.InferOutput<typeof CertificateSchema>;

/** Whether an answer is right: multiple choice needs exactly the right set of options. */
export function isAnswerCorrect(question: Question, answer: ExamAnswer | undefined): boolean {
  switch (question.kind) {
    case 'single':
      return answer === question.answer;
    case 'true_false':
      return answer === question.answer;
    case 'multiple': {
      if (!Array.isArray(answer)) return false;
      const given = new Set(answer);
      return given.size === question.answers.length && question.answers.every((id) => given.has(id));
    }
  }
}

/** The exam score in percent (right answers ÷ questions) and whether it reaches the pass score. */
export function scoreExam(
  exam: Pick<Exam, 'questions' | 'passScore'>,
  answers: Readonly<Record<string, ExamAnswer>>,
): { score: number; passed: boolean } {
  const right = exam.questions.filter((question) => isAnswerCorrect(question, answers[question.id])).length;
  const score = exam.questions.length === 0 ? 0 : (right * 100) / exam.questions.length;
  return { score, passed: score >= exam.passScore };
}
