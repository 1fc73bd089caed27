/** Staff archive of a venue: the SDK's `Staff` object in `data`. */
import { type Staff, type StaffInput, type StaffPatch, StaffSchema } from '@brightkitchen/sdk';
import { type Database, newId, nowIso, readJson, type StaffTable, storedValue, toJson } from '../db/index.js';

/** The stored staff member; throws `CorruptStoredValue` when its `data` is not one (see `readEach` for lists). */
export function toStaff(row: Pick<StaffTable, 'id' | 'data'>): Staff {
  return storedValue(readJson(StaffSchema, row.data, { table: 'staff', column: 'data', id: row.id }));
}

export async function createStaff({ db }: Database, venueId: string, input: StaffInput): Promise<Staff> {
  const staff: Staff = { ...input, id: newId('stf'), venueId };
  const now = nowIso();
  await db
    .insertInto('staff')
    .values({
      id: staff.id,
      venue_id: venueId,
      name: staff.name,
      role: staff.role,
      data: toJson(staff),
      left_on: staff.leftOn ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return staff;
}

/** Applies a patch: given fields replace the stored ones, `null` removes an optional one (phone, certificate, left). */
export async function updateStaff({ db }: Database, current: Staff, patch: StaffPatch): Promise<Staff> {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  const staff = { ...merged, id: current.id, venueId: current.venueId } as Staff;
  await db
    .updateTable('staff')
    .set({
      name: staff.name,
      role: staff.role,
      data: toJson(staff),
      left_on: staff.leftOn ?? null,
      updated_at: nowIso(),
    })
    .where('id', '=', current.id)
    .execute();
  return staff;
}
