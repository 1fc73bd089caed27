import type { Kysely } from 'kysely';
import type { DialectKind } from '../database.js';
import type { AppMigration } from './migration.js';

/**
 * Training: the course library, the question bank, exams, attempts (the paper with its key, kept on the server) and
 * the answers saved one by one, lesson progress, certificates with their verification code, and each region's
 * certificate validity. `scope` is the region id, or `national` for the default set (a unique index can then hold
 * one stem per scope on both databases: PostgreSQL counts NULLs as distinct).
 */
async function up(db: Kysely<unknown>, _dialect: DialectKind): Promise<void> {
  await db.schema
    .createTable('training_courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('training_courses_region').on('training_courses').column('region_id').execute();

  await db.schema
    .createTable('training_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('stem_key', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_questions_stem')
    .unique()
    .on('training_questions')
    .columns(['scope', 'stem_key'])
    .execute();
  await db.schema
    .createIndex('training_questions_topic')
    .on('training_questions')
    .columns(['scope', 'topic', 'state'])
    .execute();

  await db.schema
    .createTable('training_exams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text')
    .addColumn('course_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('training_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exam_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('venue_id', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    // What the exam said when the attempt began (an exam edited later does not change a paper under way).
    .addColumn('exam_title', 'text', (c) => c.notNull())
    .addColumn('pass_score', 'integer', (c) => c.notNull())
    .addColumn('attempt_no', 'integer', (c) => c.notNull())
    .addColumn('attempts_allowed', 'integer', (c) => c.notNull())
    // 'open' while under way, NULL once closed: one open attempt per learner and exam.
    .addColumn('open_key', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('paper', 'text', (c) => c.notNull())
    .addColumn('score_tenths', 'integer')
    .addColumn('passed', 'integer')
    .addColumn('result', 'text')
    .execute();
  await db.schema
    .createIndex('training_attempts_open')
    .unique()
    .on('training_attempts')
    .columns(['exam_id', 'staff_id', 'open_key'])
    .execute();
  await db.schema
    .createIndex('training_attempts_staff')
    .on('training_attempts')
    .columns(['staff_id', 'exam_id', 'started_at'])
    .execute();
  await db.schema
    .createIndex('training_attempts_region')
    .on('training_attempts')
    .columns(['region_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('training_answers')
    .addColumn('attempt_id', 'text', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_answers_pk', ['attempt_id', 'question_id'])
    .execute();

  await db.schema
    .createTable('training_progress')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('lesson_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('venue_id', 'text')
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_progress_pk', ['user_id', 'course_id', 'lesson_id'])
    .execute();
  await db.schema.createIndex('training_progress_staff').on('training_progress').column('staff_id').execute();

  await db.schema
    .createTable('training_certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('venue_id', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull())
    .addColumn('exam_id', 'text', (c) => c.notNull())
    .addColumn('attempt_id', 'text')
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('venue_name', 'text', (c) => c.notNull())
    .addColumn('course_title', 'text', (c) => c.notNull())
    .addColumn('score_tenths', 'integer')
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_certificates_staff')
    .on('training_certificates')
    .columns(['staff_id', 'expires_on'])
    .execute();
  await db.schema.createIndex('training_certificates_venue').on('training_certificates').column('venue_id').execute();
  await db.schema.createIndex('training_certificates_region').on('training_certificates').column('region_id').execute();

  await db.schema
    .createTable('training_settings')
    .addColumn('region_id', 'text', (c) => c.primaryKey())
    .addColumn('certificate_valid_months', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export const training: AppMigration = { name: '042-training', up };
