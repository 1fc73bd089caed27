/** What each staff role is called, and who may change the staff archive. */
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@brightkitchen/sdk';
import { operatorClient } from '../client';

export const ROLE_TEXT = Object.fromEntries(STAFF_ROLES.map((r) => [r, STAFF_ROLE_LABELS[r].zh])) as Readonly<
  Record<StaffRole, string>
>;

/** The venue's manager (and an admin) keep the staff archive; the server decides, this only hides what it refuses. */
export async function canEditStaff(): Promise<boolean> {
  const session = await operatorClient().auth.session();
  const role = session?.user.role;
  return role === 'operator_manager' || role === 'admin';
}
