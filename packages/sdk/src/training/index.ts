/**
 * `@brightkitchen/sdk/training`: staff training (courses, a question bank, exams, certificates). Its own entry so
 * apps that do not train staff do not carry it.
 * @packageDocumentation
 */
export type {
  Certificate,
  Course,
  Exam,
  ExamAnswer,
  ExamSubmission,
  Question,
  QuestionKind,
  QuestionOption,
} from './training.js';
export {
  CertificateSchema,
  CourseSchema,
  ExamAnswerSchema,
  ExamSchema,
  ExamSubmissionSchema,
  isAnswerCorrect,
  QUESTION_KINDS,
  QuestionOptionSchema,
  QuestionSchema,
  scoreExam,
} from './training.js';
