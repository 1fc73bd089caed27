/**
 * The question import through the API and the CLI: CSV (UTF-8, GB18030) and .xlsx, the row-level report, all or
 * nothing unless skipInvalid, a dry run, an unreadable file, a 20 MB upload, another district's regulator; and
 * `bk-questions import` exiting 2 on a refused file with each problem on a line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { runImportCommand } from './import-command.js';

const HEADER = '题型,题干,选项A,选项B,选项C,选项D,答案,解析,知识点';

interface Report {
  rows: number;
  valid: number;
  imported: number;
  skipped: number;
  refused: boolean;
  problems: { row: number; column: string; code: string; message: { zh: string; en: string } }[];
}

interface ErrorBody {
  code: string;
  details?: { report?: Report; issues?: { code: string; path: string }[] };
}

const scratch = mkdtempSync(join(tmpdir(), 'bk-questions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\r\n');
}

const unique = () => Math.random().toString(36).slice(2, 8);

describe.each(DATABASES)('question import on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(() => server?.close());

  async function questionCount(): Promise<number> {
    const row = await server.database.db
      .selectFrom('training_questions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  const post = (body: Record<string, unknown>, token = city.regulator.token) =>
    server.request<Report & ErrorBody>('/v1/training/questions/import', {
      token,
      body: { regionId: city.regions.east, format: 'csv', ...body },
    });
  const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');

  it('imports a CSV into the region’s bank, and a paper can then be drawn from it', async () => {
    const tag = unique();
    const before = await questionCount();
    const res = await post({
      fileBase64: b64(
        csv(
          `单选,留样冰箱温度（${tag}）？,0–8 ℃,10–15 ℃,,,A,冷藏。,食品留样`,
          `多选,哪些须暂停上岗（${tag}）？,发热,腹泻,近视,,AB,,从业人员健康管理`,
          `判断,专间温度不高于 25 ℃（${tag}）。,,,,,对,,special_room`,
        ),
      ),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, valid: 3, imported: 3, skipped: 0, refused: false, problems: [] });
    expect(await questionCount()).toBe(before + 3);
    const listed = await server.request<{ items: { stem: string; regionId: string | null }[] }>(
      `/v1/training/questions?regionId=${city.regions.east}`,
      { token: city.regulator.token },
    );
    expect(listed.body.items.filter((q) => q.stem.includes(tag)).map((q) => q.regionId)).toEqual([
      city.regions.east,
      city.regions.east,
      city.regions.east,
    ]);
  });

  it('refuses a file with broken rows as a whole, reporting row, column, code and message', async () => {
    const tag = unique();
    const before = await questionCount();
    const file = csv(
      `单选,好题（${tag}）,甲,乙,,,A,,食品留样`,
      `单选,空答案（${tag}）,甲,乙,,,,,食品留样`,
      `单选,答案不在选项中（${tag}）,甲,乙,,,D,,食品留样`,
      `单选,好题（${tag}）,甲,乙,,,B,,食品留样`,
      // Already in the national bank, full-width and spaces aside.
      '单选,餐饮服务单位食品安全的第一责任人是谁？,甲,乙,,,A,,law_and_duties',
    );
    const res = await post({ fileBase64: b64(file) });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('QUESTION_IMPORT_REFUSED');
    expect(res.body.details?.report?.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, '答案', 'QUESTION_ANSWER_MISSING'],
      [4, '答案', 'QUESTION_ANSWER_NOT_AN_OPTION'],
      [5, '题干', 'QUESTION_STEM_DUPLICATE'],
    ]);
    expect(res.body.details?.issues?.[0]).toMatchObject({ code: 'QUESTION_ANSWER_MISSING', path: '3.答案' });
    expect(await questionCount()).toBe(before);
    // The national bank's stem is a duplicate only for the national bank: the region may hold its own.
    // With skipInvalid the good rows go in and the report tells what was left out.
    const skipped = await post({ fileBase64: b64(file), skipInvalid: true });
    expect(skipped.status).toBe(200);
    expect(skipped.body).toMatchObject({ rows: 5, valid: 2, imported: 2, skipped: 3, refused: false });
    expect(await questionCount()).toBe(before + 2);
  });

  it('lets the region’s regulator retire its own questions (no longer drawn), and only admins national ones', async () => {
    const tag = unique();
    await post({ fileBase64: b64(csv(`判断,将被停用的题（${tag}）。,,,,,对,,law_and_duties`)) });
    const listed = await server.request<{ items: { id: string; stem: string; state: string }[] }>(
      `/v1/training/questions?regionId=${city.regions.east}&limit=500`,
      { token: city.regulator.token },
    );
    const mine = listed.body.items.find((q) => q.stem.includes(tag));
    const retired = await server.request<{ state: string }>(`/v1/training/questions/${mine?.id}`, {
      method: 'PATCH',
      token: city.regulator.token,
      body: { state: 'retired' },
    });
    expect([retired.status, retired.body.state]).toEqual([200, 'retired']);
    const national = await server.request(`/v1/training/questions/nat-law-01`, {
      method: 'PATCH',
      token: city.regulator.token,
      body: { state: 'retired' },
    });
    expect(national.status).toBe(403);
    const other = await server.request(`/v1/training/questions/${mine?.id}`, {
      method: 'PATCH',
      token: city.westRegulator.token,
      body: { state: 'active' },
    });
    expect(other.status).toBe(403);
  });

  it('checks only on a dry run', async () => {
    const before = await questionCount();
    const res = await post({
      fileBase64: b64(csv(`判断,试运行（${unique()}）。,,,,,错,,law_and_duties`)),
      dryRun: true,
    });
    expect(res.body).toMatchObject({ valid: 1, imported: 0, refused: false });
    expect(await questionCount()).toBe(before);
  });

  it('reads a GB18030 CSV as Excel on Chinese Windows saves it, and an .xlsx', async () => {
    const tag = unique();
    // "题型,题干,答案,知识点 / 判断,国标编码的题。,对,食品留样" as GB18030 bytes (made with iconv).
    const gb18030 = Buffer.from(
      'cce2d0cd2ccce2b8c92cb4f0b0b82cd6aacab6b5e30d0ac5d0b6cf2cb9fab1eab1e0c2ebb5c4cce2a1a32cb6d42ccab3c6b7c1f4d1f90d0a',
      'hex',
    );
    const chinese = await post({ fileBase64: b64(gb18030), dryRun: true });
    expect(chinese.body).toMatchObject({ rows: 1, valid: 1, problems: [] });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('试题');
    sheet.addRow(['题型', '题干', '选项A', '选项B', '选项C', '答案', '解析', '知识点']);
    sheet.addRow([
      '单选',
      `留样至少多少克（${tag}）？`,
      '100 克',
      '125 克',
      '200 克',
      'B',
      '国家默认 125 克。',
      '食品留样',
    ]);
    sheet.addRow(['判断', `留样须保存 48 小时（${tag}）。`, null, null, null, '对', null, '食品留样']);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const res = await post({ format: 'xlsx', fileBase64: b64(xlsx) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 2, imported: 2 });
  });

  it('answers an unreadable file, a 20 MB upload and another district’s regulator with a code, storing nothing', async () => {
    const before = await questionCount();
    const unreadable = await post({ format: 'xlsx', fileBase64: b64('这不是一个 xlsx 文件') });
    expect([unreadable.status, unreadable.body.code]).toEqual([422, 'QUESTION_FILE_UNREADABLE']);
    const big = await server.request<ErrorBody>('/v1/training/questions/import', {
      token: city.regulator.token,
      headers: { 'content-type': 'application/json' },
      rawBody: JSON.stringify({ format: 'csv', fileBase64: 'A'.repeat(20 * 1024 * 1024) }),
    });
    expect([big.status, big.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const other = await post(
      { fileBase64: b64(csv(`判断,别区（${unique()}）。,,,,,对,,law_and_duties`)) },
      city.westRegulator.token,
    );
    expect(other.status).toBe(403);
    const national = await server.request<ErrorBody>('/v1/training/questions/import', {
      token: city.regulator.token,
      body: { format: 'csv', fileBase64: b64(csv(`判断,全国（${unique()}）。,,,,,对,,law_and_duties`)) },
    });
    expect(national.status).toBe(403);
    expect(await questionCount()).toBe(before);
  });

  it('runs as `bk-questions import`: exit 2 and a line per problem when refused, 0 with --skip-invalid', async () => {
    const file = join(scratch, `questions-${kind}.csv`);
    const tag = unique();
    writeFileSync(
      file,
      csv(`判断,命令行好题（${tag}）。,,,,,对,,law_and_duties`, `多选,命令行坏题（${tag}）,甲,乙,,,A,,law_and_duties`),
    );
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const before = await questionCount();
    expect(await runImportCommand(server.database, ['import', file], io)).toBe(2);
    expect(lines).toContain(
      '第 3 行「答案」 QUESTION_ANSWER_INVALID 答案不符合题型（单选一个选项，多选至少两个，判断填“对”或“错”） / row 3 (答案): The answer does not fit the type (one option, two or more, or true/false)',
    );
    expect(await questionCount()).toBe(before);
    expect(await runImportCommand(server.database, ['import', file, '--skip-invalid'], io)).toBe(0);
    expect(await questionCount()).toBe(before + 1);
    expect(await runImportCommand(server.database, ['import', file, '--region', 'nowhere'], io)).toBe(2);
    expect(await runImportCommand(server.database, ['import', join(scratch, 'x.pdf')], io)).toBe(2);
  });
});

describe('bk-questions as a process', () => {
  it('exits 2 on a refused file and stores nothing, 0 on a clean one', () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const dataDir = join(scratch, 'process');
    const file = join(scratch, 'broken.csv');
    writeFileSync(file, csv('单选,空答案的题,甲,乙,,,,,食品留样'));
    const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BK_')));
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
        env: { ...base, BK_DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const refused = run(['import', file]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('QUESTION_ANSWER_MISSING');
    const good = join(scratch, 'good.csv');
    writeFileSync(good, csv('判断,进程导入的题。,,,,,对,,law_and_duties'));
    const ok = run(['import', good]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('imported 1');
    expect(run(['frobnicate']).status).toBe(2);
  });
});
