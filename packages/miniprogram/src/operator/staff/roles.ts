/** What each staff role is called, and who may change the staff archive. */
import type { StaffRole } from '@brightkitchen/sdk';
import { operatorClient } from '../client';

export const ROLE_TEXT: Readonly<Record<StaffRole, string>> = {
  food_safety_manager: '食品安全管理员',
  chef: '厨师长',
  cook: '厨师',
  helper: '帮厨',
  cleaner: '保洁',
  principal: '负责人',
  manager: '经理',
};

/** The venue's manager (and an admin) keep the staff archive; the server decides, this only hides what it refuses. */
export async function canEditStaff(): Promise<boolean> {
  const session = await operatorClient().auth.session();
  const role = session?.user.role;
  return role === 'operator_manager' || role === 'admin';
}
