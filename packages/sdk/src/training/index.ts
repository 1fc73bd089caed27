/**
 * `@brightkitchen/sdk/training`: staff training — the course library, the question bank and its import, exams
 * drawn by rules and scored, verifiable certificates, regulators' coverage, and a client for the routes. Its own
 * entry so apps that do not train staff do not carry it.
 * @packageDocumentation
 */
export type { Certificate, CertificatePage, CertificateRevokeInput, PublicCertificate } from './certificate.js';
export {
  CERTIFICATE_CODE_PATTERN,
  CertificatePageSchema,
  CertificateRevokeInputSchema,
  CertificateSchema,
  certificateExpiry,
  certificateStanding,
  daysUntil,
  formatCertificateCode,
  maskHolderName,
  normalizeCertificateCode,
  PublicCertificateSchema,
  RENEWAL_NOTICE_DAYS,
} from './certificate.js';
export type { RequestingClient, TrainingClient } from './client.js';
export { createTrainingClient } from './client.js';
export type {
  Course,
  CourseInput,
  CoursePage,
  CourseProgress,
  CourseStateInput,
  CourseSummary,
  Lesson,
  LessonImage,
  PublishState,
} from './course.js';
export {
  CourseInputSchema,
  CoursePageSchema,
  CourseProgressSchema,
  CourseSchema,
  CourseStateInputSchema,
  CourseSummarySchema,
  LessonImageSchema,
  LessonSchema,
  MediaUrlSchema,
  PUBLISH_STATES,
  toCourseSummary,
} from './course.js';
export type { CoverageFigures, FailingTopic, TrainingCoverage } from './coverage.js';
export { CoverageFiguresSchema, coverageFigures, FailingTopicSchema, TrainingCoverageSchema } from './coverage.js';
export { csvField, parseCsv } from './csv.js';
export type { BankShortfall, RandomSource } from './draw.js';
export { bankShortfalls, drawPaper } from './draw.js';
export type {
  Attempt,
  AttemptResult,
  AttemptState,
  Exam,
  ExamInput,
  ExamListItem,
  ExamPage,
  ExamStanding,
  PaperRule,
  ReviewItem,
  SaveAnswerInput,
  SavedAnswer,
  SubmitInput,
  TopicTally,
} from './exam.js';
export {
  ATTEMPT_STATES,
  AttemptResultSchema,
  AttemptSchema,
  ExamInputSchema,
  ExamListItemSchema,
  ExamPageSchema,
  ExamSchema,
  ExamStandingSchema,
  PAPER_MAX_QUESTIONS,
  PaperRuleSchema,
  paperSize,
  ReviewItemSchema,
  rulesFor,
  SaveAnswerInputSchema,
  SavedAnswerSchema,
  SUBMIT_GRACE_SECONDS,
  SubmitInputSchema,
  TopicTallySchema,
} from './exam.js';
export type { QuestionImportInput } from './import-contract.js';
export {
  QUESTION_FILE_MAX_BYTES,
  QuestionImportInputSchema,
  QuestionImportProblemSchema,
  QuestionImportReportSchema,
} from './import-contract.js';
export type {
  BankQuestion,
  ExamAnswer,
  OptionId,
  PaperQuestion,
  Question,
  QuestionKind,
  QuestionOption,
  QuestionStateInput,
} from './question.js';
export {
  answerKey,
  answerMisfit,
  BankQuestionSchema,
  ExamAnswerSchema,
  isAnswerCorrect,
  OPTION_IDS,
  PaperQuestionSchema,
  QUESTION_KINDS,
  QuestionOptionSchema,
  QuestionPageSchema,
  QuestionSchema,
  QuestionStateInputSchema,
  RULE_REF_PATTERN,
  RuleRefSchema,
  TopicSchema,
  toPaperQuestion,
} from './question.js';
export type {
  ImportedQuestion,
  QuestionImportCode,
  QuestionImportProblem,
  QuestionImportReport,
  ReadQuestionsOptions,
  ReadQuestionsResult,
} from './question-import.js';
export {
  importReport,
  problemLine,
  QUESTION_IMPORT_MAX_ROWS,
  QUESTION_IMPORT_MESSAGES,
  QUESTION_IMPORT_REPORT_MAX,
  readQuestionTable,
  stemKey,
} from './question-import.js';
export { gradePaper, reviewPaper, scoreExam } from './scoring.js';
export type { TrainingSettings, TrainingSettingsInput } from './settings.js';
export {
  DEFAULT_CERTIFICATE_VALID_MONTHS,
  TrainingSettingsInputSchema,
  TrainingSettingsSchema,
} from './settings.js';
export type { StaffTraining, VenueTraining } from './staff-status.js';
export { StaffTrainingSchema, VenueTrainingSchema } from './staff-status.js';
export type { TrainingTopic } from './topics.js';
export { TOPIC_PATTERN, TRAINING_TOPIC_LABELS, TRAINING_TOPICS, topicLabel, topicOf } from './topics.js';
