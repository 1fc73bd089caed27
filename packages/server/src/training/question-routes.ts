/**
 * The question bank for regulators: `GET /training/questions` (national and their regions', with keys: never to
 * learners) and `POST /training/questions/import` (.xlsx or CSV, base64; all or nothing unless `skipInvalid`;
 * `dryRun` checks only). A refused import answers 422 QUESTION_IMPORT_REFUSED with the row-level report.
 */
import {
  BankQuestionSchema,
  type QuestionImportInput,
  QuestionImportInputSchema,
  QuestionImportReportSchema,
  QuestionPageSchema,
  QuestionStateInputSchema,
} from '@brightkitchen/sdk/training';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { requireRole } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { newestFirst, pageOf } from '../paging/index.js';
import { oversight } from '../regions/oversight.js';
import {
  BEARER,
  errorResponses,
  IdParam,
  jsonSchema,
  ListQuerySchema,
  parseOrThrow,
  readLimit,
} from '../schemas/index.js';
import { publishingRegion, requireUser } from './access.js';
import { bankChanged } from './bank.js';
import { readQuestionFile } from './question-file.js';
import { importQuestionTable } from './questions.js';
import { toQuestion } from './store.js';

/** The import's body limit: a 5 MiB file in base64 with room for the JSON around it. */
export const QUESTION_IMPORT_BODY_LIMIT = 7 * 1024 * 1024;

const QuestionQuerySchema = v.object({
  ...ListQuerySchema.entries,
  topic: v.optional(v.pipe(v.string(), v.maxLength(48))),
  regionId: v.optional(IdParam),
});

export const questionRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;
  const { db } = database;

  app.get<{ Querystring: { limit?: string; cursor?: string; topic?: string; regionId?: string } }>(
    '/training/questions',
    {
      schema: {
        tags: ['training'],
        operationId: 'listQuestions',
        summary: 'The bank with its keys (regulators: national and their regions’; admins: all)',
        security: BEARER,
        querystring: jsonSchema(QuestionQuerySchema),
        response: { 200: jsonSchema(QuestionPageSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, ['regulator', 'admin']);
      const reach = await oversight(app, principal);
      const { topic, regionId, cursor } = request.query;
      const limit = readLimit(request.query.limit, 100, 500);
      let query = db.selectFrom('training_questions').select(['id', 'data', 'region_id', 'state', 'created_at']);
      if (reach !== 'all') query = query.where('scope', 'in', ['national', ...reach]);
      if (topic) query = query.where('topic', '=', topic);
      if (regionId) query = query.where('region_id', '=', regionId);
      const rows = await newestFirst(query, 'created_at', 'id', cursor, limit);
      return pageOf(
        rows,
        limit,
        (row) => ({ ...toQuestion(row), regionId: row.region_id, state: row.state as 'active' | 'retired' }),
        request.log,
      );
    },
  );

  app.patch<{ Params: { questionId: string } }>(
    '/training/questions/:questionId',
    {
      schema: {
        tags: ['training'],
        operationId: 'setQuestionState',
        summary: 'Retire a question (no longer drawn; papers under way keep it) or bring it back',
        security: BEARER,
        params: jsonSchema(v.object({ questionId: IdParam })),
        body: jsonSchema(QuestionStateInputSchema),
        response: { 200: jsonSchema(BankQuestionSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const { state } = parseOrThrow(QuestionStateInputSchema, request.body);
      const row = await db
        .selectFrom('training_questions')
        .select(['id', 'data', 'region_id'])
        .where('id', '=', request.params.questionId)
        .executeTakeFirst();
      if (!row) throw new AppError('NOT_FOUND');
      await publishingRegion(app, principal, row.region_id);
      await db.updateTable('training_questions').set({ state }).where('id', '=', row.id).execute();
      bankChanged(database);
      return { ...toQuestion(row), regionId: row.region_id, state };
    },
  );

  app.post<{ Body: QuestionImportInput }>(
    '/training/questions/import',
    {
      bodyLimit: QUESTION_IMPORT_BODY_LIMIT,
      schema: {
        tags: ['training'],
        operationId: 'importQuestions',
        summary: 'Import questions from .xlsx or CSV (regulators for their regions, admins also national)',
        security: BEARER,
        body: jsonSchema(QuestionImportInputSchema),
        response: { 200: jsonSchema(QuestionImportReportSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireUser(request);
      const input = parseOrThrow(QuestionImportInputSchema, request.body);
      const regionId = await publishingRegion(app, principal, input.regionId);
      const table = await readQuestionFile(Buffer.from(input.fileBase64, 'base64'), input.format);
      const report = await importQuestionTable(database, table, {
        regionId,
        skipInvalid: input.skipInvalid === true,
        dryRun: input.dryRun === true,
        createdBy: principal.userId,
      });
      if (report.refused) {
        // `issues` in the error vocabulary (path `row.column`); `report` as the import answers it (its first 50 problems).
        const issues = report.problems.map((p) => ({ code: p.code, path: `${p.row}.${p.column}`, message: p.message }));
        throw new AppError('QUESTION_IMPORT_REFUSED', { issues, report });
      }
      request.log.info({ regionId, imported: report.imported, skipped: report.skipped }, 'questions imported');
      return report;
    },
  );
};
