/**
 * The national default set in the database: added on start (and by the demo seeding) where missing, by fixed id.
 * A stored row is never changed (a regulator may have retired it); a new release's additions appear at the next
 * start. Three small reads when nothing is missing.
 */
import { stemKey } from '@brightkitchen/sdk/training';
import { type Database, toJson } from '../db/index.js';
import { DEFAULT_COURSES, DEFAULT_EXAM, DEFAULT_QUESTIONS } from './default-set/index.js';

const SYSTEM = 'system:default-set';
export async function ensureDefaultTraining(database: Database, now: Date = new Date()): Promise<void> {
  const { db } = database;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const courseIds = new Set(
      (await trx.selectFrom('training_courses').select('id').where('region_id', 'is', null).execute()).map((r) => r.id),
    );
    const courses = DEFAULT_COURSES.filter((c) => !courseIds.has(c.id));
    if (courses.length > 0) {
      await trx
        .insertInto('training_courses')
        .values(
          courses.map((course) => ({
            id: course.id,
            region_id: null,
            title: course.title,
            state: course.state,
            data: toJson({ ...course, updatedAt: at }),
            created_by: SYSTEM,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
    const questionIds = new Set(
      (await trx.selectFrom('training_questions').select('id').where('scope', '=', 'national').execute()).map(
        (r) => r.id,
      ),
    );
    const stems = new Set(
      (await trx.selectFrom('training_questions').select('stem_key').where('scope', '=', 'national').execute()).map(
        (r) => r.stem_key,
      ),
    );
    const questions = DEFAULT_QUESTIONS.filter((q) => !questionIds.has(q.id) && !stems.has(stemKey(q.stem)));
    for (let i = 0; i < questions.length; i += 100) {
      await trx
        .insertInto('training_questions')
        .values(
          questions.slice(i, i + 100).map((q) => ({
            id: q.id,
            region_id: null,
            scope: 'national',
            topic: q.topic,
            kind: q.kind,
            stem_key: stemKey(q.stem),
            state: 'active',
            source: 'default',
            data: toJson(q),
            created_by: SYSTEM,
            created_at: at,
          })),
        )
        .execute();
    }
    const exam = await trx
      .selectFrom('training_exams')
      .select('id')
      .where('id', '=', DEFAULT_EXAM.id)
      .executeTakeFirst();
    if (!exam) {
      await trx
        .insertInto('training_exams')
        .values({
          id: DEFAULT_EXAM.id,
          region_id: null,
          course_id: DEFAULT_EXAM.courseId ?? null,
          title: DEFAULT_EXAM.title,
          state: DEFAULT_EXAM.state,
          data: toJson(DEFAULT_EXAM),
          created_by: SYSTEM,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
  });
}
