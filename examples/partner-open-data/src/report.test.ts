/** The example against a real server started here: a partner key pulls one district's grades and ratings. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../../../packages/server/src/testing/fixtures.js';
import { startTestServer, type TestServer } from '../../../packages/server/src/testing/test-server.js';
import { displayWidth, gradesTable } from './grades-table.js';
import { runReport } from './report.js';

describe('partner open-data example', () => {
  let server: TestServer;
  let city: TestCity;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
    city = await seedTestCity(server);
    for (const face of ['satisfied', 'dissatisfied'] as const) {
      const consumer = await server.request<{ accessToken: string }>('/v1/auth/login', {
        body: { login: city.consumer.login, password: 'correct horse battery staple' },
      });
      const venue = face === 'satisfied' ? city.venues.school : city.venues.restaurant;
      const rated = await server.request(`/v1/venues/${venue}/ratings`, {
        token: consumer.body.accessToken,
        body: { faces: { dishes: face, hygiene: face, service: face } },
      });
      expect(rated.status).toBe(201);
    }
  });
  afterAll(() => server?.close());

  const env = () => ({
    BK_BASE_URL: server.baseUrl,
    BK_PARTNER_KEY: city.partner.keyId,
    BK_PARTNER_SECRET: city.partner.secret,
  });

  it('prints a table of the district’s venues with grades and rating summaries', async () => {
    let out = '';
    const code = await runReport({
      argv: ['--region', city.regions.east],
      env: env(),
      write: (text) => {
        out += text;
      },
    });
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toContain('2 家场所 / venues');
    const school = lines.find((l) => l.startsWith('第一中学食堂'));
    const restaurant = lines.find((l) => l.startsWith('老街饭店'));
    expect(school).toMatch(/学校食堂\s+未检查\s+—\s+1\s+100%$/);
    expect(restaurant).toMatch(/\s1\s+0%$/);
    expect(out).not.toContain('茌平养老院食堂');
  });

  it('refuses to run without its options, and reports an unknown region', async () => {
    let out = '';
    const write = (text: string) => {
      out += text;
    };
    expect(await runReport({ argv: [], env: {}, write })).toBe(2);
    expect(out).toContain('--key / BK_PARTNER_KEY');
    expect(await runReport({ argv: ['--region', 'nowhere'], env: env(), write })).toBe(1);
    expect(out).toContain('未找到区域 / no region: nowhere');
    // A wrong secret is the server's refusal, not a silent empty table.
    const refused = await runReport({
      argv: ['--region', city.regions.east],
      env: { ...env(), BK_PARTNER_SECRET: 'wrong' },
      write,
    }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'SIGNATURE_INVALID' });
  });

  it('runs as a script: region by name, options from the environment', async () => {
    const main = fileURLToPath(new URL('./main.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', main, '--region', '东昌府区'], {
      env: { ...process.env, ...env() },
      cwd: fileURLToPath(new URL('..', import.meta.url)),
    });
    expect(stdout).toContain('东昌府区');
    expect(stdout).toContain('第一中学食堂');
    expect(stdout).not.toContain('茌平养老院食堂');
  });

  it('aligns Chinese and Latin text by terminal columns', () => {
    expect(displayWidth('食堂 A')).toBe(6);
    const table = gradesTable([]);
    expect(table.split('\n')).toHaveLength(2);
  });
});
