/**
 * `POST /v1/imports/{venues|inspections}`: a bureau register uploaded from the console (base64 CSV or .xlsx), checked
 * and imported as `bk-server import` does — all or nothing unless `skipInvalid`, `dryRun` checks only. A regulator
 * imports into the regions they oversee; an admin anywhere. After an import the warehouse and the public profiles
 * read the new archive at once.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  REGISTER_KINDS,
  REGISTER_UPLOAD_MAX_BYTES,
  RegisterImportReportSchema,
  type RegisterUploadInput,
  RegisterUploadInputSchema,
  type RegisterUploadKind,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import * as v from 'valibot';
import { requireRole } from '../auth/index.js';
import { AppError } from '../errors/index.js';
import { profileCacheOf } from '../public-venues/profile-cache.js';
import { oversight } from '../regions/oversight.js';
import { forgetRankings } from '../risk/ranking.js';
import { BEARER, errorResponses, jsonSchema, parseOrThrow } from '../schemas/index.js';
import { forgetVenueDirectory } from '../warehouse/directory.js';
import { registerRows } from './command.js';
import { ImportRefused, importRegister } from './import-register.js';

const KindParamsSchema = v.object({ kind: v.picklist(REGISTER_KINDS) });

/** The body limit: the largest file in base64, with room for the JSON around it. */
export const REGISTER_UPLOAD_BODY_LIMIT = Math.ceil(REGISTER_UPLOAD_MAX_BYTES / 3) * 4 + 4096;

export const importRoutes: FastifyPluginAsync = async (app) => {
  const { database } = app.ctx;

  app.post<{ Params: { kind: RegisterUploadKind }; Body: RegisterUploadInput }>(
    '/imports/:kind',
    {
      bodyLimit: REGISTER_UPLOAD_BODY_LIMIT,
      schema: {
        tags: ['regions'],
        operationId: 'importRegister',
        summary: 'Import a bureau register (venues or inspection history) from CSV or .xlsx',
        security: BEARER,
        params: jsonSchema(KindParamsSchema),
        body: jsonSchema(RegisterUploadInputSchema),
        response: { 200: jsonSchema(RegisterImportReportSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = requireRole(request, ['regulator', 'admin']);
      const { kind } = request.params;
      const input = parseOrThrow(RegisterUploadInputSchema, request.body);
      const reach = await oversight(app, principal);
      // The readers take a file (xlsx is a zip read from disk): a private folder, removed after.
      const dir = await mkdtemp(join(tmpdir(), 'bk-register-'));
      try {
        const path = join(dir, 'register');
        await writeFile(path, Buffer.from(input.fileBase64, 'base64'));
        const read = await registerRows(path);
        if ('refused' in read) throw new AppError('REGISTER_FILE_UNREADABLE', { reason: read.refused });
        const report = await importRegister(database, kind, read.rows, {
          skipInvalid: input.skipInvalid === true,
          dryRun: input.dryRun === true,
          ...(reach === 'all' ? {} : { regionIds: new Set(reach) }),
        }).catch((error: unknown) => {
          if (error instanceof ImportRefused) throw new AppError('REGISTER_FILE_UNREADABLE', { reason: error.message });
          throw error;
        });
        if (!report.imported && !input.dryRun && report.problems.length > 0) {
          throw new AppError('REGISTER_IMPORT_REFUSED', { report });
        }
        if (report.imported) {
          forgetVenueDirectory(database);
          forgetRankings(database);
          profileCacheOf(database).clear();
        }
        request.log.info(
          { kind, rows: report.rows, created: report.created, updated: report.updated },
          'register imported',
        );
        return report;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
};
