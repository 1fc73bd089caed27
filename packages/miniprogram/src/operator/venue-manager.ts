/**
 * Whether the signed-in person manages the venue (its manager, or an admin): they keep the staff archive and the
 * devices. The server decides; this only hides what it would refuse.
 */
import { operatorClient } from './client';

export async function isVenueManager(): Promise<boolean> {
  const session = await operatorClient().auth.session();
  const role = session?.user.role;
  return role === 'operator_manager' || role === 'admin';
}
