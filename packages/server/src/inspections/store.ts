/** Inspections as stored: the SDK's `Inspection` (items as JSON, total and score computed here). */
import { type Inspection, type InspectionInput, type InspectionItem, InspectionItemSchema } from '@brightkitchen/sdk';
import * as v from 'valibot';
import {
  type CorruptValueLog,
  type Database,
  type InspectionsTable,
  logCorrupt,
  newId,
  readJson,
  type StoredRead,
  storedValue,
  toJson,
} from '../db/index.js';
import type { GradedInspection } from './grade.js';

const ItemsSchema = v.array(InspectionItemSchema);

function readItems(row: Pick<InspectionsTable, 'id' | 'items'>): StoredRead<InspectionItem[]> {
  return readJson(ItemsSchema, row.items, { table: 'inspections', column: 'items', id: row.id });
}

/** The stored inspection; throws `CorruptStoredValue` when its items are damaged. */
export function toInspection(row: InspectionsTable): Inspection {
  return {
    id: row.id,
    venueId: row.venue_id,
    inspector: row.inspector,
    date: row.date,
    items: storedValue(readItems(row)),
    total: Number(row.total),
    score: Number(row.score),
  };
}

/** The row of an inspection to record: total = sum of item scores, score = total ÷ items (0 without items). */
export function inspectionRow(input: InspectionInput, createdBy: string | null, createdAt: string): InspectionsTable {
  const total = input.items.reduce((sum, item) => sum + item.score, 0);
  return {
    id: newId('ins'),
    venue_id: input.venueId,
    inspector: input.inspector,
    date: input.date,
    items: toJson(input.items),
    total,
    score: input.items.length === 0 ? 0 : total / input.items.length,
    created_by: createdBy,
    created_at: createdAt,
    key_failures: input.items.filter((item) => item.key && !item.passed).length,
    other_failures: input.items.filter((item) => !item.key && !item.passed).length,
    type: null,
    result: null,
    source: 'recorded',
  };
}

/**
 * The inspections grading needs (the last 12 months and the latest before), by venue, in one query.
 * An inspection whose stored items are damaged is logged and left out.
 */
export async function inspectionsForGrading(
  { db }: Database,
  venueIds: readonly string[],
  today: string,
  log: CorruptValueLog,
): Promise<Map<string, GradedInspection[]>> {
  const out = new Map<string, GradedInspection[]>();
  if (venueIds.length === 0) return out;
  // The latest inspection may be older than a year (it still gives the dynamic grade): read two years.
  const since = `${Number(today.slice(0, 4)) - 2}${today.slice(4)}`;
  const rows = await db
    .selectFrom('inspections')
    .select(['id', 'venue_id', 'date', 'score', 'items', 'created_at'])
    .where('venue_id', 'in', [...venueIds])
    .where('date', '>', since)
    .execute();
  for (const row of rows) {
    const items = readItems(row);
    if (!items.ok) {
      logCorrupt(log, items.error);
      continue;
    }
    const list = out.get(row.venue_id) ?? [];
    list.push({ date: row.date, recordedAt: row.created_at, score: Number(row.score), items: items.value });
    out.set(row.venue_id, list);
  }
  return out;
}
