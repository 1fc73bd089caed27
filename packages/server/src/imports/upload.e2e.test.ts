/**
 * A register uploaded from the console: a regulator imports their district's venues (seen on the map at once),
 * checks a file first with `dryRun`, and is refused — with the row report, nothing stored — for another district's
 * rows, a file that is no sheet, or when an operator tries; a sheet with a formula, a sheet of more rows than the
 * limit and a file over the size limit are refused with their codes and change nothing.
 */
import { REGISTER_UPLOAD_MAX_BYTES, type RegisterImportReport } from '@brightkitchen/sdk';
import type { MapLayer } from '@brightkitchen/sdk/warehouse';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestCity, type TestCity } from '../testing/fixtures.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';

const HEADER = '单位名称,许可证编号,主体业态,经营地址,所属区县,发证日期,许可证有效期至,经度,纬度';
const csv = (...rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join('\n')}\n`).toString('base64');

describe.each(DATABASES)('register upload on %s', (kind) => {
  let server: TestServer;
  let city: TestCity;
  type Answer = RegisterImportReport & { code?: string; details?: { report?: RegisterImportReport } };
  const upload = (token: string, body: unknown, register = 'venues') =>
    server.request<Answer>(`/v1/imports/${register}`, { token, body });
  const venueCount = async () =>
    Number(
      (
        await server.database.db
          .selectFrom('venues')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    server = await startTestServer(kind);
    city = await seedTestCity(server);
  });
  afterAll(async () => server?.close());

  it('imports the district’s venues, which the map shows at once', async () => {
    const file = csv(
      '运河人家饭店,JY13715020000001,中型餐饮,东昌府区柳园路 1 号,东昌府区,2024-03-01,2029-02-28,115.9702,36.4551',
      '光岳小学食堂,JY13715020000002,学校食堂,东昌府区光岳路 2 号,东昌府区,2023/9/1,2028/8/31,115.9911,36.4420',
    );
    const checked = await upload(city.regulator.token, { fileBase64: file, dryRun: true });
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ rows: 2, imported: false, problems: [] });
    const before = await venueCount();
    expect(before).toBeGreaterThan(0);
    const done = await upload(city.regulator.token, { fileBase64: file });
    expect(done.body).toMatchObject({ kind: 'venues', rows: 2, created: 2, imported: true });
    expect(await venueCount()).toBe(before + 2);
    const map = await server.request<MapLayer>('/v1/warehouse/map', { token: city.regulator.token });
    expect(map.body.venues?.map((v) => v.name)).toEqual(expect.arrayContaining(['运河人家饭店', '光岳小学食堂']));
    // Importing again updates, never duplicates.
    const again = await upload(city.regulator.token, { fileBase64: file });
    expect(again.body).toMatchObject({ created: 0, updated: 2 });
    expect(await venueCount()).toBe(before + 2);
  });

  it('refuses another district’s rows with the row report, and a file that is no sheet; nothing is stored', async () => {
    const before = await venueCount();
    const foreign = await upload(city.westRegulator.token, {
      fileBase64: csv('东昌府区小吃店,JY13715020000009,小吃店,东昌府区 9 号,东昌府区,2024-01-01,2029-01-01,,'),
    });
    expect([foreign.status, foreign.body.code]).toEqual([422, 'REGISTER_IMPORT_REFUSED']);
    expect(foreign.body.details?.report?.problems.map((p) => [p.row, p.code])).toEqual([[2, 'DISTRICT_NOT_ALLOWED']]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');
    const notSheet = await upload(city.regulator.token, { fileBase64: png });
    expect([notSheet.status, notSheet.body.code]).toEqual([422, 'REGISTER_FILE_UNREADABLE']);
    const operator = await upload(city.manager.token, { fileBase64: csv() });
    expect(operator.status).toBe(403);
    expect(await venueCount()).toBe(before);
  });

  it('refuses a formula, too many rows and an oversized file with coded 4xx; nothing is stored', async () => {
    const before = await venueCount();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('登记表');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      '公式饭店',
      'JY13715020000077',
      '小型餐饮',
      { formula: 'CONCAT("东昌府区","1号")' },
      '东昌府区',
      '2024-01-01',
      '2029-01-01',
    ]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const formula = await upload(city.regulator.token, { fileBase64: xlsx, skipInvalid: false });
    expect([formula.status, formula.body.code]).toEqual([422, 'REGISTER_IMPORT_REFUSED']);
    expect(formula.body.details?.report?.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 2, column: 'address', code: 'FORMULA_NOT_ALLOWED' })]),
    );

    const rows = Buffer.from(`${HEADER}\n${'x,,,,,,,,\n'.repeat(200_001)}`).toString('base64');
    const tooMany = await upload(city.regulator.token, { fileBase64: rows, dryRun: true });
    expect([tooMany.status, tooMany.body.code]).toEqual([422, 'REGISTER_FILE_UNREADABLE']);

    // Just over the limit: the body fits, the file field does not; far over: the body itself is refused.
    const over = Buffer.alloc(REGISTER_UPLOAD_MAX_BYTES + 1024, 0x61).toString('base64');
    const justOver = await upload(city.regulator.token, { fileBase64: over });
    expect([justOver.status, justOver.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const huge = Buffer.alloc(REGISTER_UPLOAD_MAX_BYTES * 1.25, 0x61).toString('base64');
    const tooLarge = await upload(city.regulator.token, { fileBase64: huge });
    expect([tooLarge.status, tooLarge.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);

    const unknownKind = await upload(city.regulator.token, { fileBase64: csv() }, 'kitchens');
    expect(unknownKind.status).toBe(400);
    expect(await venueCount()).toBe(before);
  }, 120_000);
});
