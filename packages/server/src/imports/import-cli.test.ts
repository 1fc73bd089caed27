/**
 * `bk-server import venues|inspections FILE` on real files: an .xlsx made with exceljs (Chinese headers, full-width
 * digits, Excel serial dates, a formula), CSVs with a BOM; a bad row → exit 2 and nothing stored; re-import updates.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { type Database, migrateToLatest, nowIso, openDatabase } from '../db/index.js';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'bk-import-test-'));
const dataDir = join(scratch, 'data');
let database: Database;

function bkServer(args: readonly string[]) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('BK_')));
  const run = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: root,
    env: { ...base, BK_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const VENUE_HEADER = [
  '单位名称',
  '许可证编号',
  '主体业态',
  '经营地址',
  '所属区县',
  '发证日期',
  '许可证有效期至',
  '经度',
  '纬度',
  '负责人',
  '联系电话',
];

beforeAll(async () => {
  database = openDatabase(loadConfig({ BK_DATA_DIR: dataDir }).database);
  await migrateToLatest(database);
  const at = nowIso();
  await database.db
    .insertInto('regions')
    .values([
      { id: 'reg_city', code: '371500', name: '聊城市', parent_id: null, created_at: at },
      { id: 'reg_dcf', code: '371502', name: '东昌府区', parent_id: 'reg_city', created_at: at },
      { id: 'reg_lq', code: '371581', name: '临清市', parent_id: 'reg_city', created_at: at },
    ])
    .execute();
});
afterAll(async () => {
  await database?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function venuesByLicence() {
  const rows = await database.db
    .selectFrom('venues')
    .select(['licence_no', 'name', 'kind', 'region_id', 'data'])
    .execute();
  return new Map(rows.map((r) => [r.licence_no, r]));
}

describe('bk-server import', () => {
  it('imports an .xlsx register with Chinese headers, full-width digits and Excel serial dates', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('许可台账');
    sheet.addRow(VENUE_HEADER);
    // 45292 = 2024-01-01, 47118 = 2028-12-31 as Excel serials; full-width licence digits; a 371581 district code.
    sheet.addRow([
      '  古楼小吃店 ',
      'ＪＹ１３７１５０２０００００１',
      '小型餐饮',
      '东昌府区古楼街道 1 号',
      '东昌府区',
      45292,
      47118,
      '115.98',
      '36.45',
      '张三',
      '13800000001',
    ]);
    sheet.addRow([
      '临清一中食堂',
      'JY2371581000002',
      '学校食堂',
      '临清市先锋路 2 号',
      '371581',
      '2023/3/5',
      '2028-03-04',
      '',
      '',
      '',
      '',
    ]);
    sheet.addRow([
      '托管中心',
      'JY3371502000003',
      '托幼机构食堂',
      '东昌府区柳园路 3 号',
      '东昌府区',
      '2022-01-01',
      '2027-01-01',
      '',
      '',
      '李四',
      '',
    ]);
    const file = join(scratch, 'venues.xlsx');
    await book.xlsx.writeFile(file);
    const run = bkServer(['import', 'venues', file]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('3 created');
    const venues = await venuesByLicence();
    const small = venues.get('JY1371502000001');
    expect(small?.name).toBe('古楼小吃店');
    expect(small?.kind).toBe('restaurant');
    expect(small?.region_id).toBe('reg_dcf');
    const data = JSON.parse(small?.data ?? '{}');
    expect(data.licence).toEqual({ number: 'JY1371502000001', issuedOn: '2024-01-01', expiresOn: '2028-12-31' });
    // WGS-84 in the register, GCJ-02 stored: a few hundred metres east and north.
    expect(data.coordinates.lng).toBeGreaterThan(115.98);
    expect(data.coordinates.lat).toBeGreaterThan(36.45);
    expect(venues.get('JY2371581000002')?.region_id).toBe('reg_lq');
    expect(venues.get('JY2371581000002')?.kind).toBe('school_canteen');
    expect(venues.get('JY3371502000003')?.kind).toBe('kindergarten_canteen');
  });

  it('refuses a file with a bad row: exit 2, each bad row reported, nothing stored; --skip-invalid imports the rest', async () => {
    const csv = `\uFEFF${VENUE_HEADER.join(',')}\n新店,JY9000000000001,小型餐饮,地址 9 号,东昌府区,2024-01-01,2029-01-01,,,,\n坏店,JY9000000000002,火星餐饮,地址 10 号,不存在区,2024-02-30,2029-01-01,,,,\n`;
    const file = join(scratch, 'bad.csv');
    writeFileSync(file, csv);
    const run = bkServer(['import', 'venues', file]);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('row 3, kind: KIND_UNKNOWN');
    expect(run.stdout).toContain('row 3, district: DISTRICT_UNKNOWN');
    expect(run.stdout).toContain('row 3, licenceIssuedOn: DATE_INVALID');
    expect((await venuesByLicence()).has('JY9000000000001')).toBe(false);

    const skipping = bkServer(['import', 'venues', file, '--skip-invalid']);
    expect(skipping.status).toBe(0);
    expect(skipping.stdout).toContain('1 created');
    expect(skipping.stdout).toContain('row 3, kind: KIND_UNKNOWN');
    expect((await venuesByLicence()).has('JY9000000000001')).toBe(true);
  });

  it('updates a venue imported again by its licence number, never duplicating it', async () => {
    const before = (await database.db.selectFrom('venues').select('id').execute()).length;
    const csv = `${VENUE_HEADER.join(',')}\n古楼餐馆（更名）,JY1371502000001,中型餐饮,东昌府区古楼街道 1 号,东昌府区,2024-01-01,2030-12-31,,,,\n`;
    const file = join(scratch, 'again.csv');
    writeFileSync(file, csv);
    const run = bkServer(['import', 'venues', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1 updated');
    expect((await database.db.selectFrom('venues').select('id').execute()).length).toBe(before);
    const venue = (await venuesByLicence()).get('JY1371502000001');
    expect(venue?.name).toBe('古楼餐馆（更名）');
    // Coordinates not given again: the ones on record stay.
    expect(JSON.parse(venue?.data ?? '{}').coordinates.lng).toBeGreaterThan(115.98);
  });

  it('imports inspection history (100-point scores as 0–10), refuses a formula and an unknown licence', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('检查记录');
    sheet.addRow(['许可证编号', '检查日期', '检查类型', '检查结果', '关键项不合格数', '一般项不合格数', '得分']);
    sheet.addRow(['JY1371502000001', 45300, '日常检查', '不符合', '２', '3', 72]);
    sheet.addRow(['JY2371581000002', '2024/5/6', '专项检查', '符合', 0, 1, 9.5]);
    const file = join(scratch, 'inspections.xlsx');
    await book.xlsx.writeFile(file);
    const run = bkServer(['import', 'inspections', file]);
    expect(run.status).toBe(0);
    const rows = await database.db.selectFrom('inspections').selectAll().orderBy('date').execute();
    expect(rows.map((r) => [r.date, r.key_failures, r.other_failures, Number(r.score), r.type, r.source])).toEqual([
      ['2024-01-09', 2, 3, 7.2, '日常检查', 'imported'],
      ['2024-05-06', 0, 1, 9.5, '专项检查', 'imported'],
    ]);
    // The same file again: replaced, not added.
    expect(bkServer(['import', 'inspections', file]).status).toBe(0);
    expect((await database.db.selectFrom('inspections').select('id').execute()).length).toBe(2);

    const bad = new ExcelJS.Workbook();
    const badSheet = bad.addWorksheet('检查记录');
    badSheet.addRow(['licenceNo', 'date', 'type', 'result', 'keyFailures', 'otherFailures', 'score']);
    badSheet.addRow(['JY1371502000001', '2024-06-01', '日常检查', '符合', { formula: '1+1', result: 2 }, 0, 9]);
    badSheet.addRow(['JY0000000000000', '2024-06-01', '日常检查', '符合', 0, 0, 9]);
    const badFile = join(scratch, 'bad-inspections.xlsx');
    await bad.xlsx.writeFile(badFile);
    const refused = bkServer(['import', 'inspections', badFile]);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toContain('row 2, keyFailures: FORMULA_NOT_ALLOWED');
    expect(refused.stdout).toContain('row 3, licenceNo: LICENCE_UNKNOWN');
    expect((await database.db.selectFrom('inspections').select('id').execute()).length).toBe(2);
  });

  it('refuses a file that is neither CSV nor .xlsx', () => {
    const file = join(scratch, 'photo.xlsx');
    writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]));
    const run = bkServer(['import', 'venues', file]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('IMPORT_NOT_A_SHEET');
  });
});
