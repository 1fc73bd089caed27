/**
 * The OpenAPI document a client author or Swagger UI reads: every operation named, summarised, secured and
 * answered with a schema, and the whole of it valid OpenAPI 3.1 by Redocly's recommended rules (run offline).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
}

const run = promisify(execFile);

/** Redocly's CLI as installed with the server (a devDependency). */
function redoclyCli(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@redocly/cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifest), bin.redocly ?? 'bin/cli.js');
}

describe.each(DATABASES)('the OpenAPI document on %s', (kind) => {
  let server: TestServer;
  let doc: OpenApiDocument;
  let operations: { key: string; operation: Operation }[];
  beforeAll(async () => {
    server = await startTestServer(kind);
    doc = (await server.request<OpenApiDocument>('/openapi.json')).body;
    operations = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
    );
  });
  afterAll(() => server?.close());

  it('names, summarises, secures and answers every operation', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(operations.length).toBeGreaterThanOrEqual(50);
    const schemes = Object.keys(doc.components.securitySchemes);
    const lacking = operations.flatMap(({ key, operation }) => {
      const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2/.test(status));
      const problems = [
        operation.operationId ? '' : 'operationId',
        operation.summary ? '' : 'summary',
        operation.tags?.length ? '' : 'tags',
        // `[]` is a public route; otherwise every scheme named must be declared.
        Array.isArray(operation.security) &&
        operation.security.every((alternative) => Object.keys(alternative).every((s) => schemes.includes(s)))
          ? ''
          : 'security',
        success.length > 0 &&
        // 204 No Content has no body to describe.
        success.every(
          ([status, answer]) =>
            status === '204' || Object.values(answer.content ?? {}).some((media) => media.schema !== undefined),
        )
          ? ''
          : 'success response schema',
      ].filter(Boolean);
      return problems.length ? [`${key}: ${problems.join(', ')}`] : [];
    });
    expect(lacking).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is valid OpenAPI 3.1 by Redocly’s recommended rules, offline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bk-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const config = fileURLToPath(new URL('./redocly.yaml', import.meta.url));
      const { stdout } = await run(
        process.execPath,
        [redoclyCli(), 'lint', file, '--config', config, '--format', 'json', '--max-problems', '1000'],
        { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
      ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      const report = JSON.parse(stdout) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; message: string; location?: { pointer?: string }[] }[];
      };
      const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} (${p.location?.[0]?.pointer ?? ''})`);
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
