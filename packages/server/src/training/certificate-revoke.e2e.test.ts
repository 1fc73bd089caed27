/**
 * A regulator revokes a certificate (a cheated exam, a forged paper): the public check then says it is not valid
 * and why, the reason is in the audit log, and nobody outside the region — nor the venue itself — can revoke.
 */
import type { Attempt } from '@brightkitchen/sdk/training';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { createLearner, paperKey } from './testing.js';

describe('certificate revocation', () => {
  let server: TestServer;
  let city: TestCity;
  let certificate: { id: string; code: string };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    city = await seedTestCity(server);
    const learner = await createLearner(server.database, server.config, city.venues.school, { name: '孙师傅' });
    const attempt = await server.request<Attempt>('/v1/training/exams/nat-exam-basics/attempts', {
      method: 'POST',
      token: learner.token,
    });
    const answers = await paperKey(server.database, attempt.body.id);
    const passed = await server.request<Attempt>(`/v1/training/attempts/${attempt.body.id}/submit`, {
      method: 'POST',
      token: learner.token,
      body: { answers },
    });
    const issued = passed.body.certificate;
    if (!issued) throw new Error('no certificate issued');
    certificate = { id: issued.id, code: issued.code };
  });
  afterAll(async () => server?.close());

  const revoke = (token: string) =>
    server.request<{ valid: boolean; code?: string }>(`/v1/training/certificates/${certificate.id}/revoke`, {
      token,
      body: { reason: '考试时由他人代考' },
    });

  it('only the region’s regulator (or an admin) may revoke: the venue and another district may not', async () => {
    expect((await revoke(city.manager.token)).status).toBe(403);
    expect((await revoke(city.westRegulator.token)).status).toBe(404);
    const check = await server.request<{ valid: boolean }>(`/v1/public/certificates/${certificate.code}`);
    expect(check.body.valid).toBe(true);
  });

  it('a revoked certificate checks as not valid, revoked, and the reason is in the audit log', async () => {
    const done = await revoke(city.regulator.token);
    expect(done.status).toBe(200);
    expect(done.body.valid).toBe(false);
    const check = await server.request<{ valid: boolean; reason?: string }>(
      `/v1/public/certificates/${certificate.code}`,
    );
    expect(check.body).toMatchObject({ valid: false, reason: 'revoked' });
    const log = await server.request<{ items: { action: string; subject?: string; details?: { reason?: string } }[] }>(
      '/v1/audit?action=certificate.revoked',
      { token: city.admin.token },
    );
    const entry = log.body.items.find((e) => e.action === 'certificate.revoked' && e.subject === certificate.id);
    expect(entry?.details?.reason).toBe('考试时由他人代考');
  });
});
