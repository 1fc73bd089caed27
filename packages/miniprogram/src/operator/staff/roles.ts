/** What each staff role is called. */
import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@brightkitchen/sdk';

export const ROLE_TEXT = Object.fromEntries(STAFF_ROLES.map((r) => [r, STAFF_ROLE_LABELS[r].zh])) as Readonly<
  Record<StaffRole, string>
>;
