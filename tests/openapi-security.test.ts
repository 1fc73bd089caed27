/**
 * The `security` the OpenAPI document gives each operation (what Swagger UI's Authorize sends on "Try it out",
 * what a client author reads) against who the route matrix shows may call it: public routes say so, a route
 * partners may call documents the partner signature, one they may not leaves it out, and user routes ask for
 * the bearer token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { type CallerName, MATRIX } from './support/route-matrix.js';

type Security = Record<string, string[]>[];
const USERS: readonly CallerName[] = ['consumerA', 'staffA', 'managerA', 'regulatorA', 'admin'];

describe.each(DATABASES)('documented security on %s', (kind) => {
  let server: TestServer;
  let security: Map<string, Security | undefined>;
  beforeAll(async () => {
    server = await startTestServer(kind);
    const doc = await server.request<{ paths: Record<string, Record<string, { security?: Security }>> }>(
      '/openapi.json',
    );
    security = new Map(
      Object.entries(doc.body.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => [`${method.toUpperCase()} ${path}`, op.security] as const),
      ),
    );
  });
  afterAll(() => server?.close());

  it('matches who may call each route', () => {
    const mismatches = Object.entries(MATRIX).flatMap(([key, entry]) => {
      const alternatives = security.get(key);
      if (!alternatives) return [`${key}: no security`];
      const anyone = alternatives.length === 0 || alternatives.some((a) => Object.keys(a).length === 0);
      const schemes = alternatives.flatMap((a) => Object.keys(a));
      const isPublic = entry.allow.includes('anonymous');
      const problems: string[] = [];
      if (anyone !== isPublic) problems.push(isPublic ? 'public, not documented so' : 'documented public');
      if (!isPublic && schemes.includes('partnerSignature') !== entry.allow.includes('partner'))
        problems.push(entry.allow.includes('partner') ? 'partners may call it' : 'partners may not call it');
      if (!isPublic && entry.allow.some((c) => USERS.includes(c)) && !schemes.includes('bearer'))
        problems.push('users call it with a bearer token');
      return problems.map((p) => `${key}: ${p}`);
    });
    expect(mismatches).toEqual([]);
  });
});
