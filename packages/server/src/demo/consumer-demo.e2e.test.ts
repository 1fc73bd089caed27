/**
 * `pnpm start` as a consumer meets it, offline: with no WeChat AppID and no SMS provider configured, the demo's
 * WeChat stand-in signs consumers in (each distinct code a distinct consumer), SMS codes appear in the log where the
 * banner says, and every consumer flow works — rate, notice, complaint with photo and location, "mine".
 * `bk-server` runs from source with tsx, as an operator runs it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoAccounts } from './accounts-file.js';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'bk-consumer-demo-'));
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BK_'))),
  BK_DATA_DIR: dataDir,
  BK_PORT: '0',
  BK_DEVICES: 'off',
  BK_LOG_LEVEL: 'info',
};
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600, 3)]);

let child: ChildProcess;
let output = '';
let base = '';

async function waitFor(pattern: RegExp, ms = 60_000): Promise<RegExpExecArray> {
  const until = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(output);
    if (match) return match;
    if (Date.now() > until || child.exitCode !== null) throw new Error(`no ${pattern} in:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function call<T>(path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  // A small city, seeded first: the start itself is what is under test.
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', cli, 'seed', '--venues', '11', '--days', '2'], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(seeded.status, seeded.stderr).toBe(0);
  child = spawn(process.execPath, ['--import', 'tsx', cli, 'start'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  const [, url] = await waitFor(/is running: (http:\/\/127\.0\.0\.1:\d+)/);
  base = url as string;
}, 180_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

type Session = { accessToken: string; user: { id: string; role: string } };

describe('the demo, for consumers', () => {
  it('says in its banner how consumers sign in: the WeChat stand-in, and where SMS codes appear', () => {
    expect(output).toMatch(/no BK_WECHAT_APPID, so a local stand-in answers code2session/);
    expect(output).toContain('each is printed in this log, on a line starting "sms code 短信验证码"');
  });

  it('signs a consumer in with any WeChat code: each distinct code a distinct consumer', async () => {
    const a = await call<Session>('/v1/auth/wechat', { code: 'any-code-a' });
    const b = await call<Session>('/v1/auth/wechat', { code: 'any-code-b' });
    const again = await call<Session>('/v1/auth/wechat', { code: 'any-code-a' });
    expect(a.status).toBe(200);
    expect(a.body.user.role).toBe('consumer');
    expect(b.body.user.id).not.toBe(a.body.user.id);
    expect(again.body.user.id).toBe(a.body.user.id);
  });

  it('rates, sends a notice and a complaint with photo and location, and lists them under "mine"', async () => {
    const { accessToken: token } = (await call<Session>('/v1/auth/wechat', { code: 'flows' })).body;
    const publicCode = readDemoAccounts(dataDir).find((a) => a.publicCode)?.publicCode;
    const profile = await call<{ venueId: string; name: string }>(`/v1/public/venues/${publicCode}`);
    expect(profile.status).toBe(200);
    const venue = profile.body.venueId;
    const rated = await call(
      `/v1/venues/${venue}/ratings`,
      { faces: { dishes: 'satisfied', hygiene: 'neutral', service: 'satisfied' } },
      token,
    );
    expect(rated.status).toBe(201);
    expect((await call(`/v1/venues/${venue}/notices`, { subject: '顾客告知', body: '地面湿滑。' }, token)).status).toBe(
      201,
    );
    const complaint = await call<{ location?: unknown; photos: unknown[] }>(
      `/v1/venues/${venue}/complaints`,
      {
        text: '后厨人员未戴口罩',
        location: { lat: 36.457, lng: 115.991 },
        photos: [{ contentType: 'image/png', dataBase64: PNG.toString('base64') }],
      },
      token,
    );
    expect(complaint.status).toBe(201);
    expect(complaint.body.photos).toHaveLength(1);
    const notices = await call<{ items: { venueName?: string }[] }>('/v1/notices', undefined, token);
    const complaints = await call<{ items: { venueName?: string; location?: unknown; timeZone?: string }[] }>(
      '/v1/complaints',
      undefined,
      token,
    );
    expect(notices.body.items).toEqual([expect.objectContaining({ venueName: profile.body.name })]);
    expect(complaints.body.items).toEqual([
      expect.objectContaining({ venueName: profile.body.name, timeZone: 'Asia/Shanghai', location: expect.anything() }),
    ]);
  });

  it('prints an SMS code in the log, and the H5 sign-in takes it', async () => {
    const phone = '13912345678';
    expect((await call('/v1/auth/sms/code', { phone })).status).toBe(200);
    const [, code] = await waitFor(new RegExp(`sms code 短信验证码 ${phone}: (\\d{6})`));
    const session = await call<Session>('/v1/auth/sms', { phone, code });
    expect(session.status).toBe(200);
    expect(session.body.user.role).toBe('consumer');
  });
});
