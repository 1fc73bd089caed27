/**
 * The bureau's registers (许可台账 and inspection history) as rows to import: header names (Chinese register
 * headers or English keys), the 主体业态 → {@link VenueKind} table, tolerant value parsing (full-width digits, a
 * BOM, stray spaces, dates as YYYY-MM-DD, YYYY/M/D or an Excel serial) and a pure row checker whose problems
 * carry stable codes and zh/en messages. Pure: no I/O; the server reads the files and stores the rows.
 */
import { VENUE_KIND_LABELS, VENUE_KINDS, type VenueKind } from '../domain/enums.js';
import type { LocalizedText } from '../domain/text.js';

/** The columns of a venue register, by their English key. */
export const VENUE_REGISTER_COLUMNS = [
  'name',
  'licenceNo',
  'kind',
  'address',
  'district',
  'licenceIssuedOn',
  'licenceExpiresOn',
  'lng',
  'lat',
  'contact',
  'phone',
] as const;
/** One of {@link VENUE_REGISTER_COLUMNS}. */
export type VenueRegisterColumn = (typeof VENUE_REGISTER_COLUMNS)[number];

/** The columns of an inspection-history register, by their English key. */
export const INSPECTION_REGISTER_COLUMNS = [
  'licenceNo',
  'date',
  'type',
  'result',
  'keyFailures',
  'otherFailures',
  'score',
] as const;
/** One of {@link INSPECTION_REGISTER_COLUMNS}. */
export type InspectionRegisterColumn = (typeof INSPECTION_REGISTER_COLUMNS)[number];

/** Chinese register headers → column keys (the English keys are accepted as headers too). */
export const REGISTER_HEADERS: Readonly<Record<string, VenueRegisterColumn | InspectionRegisterColumn>> = {
  单位名称: 'name',
  许可证编号: 'licenceNo',
  主体业态: 'kind',
  经营地址: 'address',
  所属区县: 'district',
  发证日期: 'licenceIssuedOn',
  许可证有效期至: 'licenceExpiresOn',
  经度: 'lng',
  纬度: 'lat',
  负责人: 'contact',
  联系电话: 'phone',
  检查日期: 'date',
  检查类型: 'type',
  检查结果: 'result',
  关键项不合格数: 'keyFailures',
  一般项不合格数: 'otherFailures',
  得分: 'score',
};

/** Columns that may be empty in a venue register. */
const OPTIONAL_VENUE_COLUMNS: ReadonlySet<VenueRegisterColumn> = new Set(['lng', 'lat', 'contact', 'phone']);
/** Columns that may be empty in an inspection register. */
const OPTIONAL_INSPECTION_COLUMNS: ReadonlySet<InspectionRegisterColumn> = new Set(['type', 'result', 'score']);

/**
 * 主体业态 as registers write it → our venue kind. Our own zh labels ({@link VENUE_KIND_LABELS}) and the kind codes
 * are accepted too. Documented in packages/sdk/README.md ("Registers").
 */
export const REGISTER_KIND_NAMES: Readonly<Record<string, VenueKind>> = {
  小型餐饮: 'restaurant',
  中型餐饮: 'restaurant',
  大型餐饮: 'restaurant',
  特大型餐饮: 'restaurant',
  餐馆: 'restaurant',
  餐饮服务: 'restaurant',
  快餐店: 'snack_bar',
  小吃店: 'snack_bar',
  饮品店: 'snack_bar',
  糕点店: 'snack_bar',
  学校食堂: 'school_canteen',
  托幼机构食堂: 'kindergarten_canteen',
  幼儿园食堂: 'kindergarten_canteen',
  养老机构食堂: 'elderly_care_canteen',
  医院食堂: 'hospital_canteen',
  建筑工地食堂: 'construction_site_canteen',
  职工食堂: 'company_canteen',
  机关企事业单位食堂: 'company_canteen',
  单位食堂: 'company_canteen',
  其他食堂: 'company_canteen',
  中央厨房: 'central_kitchen',
  集体用餐配送单位: 'collective_meal_delivery',
  网络餐饮: 'delivery_kitchen',
  外卖: 'delivery_kitchen',
  外卖厨房: 'delivery_kitchen',
};

/** The venue kind a register's 主体业态 names, or undefined. */
export function registerKind(raw: string): VenueKind | undefined {
  const value = normalizeCell(raw);
  if (value in REGISTER_KIND_NAMES) return REGISTER_KIND_NAMES[value];
  if ((VENUE_KINDS as readonly string[]).includes(value)) return value as VenueKind;
  for (const kind of VENUE_KINDS) if (VENUE_KIND_LABELS[kind].zh === value) return kind;
  return undefined;
}

/**
 * A cell as text: BOM and zero-width characters removed, full-width digits, Latin letters and `．－／：` made
 * half-width (full-width brackets in names stay as written), spaces collapsed and trimmed.
 */
export function normalizeCell(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return String(raw)
    .replace(/[\uFEFF\u200B]/g, '')
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0E\uFF0D\uFF0F\uFF1A]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A header cell → its column key, or undefined for an unknown header. */
export function registerColumn(header: string): VenueRegisterColumn | InspectionRegisterColumn | undefined {
  const h = normalizeCell(header);
  if (h in REGISTER_HEADERS) return REGISTER_HEADERS[h];
  const english = [...VENUE_REGISTER_COLUMNS, ...INSPECTION_REGISTER_COLUMNS] as readonly string[];
  const found = english.find((c) => c.toLowerCase() === h.toLowerCase());
  return found as VenueRegisterColumn | InspectionRegisterColumn | undefined;
}

/** Days between 1899-12-30 (Excel's day 0, with its 1900 leap-year bug folded in) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/**
 * A register date as `YYYY-MM-DD`: `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`, an Excel serial (e.g.
 * `45292` → 2024-01-01) or a JS Date (from a spreadsheet cell, read as its UTC day). Undefined when not a date.
 */
export function parseRegisterDate(raw: unknown): string | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : raw.toISOString().slice(0, 10);
  const value = normalizeCell(raw);
  let y: number;
  let m: number;
  let d: number;
  const ymd = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(value);
  if (ymd) {
    y = Number(ymd[1]);
    m = Number(ymd[2]);
    d = Number(ymd[3]);
  } else if (/^\d{4,5}(\.\d+)?$/.test(value)) {
    const serial = Math.floor(Number(value));
    if (serial < 1 || serial > 2_958_465) return undefined;
    const date = new Date((serial - EXCEL_EPOCH_OFFSET) * 86_400_000);
    y = date.getUTCFullYear();
    m = date.getUTCMonth() + 1;
    d = date.getUTCDate();
  } else {
    return undefined;
  }
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  if (y < 1950 || y > 2100) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Stable codes of a register row's problems. */
export const REGISTER_PROBLEM_CODES = [
  'HEADER_MISSING',
  'HEADER_UNKNOWN',
  'VALUE_REQUIRED',
  'VALUE_TOO_LONG',
  'KIND_UNKNOWN',
  'DISTRICT_UNKNOWN',
  'DISTRICT_NOT_ALLOWED',
  'DATE_INVALID',
  'DATES_REVERSED',
  'NUMBER_INVALID',
  'COORDINATES_INVALID',
  'COORDINATES_HALF',
  'LICENCE_DUPLICATE',
  'LICENCE_UNKNOWN',
  'SCORE_INVALID',
  'FORMULA_NOT_ALLOWED',
] as const;
/** One of {@link REGISTER_PROBLEM_CODES}. */
export type RegisterProblemCode = (typeof REGISTER_PROBLEM_CODES)[number];

/** A problem of one row: its 1-based sheet row (the header is row 1), the column, a code and a zh/en message. */
export interface RegisterProblem {
  readonly row: number;
  readonly column: string;
  readonly code: RegisterProblemCode;
  readonly message: LocalizedText;
}

const MESSAGES: Readonly<Record<RegisterProblemCode, LocalizedText>> = {
  HEADER_MISSING: { zh: '缺少必需的列', en: 'A required column is missing' },
  HEADER_UNKNOWN: { zh: '无法识别的列名', en: 'Unknown column header' },
  VALUE_REQUIRED: { zh: '必填项为空', en: 'A required value is empty' },
  VALUE_TOO_LONG: { zh: '内容过长', en: 'The value is too long' },
  KIND_UNKNOWN: { zh: '无法识别的主体业态', en: 'Unknown business type (主体业态)' },
  DISTRICT_UNKNOWN: { zh: '所属区县不存在', en: 'Unknown district' },
  DISTRICT_NOT_ALLOWED: { zh: '无权导入该区县的数据', en: 'The district is outside your regions' },
  DATE_INVALID: {
    zh: '日期格式无效（应为 YYYY-MM-DD、YYYY/M/D 或 Excel 日期）',
    en: 'Invalid date (YYYY-MM-DD, YYYY/M/D or an Excel date)',
  },
  DATES_REVERSED: { zh: '有效期早于发证日期', en: 'The licence expires before it was issued' },
  NUMBER_INVALID: { zh: '应为非负整数', en: 'Expected a whole number, zero or more' },
  COORDINATES_INVALID: { zh: '经纬度超出范围', en: 'Longitude or latitude out of range' },
  COORDINATES_HALF: { zh: '经度和纬度须同时填写或同时留空', en: 'Give both longitude and latitude, or neither' },
  LICENCE_DUPLICATE: { zh: '许可证编号在文件中重复', en: 'The licence number appears twice in the file' },
  LICENCE_UNKNOWN: { zh: '许可证编号对应的单位不存在', en: 'No venue has this licence number' },
  SCORE_INVALID: { zh: '得分应在 0–10 或 0–100 之间', en: 'The score must be 0–10 or 0–100' },
  FORMULA_NOT_ALLOWED: { zh: '单元格含公式，请粘贴为数值后再导入', en: 'The cell holds a formula; paste values only' },
};

/** The problem of a code at a row and column. */
export function registerProblem(row: number, column: string, code: RegisterProblemCode): RegisterProblem {
  return { row, column, code, message: MESSAGES[code] };
}

/** A venue register row, checked and normalized. Coordinates are WGS-84 as the register gives them. */
export interface VenueRegisterRow {
  readonly row: number;
  readonly name: string;
  readonly licenceNo: string;
  readonly kind: VenueKind;
  readonly address: string;
  /** The region the district column names. */
  readonly regionId: string;
  readonly licenceIssuedOn: string;
  readonly licenceExpiresOn: string;
  readonly coordinates?: { readonly lng: number; readonly lat: number };
  readonly contact?: string;
  readonly phone?: string;
}

/** An inspection-history row, checked and normalized; `score` on the platform's 0–10 scale. */
export interface InspectionRegisterRow {
  readonly row: number;
  readonly licenceNo: string;
  readonly date: string;
  readonly type?: string;
  readonly result?: string;
  readonly keyFailures: number;
  readonly otherFailures: number;
  readonly score?: number;
}

/** What a checker needs to know beyond the row: how to find a district's region, and whether it may import there. */
export interface RegisterContext {
  /** The region id of a district name or GB/T 2260 code, or undefined. */
  regionOf(district: string): string | undefined;
  /** Whether the importer may write into the region (a regulator: only its own). Absent: everywhere. */
  allowed?(regionId: string): boolean;
  /** Whether a venue with this licence number exists (inspection registers); absent: not checked. */
  licenceKnown?(licenceNo: string): boolean;
}

/** The outcome of a row check: the normalized row, or its problems. */
export type RegisterCheck<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: RegisterProblem[] };

/** Maps a sheet's header cells to column keys; problems for unknown and missing headers (row 1). */
export function readRegisterHeader(
  cells: readonly unknown[],
  kind: 'venues' | 'inspections',
): { columns: (string | undefined)[]; problems: RegisterProblem[] } {
  const wanted: readonly string[] = kind === 'venues' ? VENUE_REGISTER_COLUMNS : INSPECTION_REGISTER_COLUMNS;
  const optional: ReadonlySet<string> = kind === 'venues' ? OPTIONAL_VENUE_COLUMNS : OPTIONAL_INSPECTION_COLUMNS;
  const problems: RegisterProblem[] = [];
  const columns = cells.map((cell) => {
    const text = normalizeCell(cell);
    if (!text) return undefined;
    const key = registerColumn(text);
    if (!key || !wanted.includes(key)) {
      problems.push(registerProblem(1, text, 'HEADER_UNKNOWN'));
      return undefined;
    }
    return key;
  });
  for (const column of wanted) {
    if (!(columns as (string | undefined)[]).includes(column) && !optional.has(column))
      problems.push(registerProblem(1, column, 'HEADER_MISSING'));
  }
  return { columns, problems };
}

function wholeNumber(value: string): number | undefined {
  if (!/^\d{1,6}$/.test(value)) return undefined;
  return Number(value);
}

function decimal(value: string): number | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(value)) return undefined;
  return Number(value);
}

/** Checks a venue register row (`cells` by column key); problems carry `row`. Pure. */
export function checkVenueRow(
  row: number,
  cells: Readonly<Record<string, unknown>>,
  context: RegisterContext,
): RegisterCheck<VenueRegisterRow> {
  const problems: RegisterProblem[] = [];
  const text = (column: VenueRegisterColumn, max: number): string => {
    const value = normalizeCell(cells[column]);
    if (!value && !OPTIONAL_VENUE_COLUMNS.has(column)) problems.push(registerProblem(row, column, 'VALUE_REQUIRED'));
    else if (value.length > max) problems.push(registerProblem(row, column, 'VALUE_TOO_LONG'));
    return value;
  };
  const name = text('name', 100);
  const licenceNo = text('licenceNo', 64).replace(/\s/g, '');
  const kindText = text('kind', 50);
  const address = text('address', 200);
  const district = text('district', 50);
  const date = (column: 'licenceIssuedOn' | 'licenceExpiresOn'): string => {
    const raw = cells[column];
    if (!normalizeCell(raw) && !(raw instanceof Date)) {
      problems.push(registerProblem(row, column, 'VALUE_REQUIRED'));
      return '';
    }
    const day = parseRegisterDate(raw);
    if (!day) problems.push(registerProblem(row, column, 'DATE_INVALID'));
    return day ?? '';
  };
  const issuedOn = date('licenceIssuedOn');
  const expiresOn = date('licenceExpiresOn');
  if (issuedOn && expiresOn && expiresOn < issuedOn)
    problems.push(registerProblem(row, 'licenceExpiresOn', 'DATES_REVERSED'));
  const kind = kindText ? registerKind(kindText) : undefined;
  if (kindText && !kind) problems.push(registerProblem(row, 'kind', 'KIND_UNKNOWN'));
  let regionId: string | undefined;
  if (district) {
    regionId = context.regionOf(district);
    if (!regionId) problems.push(registerProblem(row, 'district', 'DISTRICT_UNKNOWN'));
    else if (context.allowed && !context.allowed(regionId)) {
      problems.push(registerProblem(row, 'district', 'DISTRICT_NOT_ALLOWED'));
    }
  }
  const lngText = text('lng', 20);
  const latText = text('lat', 20);
  let coordinates: { lng: number; lat: number } | undefined;
  if (lngText || latText) {
    if (!lngText || !latText) problems.push(registerProblem(row, lngText ? 'lat' : 'lng', 'COORDINATES_HALF'));
    else {
      const lng = decimal(lngText);
      const lat = decimal(latText);
      if (lng === undefined || lng < -180 || lng > 180)
        problems.push(registerProblem(row, 'lng', 'COORDINATES_INVALID'));
      if (lat === undefined || lat < -90 || lat > 90) problems.push(registerProblem(row, 'lat', 'COORDINATES_INVALID'));
      if (lng !== undefined && lat !== undefined) coordinates = { lng, lat };
    }
  }
  const contact = text('contact', 50);
  const phone = text('phone', 30).replace(/\s/g, '');
  if (problems.length > 0 || !kind || !regionId) return { ok: false, problems };
  return {
    ok: true,
    value: {
      row,
      name,
      licenceNo,
      kind,
      address,
      regionId,
      licenceIssuedOn: issuedOn,
      licenceExpiresOn: expiresOn,
      ...(coordinates ? { coordinates } : {}),
      ...(contact ? { contact } : {}),
      ...(phone ? { phone } : {}),
    },
  };
}

/**
 * A register's 得分 on the platform's 0–10 scale: values above 10 (up to 100) are taken as a 100-point scale and
 * divided by 10; undefined when not a number in 0–100.
 */
export function registerScore(raw: string): number | undefined {
  const value = decimal(raw);
  if (value === undefined || value < 0 || value > 100) return undefined;
  return value > 10 ? value / 10 : value;
}

/** Checks an inspection-history row (`cells` by column key); problems carry `row`. Pure. */
export function checkInspectionRow(
  row: number,
  cells: Readonly<Record<string, unknown>>,
  context: Pick<RegisterContext, 'licenceKnown'>,
): RegisterCheck<InspectionRegisterRow> {
  const problems: RegisterProblem[] = [];
  const licenceNo = normalizeCell(cells.licenceNo).replace(/\s/g, '');
  if (!licenceNo) problems.push(registerProblem(row, 'licenceNo', 'VALUE_REQUIRED'));
  else if (context.licenceKnown && !context.licenceKnown(licenceNo)) {
    problems.push(registerProblem(row, 'licenceNo', 'LICENCE_UNKNOWN'));
  }
  let date = '';
  if (!normalizeCell(cells.date) && !(cells.date instanceof Date))
    problems.push(registerProblem(row, 'date', 'VALUE_REQUIRED'));
  else {
    date = parseRegisterDate(cells.date) ?? '';
    if (!date) problems.push(registerProblem(row, 'date', 'DATE_INVALID'));
  }
  const count = (column: 'keyFailures' | 'otherFailures'): number => {
    const value = normalizeCell(cells[column]);
    if (!value) {
      problems.push(registerProblem(row, column, 'VALUE_REQUIRED'));
      return 0;
    }
    const n = wholeNumber(value);
    if (n === undefined) problems.push(registerProblem(row, column, 'NUMBER_INVALID'));
    return n ?? 0;
  };
  const keyFailures = count('keyFailures');
  const otherFailures = count('otherFailures');
  const type = normalizeCell(cells.type);
  const result = normalizeCell(cells.result);
  if (type.length > 50) problems.push(registerProblem(row, 'type', 'VALUE_TOO_LONG'));
  if (result.length > 50) problems.push(registerProblem(row, 'result', 'VALUE_TOO_LONG'));
  const scoreText = normalizeCell(cells.score);
  const score = scoreText ? registerScore(scoreText) : undefined;
  if (scoreText && score === undefined) problems.push(registerProblem(row, 'score', 'SCORE_INVALID'));
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      row,
      licenceNo,
      date,
      keyFailures,
      otherFailures,
      ...(type ? { type } : {}),
      ...(result ? { result } : {}),
      ...(score !== undefined ? { score } : {}),
    },
  };
}
