/** Staff archive of a venue: the SDK's `Staff` object in `data`. */
import type { Staff, StaffInput, StaffPatch } from '@brightkitchen/sdk';
import { type Database, newId, nowIso, parseJson, type StaffTable, toJson } from '../db/index.js';

export function toStaff(row: Pick<StaffTable, 'data'>): Staff {
  return parseJson<Staff>(row.data, {} as Staff);
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
      created_at: now,
      updated_at: now,
    })
    .execute();
  return staff;
}

export async function updateStaff({ db }: Database, current: Staff, patch: StaffPatch): Promise<Staff> {
  const staff: Staff = { ...current, ...patch, id: current.id, venueId: current.venueId } as Staff;
  await db
    .updateTable('staff')
    .set({ name: staff.name, role: staff.role, data: toJson(staff), updated_at: nowIso() })
    .where('id', '=', current.id)
    .execute();
  return staff;
}
