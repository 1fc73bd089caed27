/**
 * The demo's training: the cook's certificate code in demo-accounts.json (`certificateCode`) verifies on the public
 * route, the cook is fit in the morning check, and the regulator's coverage has figures to show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { morningCheck } from '../testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import type { DemoAccount, DemoAccountsFile } from './accounts.js';
import { DEMO_ACCOUNTS_FILE } from './accounts-file.js';
import { ensureDemoCity } from './ensure.js';

describe.each(DATABASES)('demo training on %s', (kind) => {
  let server: TestServer;
  let accounts: readonly DemoAccount[];
  beforeAll(async () => {
    server = await startTestServer(kind);
    accounts = (await ensureDemoCity(server.database, server.config.dataDir, { venues: 22, days: 2 })).accounts;
  }, 180_000);
  afterAll(() => server?.close());

  const login = async (role: string) => {
    const account = accounts.find((a) => a.role === role);
    const res = await server.request<{ accessToken: string }>('/v1/auth/login', {
      body: { login: account?.login, password: account?.password },
    });
    return res.body.accessToken;
  };

  it('writes the cook’s certificate code to demo-accounts.json, and it verifies on the public route', async () => {
    const file = JSON.parse(readFileSync(join(server.config.dataDir, DEMO_ACCOUNTS_FILE), 'utf8')) as DemoAccountsFile;
    const code = file.certificateCode as string;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(file.accounts.find((a) => a.role === 'operator_staff')?.certificateCode).toBe(code);
    const res = await server.request<{ valid: boolean; holder: string; venue: string; course: string }>(
      `/v1/public/certificates/${code}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, course: '餐饮服务从业人员食品安全基础' });
    expect(res.body.holder).toMatch(/^.\*+$/);
    expect(res.body.venue).toBe(accounts.find((a) => a.role === 'operator_staff')?.venueName);
  });

  it('shows the cook’s certificate and review to the cook, and counts it in the morning check', async () => {
    const token = await login('operator_staff');
    const mine = await server.request<{ items: { staffId: string; valid: boolean; attemptId?: string }[] }>(
      '/v1/training/certificates',
      { token },
    );
    const certificate = mine.body.items[0];
    expect(certificate?.valid).toBe(true);
    const attempt = await server.request<{ review?: unknown[]; result?: { passed: boolean } }>(
      `/v1/training/attempts/${certificate?.attemptId}`,
      { token },
    );
    expect(attempt.body.result?.passed).toBe(true);
    expect(attempt.body.review).toHaveLength(50);
    const venueId = accounts.find((a) => a.role === 'operator_staff')?.venueId as string;
    const check = await server.request<{ record: { issues: { code: string }[] } }>(`/v1/venues/${venueId}/ledgers`, {
      token,
      body: morningCheck(certificate?.staffId as string),
      headers: { 'idempotency-key': 'demo-training-morning-check' },
    });
    expect(check.status).toBe(201);
    expect(JSON.stringify(check.body)).not.toContain('LEDGER_STAFF_TRAINING_CERT_INVALID');
  });

  it('gives the district regulator coverage figures and failing topics', async () => {
    const token = await login('regulator');
    const coverage = await server.request<{
      total: { staff: number; certified: number; expiring: number };
      failingTopics: { topic: string }[];
    }>('/v1/training/coverage', { token });
    expect(coverage.status).toBe(200);
    expect(coverage.body.total.staff).toBeGreaterThan(0);
    expect(coverage.body.total.certified).toBeGreaterThan(0);
    expect(coverage.body.failingTopics.length).toBeGreaterThan(0);
  });
});
