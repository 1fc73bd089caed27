/** Users, memberships, regulator regions and partner keys: the account records auth and seeding use. */
import { randomBytes } from 'node:crypto';
import type { PublicUser, Role } from '@brightkitchen/sdk';
import { hashPassword } from '../auth/password.js';
import { type Database, newId, nowIso, type UsersTable } from '../db/index.js';

export interface NewUser {
  readonly role: Role;
  readonly displayName: string;
  readonly login?: string;
  readonly password?: string;
  /** An already computed `hashPassword` result (seeding many users with one password). */
  readonly passwordHash?: string;
  readonly wechatOpenid?: string;
  /** A consumer's verified mobile number (SMS sign-in). */
  readonly phone?: string;
}

/** The user as the API shows it (never the password hash): the SDK's `PublicUser`. */
export type { PublicUser };

export function publicUser(row: Pick<UsersTable, 'id' | 'role' | 'display_name' | 'login'>): PublicUser {
  return { id: row.id, role: row.role as Role, displayName: row.display_name, login: row.login };
}

export async function createUser({ db }: Database, input: NewUser): Promise<PublicUser> {
  const row: UsersTable = {
    id: newId('usr'),
    login: input.login ?? null,
    password_hash: input.passwordHash ?? (input.password ? await hashPassword(input.password) : null),
    display_name: input.displayName,
    role: input.role,
    wechat_openid: input.wechatOpenid ?? null,
    wechat_unionid: null,
    phone: input.phone ?? null,
    disabled_at: null,
    created_at: nowIso(),
  };
  await db.insertInto('users').values(row).execute();
  return publicUser(row);
}

export async function addMembership(
  { db }: Database,
  userId: string,
  venueId: string,
  role: 'operator_staff' | 'operator_manager',
  staffId: string | null = null,
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ user_id: userId, venue_id: venueId, role, staff_id: staffId, created_at: nowIso() })
    .execute();
}

export async function addRegulatorRegion({ db }: Database, userId: string, regionId: string): Promise<void> {
  await db.insertInto('regulator_regions').values({ user_id: userId, region_id: regionId }).execute();
}

export interface PartnerKey {
  readonly keyId: string;
  readonly secret: string;
  readonly userId: string;
}

/** Creates a partner principal and its signing key; the secret is shown once, to hand to the partner. */
export async function createPartnerKey(database: Database, name: string): Promise<PartnerKey> {
  const user = await createUser(database, { role: 'partner', displayName: name });
  const key: PartnerKey = {
    keyId: `pk_${randomBytes(8).toString('hex')}`,
    secret: randomBytes(32).toString('base64url'),
    userId: user.id,
  };
  await database.db
    .insertInto('partner_keys')
    .values({ key_id: key.keyId, secret: key.secret, name, user_id: user.id, revoked_at: null, created_at: nowIso() })
    .execute();
  return key;
}
