import type { Role } from '@brightkitchen/sdk';

/** Who is calling: a logged-in user (by access token) or a partner system (by signed key). */
export interface Principal {
  readonly userId: string;
  readonly role: Role;
  /** Set for partner requests: the key that signed it. */
  readonly keyId?: string;
  /** Set for users: the session family (login) the access token was issued in. */
  readonly sessionId?: string;
}
