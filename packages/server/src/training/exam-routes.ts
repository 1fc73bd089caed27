/**
 * Exams and attempts: list (with the learner's standing), create (regulators, checked against the bank), start or
 * resume an attempt, read it, save one answer, submit. See attempts.ts for the rules the server keeps.
 */
import {
  AttemptSchema,
  bankShortfalls,
  type Exam,
  ExamInputSchema,
  type ExamListItem,
  ExamPageSchema,
  ExamSchema,
  paperSize,
  SaveAnswerInputSchema,
  SavedAnswerSchema,
  SubmitInputSchema,
} from '@brightkitchen/sdk/training';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { oversees, venueAccessOf } from '../auth/index.js';
import { newId, readEach, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { regionChain } from '../regions/tree.js';
import { BEARER, errorResponses, IdParam, jsonSchema, parseOrThrow } from '../schemas/index.js';
import { publishingRegion, reachOf, requireUser } from './access.js';
import { attemptsUsed, attemptView, newAttemptView, saveAnswer, startAttempt, submitAttempt } from './attempts.js';
import { activeBank } from './bank.js';
import { findLearner, requireLearner } from './learner.js';
import { toExam } from './store.js';

const ExamParamsSchema = v.object({ examId: IdParam });
const AttemptParamsSchema = v.object({ attemptId: IdParam });
const AnswerParamsSchema = v.object({ attemptId: IdParam, questionId: IdParam });
const StartQuerySchema = v.object({ venueId: v.optional(IdParam) });

export const examRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const { db } = database;

  /** The learner of the attempt, the venue's manager, its regulators and admins may read it. */
  async function mayRead(request: FastifyRequest, attempt: { user_id: string; venue_id: string; region_id: string }) {
    const principal = requireUser(request);
    if (attempt.user_id === principal.userId || principal.role === 'admin') return;
    if (principal.role === 'regulator' && (await oversees(app, principal, attempt.region_id))) return;
    if (principal.role === 'operator_manager') {
      const access = await venueAccessOf(app, principal, { id: attempt.venue_id, region_id: attempt.region_id });
      if (access === 'manager') return;
    }
    throw new AppError('NOT_FOUND');
  }

  app.get(
    '/training/exams',
    {
      schema: {
        tags: ['training'],
        operationId: 'listExams',
        summary: 'Exams offered to the caller, with a learner’s standing (attempts used, one under way, passed)',
        security: BEARER,
        response: { 200: jsonSchema(ExamPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const reach = await reachOf(app, principal);
      const managing = principal.role === 'admin' || principal.role === 'regulator';
      let query = db.selectFrom('training_exams').select(['id', 'data']);
      if (reach !== 'all') {
        query = query.where((eb) =>
          reach.length === 0
            ? eb('region_id', 'is', null)
            : eb.or([eb('region_id', 'is', null), eb('region_id', 'in', [...reach])]),
        );
      }
      if (!managing) query = query.where('state', '=', 'published');
      const exams = readEach(await query.orderBy('created_at').orderBy('id').execute(), toExam, request.log);
      const learner = await findLearner(database, principal);
      const now = new Date();
      const items: ExamListItem[] = [];
      for (const exam of exams) {
        const item: ExamListItem = { ...exam, questionCount: paperSize(exam, learner?.staffRole) };
        if (!learner) {
          items.push(item);
          continue;
        }
        if (item.questionCount === 0) continue;
        const standing = await attemptsUsed(db, learner.staffId, exam, now);
        const last = await db
          .selectFrom('training_attempts')
          .select(['id', 'state', 'deadline', 'score_tenths'])
          .where('staff_id', '=', learner.staffId)
          .where('exam_id', '=', exam.id)
          .orderBy('started_at', 'desc')
          .executeTakeFirst();
        const best = await db
          .selectFrom('training_attempts')
          .select((eb) => eb.fn.max('score_tenths').as('best'))
          .where('staff_id', '=', learner.staffId)
          .where('exam_id', '=', exam.id)
          .executeTakeFirst();
        const open = last?.state === 'open' && Date.parse(last.deadline) > now.getTime() ? last.id : undefined;
        items.push({
          ...item,
          standing: {
            attemptsUsed: standing.used,
            ...(open ? { openAttemptId: open } : {}),
            ...(last ? { lastAttemptId: last.id } : {}),
            ...(best?.best === null || best?.best === undefined ? {} : { bestScore: Number(best.best) / 10 }),
            passed: standing.lastPassAt !== undefined,
          },
        });
      }
      return { items, nextCursor: null };
    },
  );

  app.post(
    '/training/exams',
    {
      schema: {
        tags: ['training'],
        operationId: 'createExam',
        summary:
          'Publish an exam for a region (a regulator of it), or a national one (admin); checked against the bank',
        security: BEARER,
        body: jsonSchema(ExamInputSchema),
        response: { 201: jsonSchema(ExamSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      const input = parseOrThrow(ExamInputSchema, request.body);
      const regionId = await publishingRegion(app, principal, input.regionId);
      if (input.courseId) {
        const course = await db
          .selectFrom('training_courses')
          .select(['id', 'region_id'])
          .where('id', '=', input.courseId)
          .executeTakeFirst();
        if (!course) {
          throw new AppError('VALIDATION_FAILED', {
            issues: [
              { code: 'FIELD_NOT_FOUND', path: 'courseId', message: { zh: '课程不存在', en: 'No such course' } },
            ],
          });
        }
      }
      const regions = regionId ? await regionChain(database, regionId) : [];
      const available: Record<string, number> = {};
      for (const q of await activeBank(database, regions)) available[q.topic] = (available[q.topic] ?? 0) + 1;
      const shortfalls = bankShortfalls(input.rules, available);
      if (shortfalls.length > 0) throw new AppError('TRAINING_BANK_TOO_SMALL', { shortfalls });
      const now = new Date().toISOString();
      const { regionId: _ignored, ...entries } = input;
      const exam: Exam = { id: newId('exm'), regionId, ...entries, state: 'published' };
      await db
        .insertInto('training_exams')
        .values({
          id: exam.id,
          region_id: regionId,
          course_id: exam.courseId ?? null,
          title: exam.title,
          state: exam.state,
          data: toJson(exam),
          created_by: principal.userId,
          created_at: now,
          updated_at: now,
        })
        .execute();
      reply.status(201);
      return exam;
    },
  );

  app.post<{ Params: { examId: string }; Querystring: { venueId?: string } }>(
    '/training/exams/:examId/attempts',
    {
      schema: {
        tags: ['training'],
        operationId: 'startAttempt',
        summary: 'Start an attempt (201, the paper without its key) or resume the one under way (200)',
        security: BEARER,
        params: jsonSchema(ExamParamsSchema),
        querystring: jsonSchema(StartQuerySchema),
        response: { 200: jsonSchema(AttemptSchema), 201: jsonSchema(AttemptSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      const learner = await requireLearner(app, principal, request.query.venueId);
      const now = new Date();
      const { row, created, paper } = await startAttempt(database, learner, request.params.examId, now);
      reply.status(created ? 201 : 200);
      return created && paper ? newAttemptView(row, paper, now) : attemptView(database, row.id, now);
    },
  );

  app.get<{ Params: { attemptId: string } }>(
    '/training/attempts/:attemptId',
    {
      schema: {
        tags: ['training'],
        operationId: 'getAttempt',
        summary: 'An attempt: the paper and saved answers while open; result, review and certificate once closed',
        security: BEARER,
        params: jsonSchema(AttemptParamsSchema),
        response: { 200: jsonSchema(AttemptSchema), ...errorResponses },
      },
    },
    async (request) => {
      const row = await db
        .selectFrom('training_attempts')
        .select(['user_id', 'venue_id', 'region_id'])
        .where('id', '=', request.params.attemptId)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      await mayRead(request, row);
      return attemptView(database, request.params.attemptId, new Date());
    },
  );

  app.put<{ Params: { attemptId: string; questionId: string } }>(
    '/training/attempts/:attemptId/answers/:questionId',
    {
      schema: {
        tags: ['training'],
        operationId: 'saveAnswer',
        summary: 'Save one answer (the learner; again to change it) before the deadline',
        security: BEARER,
        params: jsonSchema(AnswerParamsSchema),
        body: jsonSchema(SaveAnswerInputSchema),
        response: { 200: jsonSchema(SavedAnswerSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const { answer } = parseOrThrow(SaveAnswerInputSchema, request.body);
      const { attemptId, questionId } = request.params;
      return saveAnswer(database, principal, attemptId, questionId, answer, new Date());
    },
  );

  app.post<{ Params: { attemptId: string } }>(
    '/training/attempts/:attemptId/submit',
    {
      schema: {
        tags: ['training'],
        operationId: 'submitAttempt',
        summary: 'Submit (the learner), with any answers not yet saved: scored here; a pass issues the certificate',
        security: BEARER,
        params: jsonSchema(AttemptParamsSchema),
        body: jsonSchema(SubmitInputSchema),
        response: { 200: jsonSchema(AttemptSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const input = parseOrThrow(SubmitInputSchema, request.body);
      const now = new Date();
      await submitAttempt(database, principal, request.params.attemptId, input.answers ?? {}, now);
      return attemptView(database, request.params.attemptId, now);
    },
  );
};
