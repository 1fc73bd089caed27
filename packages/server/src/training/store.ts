/** Rows of the training tables ↔ the SDK's objects; reads checked with the SDK's schemas. */
import {
  type AttemptResult,
  AttemptResultSchema,
  type Certificate,
  type Course,
  CourseSchema,
  certificateStanding,
  type Exam,
  type ExamAnswer,
  ExamAnswerSchema,
  ExamSchema,
  type Question,
  QuestionSchema,
} from '@brightkitchen/sdk/training';
import * as v from 'valibot';
import {
  readJson,
  storedValue,
  type TrainingCertificatesTable,
  type TrainingCoursesTable,
  type TrainingExamsTable,
} from '../db/index.js';

/** A course as stored: the SDK's course without a learner's progress. */
const StoredCourseSchema = v.object({ ...CourseSchema.entries, progress: v.optional(v.undefined()) });

export function toCourse(row: Pick<TrainingCoursesTable, 'id' | 'data'>): Course {
  return storedValue(readJson(StoredCourseSchema, row.data, { table: 'training_courses', column: 'data', id: row.id }));
}

export function toExam(row: Pick<TrainingExamsTable, 'id' | 'data'>): Exam {
  return storedValue(readJson(ExamSchema, row.data, { table: 'training_exams', column: 'data', id: row.id }));
}

export function toQuestion(row: { id: string; data: string }): Question {
  return storedValue(readJson(QuestionSchema, row.data, { table: 'training_questions', column: 'data', id: row.id }));
}

const PaperSchema = v.array(QuestionSchema);

/** The paper of an attempt: its questions with their keys. */
export function toPaper(row: { id: string; paper: string }): Question[] {
  return storedValue(readJson(PaperSchema, row.paper, { table: 'training_attempts', column: 'paper', id: row.id }));
}

export function toResult(row: { id: string; result: string | null }): AttemptResult | undefined {
  if (row.result === null) return undefined;
  return storedValue(
    readJson(AttemptResultSchema, row.result, { table: 'training_attempts', column: 'result', id: row.id }),
  );
}

/** Saved answers by question id; an answer whose stored JSON is damaged counts as not given. */
export function toAnswers(rows: readonly { question_id: string; answer: string }[]): Record<string, ExamAnswer> {
  const answers: Record<string, ExamAnswer> = {};
  for (const row of rows) {
    const read = readJson(ExamAnswerSchema, row.answer, {
      table: 'training_answers',
      column: 'answer',
      id: row.question_id,
    });
    if (read.ok) answers[row.question_id] = read.value;
  }
  return answers;
}

export function toCertificate(row: TrainingCertificatesTable, day: string): Certificate {
  const standing = certificateStanding({ expiresOn: row.expires_on, revokedAt: row.revoked_at }, day);
  return {
    id: row.id,
    code: row.code,
    staffId: row.staff_id,
    holder: row.holder_name,
    ...(row.role ? { role: row.role as NonNullable<Certificate['role']> } : {}),
    venueId: row.venue_id,
    venue: row.venue_name,
    regionId: row.region_id,
    course: row.course_title,
    examId: row.exam_id,
    ...(row.attempt_id ? { attemptId: row.attempt_id } : {}),
    ...(row.score_tenths === null ? {} : { score: row.score_tenths / 10 }),
    issuedOn: row.issued_on,
    expiresOn: row.expires_on,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
    valid: standing.valid,
  };
}
