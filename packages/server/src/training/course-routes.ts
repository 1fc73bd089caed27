/**
 * The course library: `GET /training/courses` (what the caller is offered: the national set, their regions'; with
 * their own progress), `GET /training/courses/{courseId}` (any published course, to anyone logged in), `POST`
 * (a regulator for a region they oversee; admins also the national set), `PATCH` (publish or retire), and a
 * learner marking a lesson done.
 */
import {
  type Course,
  CourseInputSchema,
  CoursePageSchema,
  type CourseProgress,
  CourseProgressSchema,
  CourseSchema,
  CourseStateInputSchema,
  toCourseSummary,
} from '@brightkitchen/sdk/training';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { newId, readEach, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { BEARER, errorResponses, IdParam, jsonSchema, parseOrThrow } from '../schemas/index.js';
import { publishingRegion, reachOf, requireUser } from './access.js';
import { findLearner, requireLearner } from './learner.js';
import { toCourse } from './store.js';

const CourseParamsSchema = v.object({ courseId: IdParam });
const LessonParamsSchema = v.object({ courseId: IdParam, lessonId: IdParam });
const CourseQuerySchema = v.object({ regionId: v.optional(IdParam) });

export const courseRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const { db } = database;

  async function progressOf(userId: string, courseIds: readonly string[]): Promise<Map<string, CourseProgress>> {
    const out = new Map<string, CourseProgress>();
    if (courseIds.length === 0) return out;
    const rows = await db
      .selectFrom('training_progress')
      .select(['course_id', 'lesson_id', 'completed_at'])
      .where('user_id', '=', userId)
      .where('course_id', 'in', [...courseIds])
      .execute();
    for (const row of rows) {
      const p = out.get(row.course_id) ?? { courseId: row.course_id, completedLessons: [], lessonCount: 0 };
      out.set(row.course_id, {
        ...p,
        completedLessons: [...p.completedLessons, row.lesson_id],
        completedAt: p.completedAt && p.completedAt > row.completed_at ? p.completedAt : row.completed_at,
      });
    }
    return out;
  }

  function withProgress(course: Course, progress: CourseProgress | undefined): Course {
    const lessonIds = new Set(course.lessons.map((l) => l.id));
    const done = (progress?.completedLessons ?? []).filter((id) => lessonIds.has(id));
    const complete = done.length === course.lessons.length;
    return {
      ...course,
      progress: {
        courseId: course.id,
        completedLessons: done,
        lessonCount: course.lessons.length,
        ...(complete && progress?.completedAt ? { completedAt: progress.completedAt } : {}),
      },
    };
  }

  async function loadCourse(courseId: string): Promise<Course> {
    const row = await db
      .selectFrom('training_courses')
      .select(['id', 'data'])
      .where('id', '=', courseId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    return toCourse(row);
  }

  app.get<{ Querystring: { regionId?: string } }>(
    '/training/courses',
    {
      schema: {
        tags: ['training'],
        operationId: 'listCourses',
        summary: 'Courses offered to the caller (national and their regions’), with the caller’s progress',
        security: BEARER,
        querystring: jsonSchema(CourseQuerySchema),
        response: { 200: jsonSchema(CoursePageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const reach = await reachOf(app, principal);
      const managing = principal.role === 'admin' || principal.role === 'regulator';
      let query = db.selectFrom('training_courses').select(['id', 'data']);
      if (reach !== 'all') {
        query = query.where((eb) =>
          reach.length === 0
            ? eb('region_id', 'is', null)
            : eb.or([eb('region_id', 'is', null), eb('region_id', 'in', [...reach])]),
        );
      }
      if (request.query.regionId) query = query.where('region_id', '=', request.query.regionId);
      if (!managing) query = query.where('state', '=', 'published');
      const rows = await query.orderBy('region_id').orderBy('created_at').orderBy('id').execute();
      const courses = readEach(rows, toCourse, request.log);
      const learner = await findLearner(database, principal);
      const relevant = learner
        ? courses.filter(
            (c) =>
              (c.roles.length === 0 || c.roles.includes(learner.staffRole)) &&
              (c.venueKinds.length === 0 || (c.venueKinds as readonly string[]).includes(learner.venueKind)),
          )
        : courses;
      const progress = await progressOf(
        principal.userId,
        relevant.map((c) => c.id),
      );
      return {
        items: relevant.map((c) => toCourseSummary(withProgress(c, progress.get(c.id)))),
        nextCursor: null,
      };
    },
  );

  app.get<{ Params: { courseId: string } }>(
    '/training/courses/:courseId',
    {
      schema: {
        tags: ['training'],
        operationId: 'getCourse',
        summary: 'A course with its lessons, and the caller’s progress',
        security: BEARER,
        params: jsonSchema(CourseParamsSchema),
        response: { 200: jsonSchema(CourseSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const course = await loadCourse(request.params.courseId);
      if (course.state !== 'published' && principal.role !== 'admin' && principal.role !== 'regulator') {
        throw new AppError('NOT_FOUND');
      }
      const progress = await progressOf(principal.userId, [course.id]);
      return withProgress(course, progress.get(course.id));
    },
  );

  app.post(
    '/training/courses',
    {
      schema: {
        tags: ['training'],
        operationId: 'createCourse',
        summary: 'Publish a course for a region (a regulator of it), or a national one (admin)',
        security: BEARER,
        body: jsonSchema(CourseInputSchema),
        response: { 201: jsonSchema(CourseSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      const input = parseOrThrow(CourseInputSchema, request.body);
      const regionId = await publishingRegion(app, principal, input.regionId);
      const ids = input.lessons.map((l) => l.id);
      if (new Set(ids).size !== ids.length) {
        const at = ids.findIndex((id, i) => ids.indexOf(id) !== i);
        throw new AppError('VALIDATION_FAILED', {
          issues: [
            {
              code: 'FIELD_INVALID',
              path: `lessons.${at}.id`,
              message: { zh: '课时编号重复', en: 'Two lessons have the same id' },
            },
          ],
        });
      }
      const now = new Date().toISOString();
      const { regionId: _ignored, ...entries } = input;
      const course: Course = { id: newId('crs'), regionId, ...entries, state: 'published', updatedAt: now };
      await db
        .insertInto('training_courses')
        .values({
          id: course.id,
          region_id: regionId,
          title: course.title,
          state: course.state,
          data: toJson(course),
          created_by: principal.userId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      reply.status(201);
      return course;
    },
  );

  app.patch<{ Params: { courseId: string } }>(
    '/training/courses/:courseId',
    {
      schema: {
        tags: ['training'],
        operationId: 'setCourseState',
        summary: 'Publish or retire a course (a regulator of its region; admins also national ones)',
        security: BEARER,
        params: jsonSchema(CourseParamsSchema),
        body: jsonSchema(CourseStateInputSchema),
        response: { 200: jsonSchema(CourseSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const { state } = parseOrThrow(CourseStateInputSchema, request.body);
      const course = await loadCourse(request.params.courseId);
      await publishingRegion(app, principal, course.regionId);
      const now = new Date().toISOString();
      const updated: Course = { ...course, state, updatedAt: now };
      await db
        .updateTable('training_courses')
        .set({ state, data: toJson(updated), updated_at: now })
        .where('id', '=', course.id)
        .execute();
      return updated;
    },
  );

  app.post<{ Params: { courseId: string; lessonId: string } }>(
    '/training/courses/:courseId/lessons/:lessonId/complete',
    {
      schema: {
        tags: ['training'],
        operationId: 'completeLesson',
        summary: 'Mark a lesson done (the learner); answers the course progress',
        security: BEARER,
        params: jsonSchema(LessonParamsSchema),
        response: { 200: jsonSchema(CourseProgressSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const learner = await requireLearner(app, principal);
      const course = await loadCourse(request.params.courseId);
      if (course.state !== 'published') throw new AppError('NOT_FOUND');
      const lesson = course.lessons.find((l) => l.id === request.params.lessonId);
      if (!lesson) throw new AppError('NOT_FOUND');
      const now = new Date().toISOString();
      await db
        .insertInto('training_progress')
        .values({
          user_id: principal.userId,
          course_id: course.id,
          lesson_id: lesson.id,
          staff_id: learner.staffId,
          venue_id: learner.venueId,
          completed_at: now,
        })
        .onConflict((oc) => oc.columns(['user_id', 'course_id', 'lesson_id']).doNothing())
        .execute();
      const progress = await progressOf(principal.userId, [course.id]);
      return withProgress(course, progress.get(course.id)).progress as CourseProgress;
    },
  );
};
