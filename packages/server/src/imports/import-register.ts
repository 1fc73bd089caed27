/**
 * Importing a bureau register into the database: every row is checked first (SDK `checkVenueRow` /
 * `checkInspectionRow`); any bad row and nothing is written unless `skipInvalid`; then one transaction writes the
 * good rows in bulk. Venues are keyed by licence number (`venues.licence_no`): importing again updates the venue,
 * never adds a second. Imported inspections are keyed by venue, day and type: importing again replaces them.
 */
import {
  checkInspectionRow,
  checkVenueRow,
  DEFAULT_TIME_ZONE,
  type InspectionRegisterRow,
  normalizeCell,
  type RegisterProblem,
  readRegisterHeader,
  registerProblem,
  type Venue,
  type VenueRegisterRow,
  wgs84ToGcj02,
} from '@brightkitchen/sdk';
import { type Database, newId, newPublicCode, nowIso, toJson } from '../db/index.js';
import { toVenue, venueRow } from '../venues/venue-store.js';
import { IMPORT_LIMITS, type SheetCell } from './read-sheet.js';

/** What a register holds. */
export type RegisterKind = 'venues' | 'inspections';

export interface ImportOptions {
  /** Import the good rows and report the bad ones (default: any bad row and nothing is imported). */
  readonly skipInvalid?: boolean;
  /** Check and report only; write nothing. */
  readonly dryRun?: boolean;
  /** The regions the importer may write into (a regulator's); absent: everywhere (an admin, the CLI). */
  readonly regionIds?: ReadonlySet<string>;
  /** Called as rows are checked and written. */
  readonly onProgress?: (phase: 'check' | 'write', done: number, total: number) => void;
}

export interface ImportReport {
  readonly kind: RegisterKind;
  /** Data rows read (below the header). */
  readonly rows: number;
  readonly created: number;
  readonly updated: number;
  /** Rows left out (bad rows, with `skipInvalid`; every row when the import was refused). */
  readonly skipped: number;
  /** True when rows were written. */
  readonly imported: boolean;
  readonly problems: readonly RegisterProblem[];
}

/** Thrown for a file that cannot be a register at all (too many rows). */
export class ImportRefused extends Error {
  constructor(
    readonly code: 'IMPORT_TOO_MANY_ROWS',
    message: string,
  ) {
    super(message);
  }
}

const CHUNK = 400;

async function regionLookup(database: Database): Promise<(district: string) => string | undefined> {
  const regions = await database.db.selectFrom('regions').select(['id', 'code', 'name', 'parent_id']).execute();
  const byKey = new Map<string, string>();
  // Districts (regions with a parent) first, so a district's name wins over a same-named city.
  for (const r of [...regions].sort((a, b) => Number(a.parent_id === null) - Number(b.parent_id === null))) {
    for (const key of [r.code, r.name, r.id]) if (!byKey.has(key)) byKey.set(key, r.id);
  }
  return (district) => byKey.get(normalizeCell(district));
}

/** Reads header and rows into column-keyed records; refuses more than the row limit. */
async function collect(
  rows: AsyncIterable<SheetCell[]> | Iterable<SheetCell[]>,
  kind: RegisterKind,
): Promise<{ records: { row: number; cells: Record<string, unknown> }[]; problems: RegisterProblem[] }> {
  let columns: (string | undefined)[] | undefined;
  const problems: RegisterProblem[] = [];
  const records: { row: number; cells: Record<string, unknown> }[] = [];
  let line = 0;
  for await (const cells of rows) {
    line++;
    if (!columns) {
      const header = readRegisterHeader(cells, kind);
      columns = header.columns;
      problems.push(...header.problems);
      continue;
    }
    if (records.length >= IMPORT_LIMITS.maxRows) {
      throw new ImportRefused('IMPORT_TOO_MANY_ROWS', `more than ${IMPORT_LIMITS.maxRows} rows`);
    }
    const record: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      if (!column) return;
      const cell = cells[i];
      if (cell && typeof cell === 'object' && 'formula' in cell) {
        problems.push(registerProblem(line, column, 'FORMULA_NOT_ALLOWED'));
        record[column] = '';
      } else record[column] = cell ?? '';
    });
    records.push({ row: line, cells: record });
  }
  if (!columns) problems.push(registerProblem(1, kind === 'venues' ? 'licenceNo' : 'licenceNo', 'HEADER_MISSING'));
  return { records, problems };
}

/** Checks and imports a register; see the module comment. */
export async function importRegister(
  database: Database,
  kind: RegisterKind,
  rows: AsyncIterable<SheetCell[]> | Iterable<SheetCell[]>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const { records, problems } = await collect(rows, kind);
  const headerBroken = problems.some((p) => p.row === 1);
  const badRows = new Set(problems.map((p) => p.row));
  const progress = options.onProgress ?? (() => undefined);
  const regionOf = await regionLookup(database);
  const allowed = options.regionIds ? (id: string) => options.regionIds?.has(id) ?? false : undefined;
  const existing = await database.db
    .selectFrom('venues')
    .select(['id', 'data', 'licence_no', 'region_id'])
    .where('licence_no', 'is not', null)
    .execute();
  const byLicence = new Map(existing.map((v) => [v.licence_no as string, v]));
  const good: (VenueRegisterRow | InspectionRegisterRow)[] = [];
  const seen = new Set<string>();
  records.forEach(({ row, cells }, i) => {
    if (headerBroken) return;
    const check =
      kind === 'venues'
        ? checkVenueRow(row, cells, { regionOf, ...(allowed ? { allowed } : {}) })
        : checkInspectionRow(row, cells, { licenceKnown: (no) => byLicence.has(no) });
    if (!check.ok) {
      problems.push(...check.problems);
      badRows.add(row);
    } else if (kind === 'venues' && seen.has(check.value.licenceNo)) {
      problems.push(registerProblem(row, 'licenceNo', 'LICENCE_DUPLICATE'));
      badRows.add(row);
    } else if (kind === 'venues' && allowed && byLicence.has(check.value.licenceNo)) {
      // A venue already on record elsewhere may not be moved by a regulator of another region.
      const current = byLicence.get(check.value.licenceNo);
      if (current && !allowed(current.region_id)) {
        problems.push(registerProblem(row, 'licenceNo', 'DISTRICT_NOT_ALLOWED'));
        badRows.add(row);
      } else if (!badRows.has(row)) good.push(check.value);
    } else if (kind === 'inspections' && allowed) {
      const venue = byLicence.get(check.value.licenceNo);
      if (!venue || !allowed(venue.region_id)) {
        problems.push(registerProblem(row, 'licenceNo', 'DISTRICT_NOT_ALLOWED'));
        badRows.add(row);
      } else if (!badRows.has(row)) good.push(check.value);
    } else if (!badRows.has(row)) good.push(check.value);
    if (kind === 'venues' && check.ok) seen.add(check.value.licenceNo);
    if ((i + 1) % 5000 === 0) progress('check', i + 1, records.length);
  });
  progress('check', records.length, records.length);
  problems.sort((a, b) => a.row - b.row);
  const refused = headerBroken || (problems.length > 0 && !options.skipInvalid);
  const base = { kind, rows: records.length, problems };
  if (refused || options.dryRun) {
    return { ...base, created: 0, updated: 0, skipped: refused ? records.length : badRows.size, imported: false };
  }
  const counts =
    kind === 'venues'
      ? await writeVenues(database, good as VenueRegisterRow[], byLicence, progress)
      : await writeInspections(database, good as InspectionRegisterRow[], byLicence, progress);
  return { ...base, ...counts, skipped: records.length - good.length, imported: true };
}

type Existing = { id: string; data: string; region_id: string };

async function writeVenues(
  database: Database,
  rows: readonly VenueRegisterRow[],
  byLicence: ReadonlyMap<string, Existing>,
  progress: NonNullable<ImportOptions['onProgress']>,
): Promise<{ created: number; updated: number }> {
  const at = nowIso();
  let created = 0;
  let updated = 0;
  await database.db.transaction().execute(async (trx) => {
    const inserts: ReturnType<typeof venueRow>[] = [];
    let done = 0;
    for (const row of rows) {
      const current = byLicence.get(row.licenceNo);
      const coordinates = row.coordinates ? wgs84ToGcj02(row.coordinates) : undefined;
      const common = {
        regionId: row.regionId,
        name: row.name,
        kind: row.kind,
        licence: { number: row.licenceNo, issuedOn: row.licenceIssuedOn, expiresOn: row.licenceExpiresOn },
        address: row.address,
      };
      if (current) {
        const before = toVenue(current);
        const venue: Venue = { ...before, ...common, coordinates: coordinates ?? before.coordinates };
        const { id: _id, created_at: _c, archived_at: _a, ...columns } = venueRow(venue, at);
        await trx.updateTable('venues').set(columns).where('id', '=', current.id).execute();
        updated++;
      } else {
        const venue: Venue = {
          id: newId('ven'),
          ...common,
          // No coordinates in the register: (0, 0), outside every district; the map leaves such venues out.
          coordinates: coordinates ?? { lat: 0, lng: 0 },
          publicCode: newPublicCode(),
          timeZone: DEFAULT_TIME_ZONE,
          hasLiveVideo: false,
        };
        inserts.push(venueRow(venue, at));
        created++;
      }
      if (inserts.length >= CHUNK) await trx.insertInto('venues').values(inserts.splice(0)).execute();
      if (++done % 5000 === 0) progress('write', done, rows.length);
    }
    if (inserts.length > 0) await trx.insertInto('venues').values(inserts).execute();
  });
  progress('write', rows.length, rows.length);
  return { created, updated };
}

async function writeInspections(
  database: Database,
  rows: readonly InspectionRegisterRow[],
  byLicence: ReadonlyMap<string, Existing>,
  progress: NonNullable<ImportOptions['onProgress']>,
): Promise<{ created: number; updated: number }> {
  const at = nowIso();
  const key = (venueId: string, date: string, type: string | null) => `${venueId}|${date}|${type ?? ''}`;
  const previous = await database.db
    .selectFrom('inspections')
    .select(['id', 'venue_id', 'date', 'type'])
    .where('source', '=', 'imported')
    .execute();
  const previousByKey = new Map(previous.map((p) => [key(p.venue_id, p.date, p.type), p.id]));
  let updated = 0;
  const replaced: string[] = [];
  const values = rows.map((row) => {
    const venueId = (byLicence.get(row.licenceNo) as Existing).id;
    const old = previousByKey.get(key(venueId, row.date, row.type ?? null));
    if (old) {
      replaced.push(old);
      previousByKey.delete(key(venueId, row.date, row.type ?? null));
      updated++;
    }
    return {
      id: newId('ins'),
      venue_id: venueId,
      inspector: '导入 imported',
      date: row.date,
      items: toJson([]),
      total: 0,
      // 得分 on the 0–10 scale (a 100-point register is divided by 10); no score given: 0.
      score: row.score ?? 0,
      created_by: null,
      created_at: at,
      key_failures: row.keyFailures,
      other_failures: row.otherFailures,
      type: row.type ?? null,
      result: row.result ?? null,
      source: 'imported',
    };
  });
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < replaced.length; i += CHUNK) {
      await trx
        .deleteFrom('inspections')
        .where('id', 'in', replaced.slice(i, i + CHUNK))
        .execute();
    }
    for (let i = 0; i < values.length; i += CHUNK) {
      await trx
        .insertInto('inspections')
        .values(values.slice(i, i + CHUNK))
        .execute();
      progress('write', Math.min(i + CHUNK, values.length), values.length);
    }
  });
  return { created: values.length - updated, updated };
}
