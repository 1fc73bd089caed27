/**
 * One demo account per role, with fresh random passwords: an admin, the regulator of a district, the
 * manager and a staff member of one school canteen, a consumer (WeChat openid, also a password login)
 * and a partner key. They are written to `BK_DATA_DIR/demo-accounts.json` and printed at start.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '@brightkitchen/sdk';
import { addMembership, addRegulatorRegion, createPartnerKey, createUser } from '../accounts/index.js';
import { hashPassword } from '../auth/password.js';
import type { Database } from '../db/index.js';

/** The fixed WeChat openid of the demo consumer (a fake `code2session` can map any code to it). */
export const DEMO_CONSUMER_OPENID = 'demo-consumer-openid';

export interface DemoAccount {
  readonly role: Role;
  readonly name: string;
  readonly login?: string;
  readonly password?: string;
  readonly openid?: string;
  readonly keyId?: string;
  readonly secret?: string;
  readonly regionId?: string;
  readonly regionName?: string;
  readonly venueId?: string;
  readonly venueName?: string;
  /** Operators: the public code of their venue (its QR code). */
  readonly publicCode?: string;
  /** The demo cook (operator_staff): the verification code of their training certificate. */
  readonly certificateCode?: string;
}

export interface DemoAccountsFile {
  readonly generatedAt: string;
  readonly accounts: readonly DemoAccount[];
  /** The demo cook's training certificate code: `GET /v1/public/certificates/{certificateCode}` verifies it. */
  readonly certificateCode?: string;
}

function password(): string {
  return `bk-${randomBytes(9).toString('base64url')}`;
}

export interface DemoAccountTargets {
  readonly region: { readonly id: string; readonly name: string };
  readonly venue: { readonly id: string; readonly name: string; readonly publicCode: string };
  /** The staff archive entry the operator_staff account belongs to. */
  readonly staffId: string | null;
}

export async function createDemoAccounts(database: Database, targets: DemoAccountTargets): Promise<DemoAccount[]> {
  const { region, venue } = targets;
  const passwords = {
    admin: password(),
    regulator: password(),
    manager: password(),
    staff: password(),
    consumer: password(),
  };
  const [adminHash, regulatorHash, managerHash, staffHash, consumerHash] = await Promise.all([
    hashPassword(passwords.admin),
    hashPassword(passwords.regulator),
    hashPassword(passwords.manager),
    hashPassword(passwords.staff),
    hashPassword(passwords.consumer),
  ]);
  await createUser(database, { role: 'admin', displayName: '平台管理员', login: 'admin', passwordHash: adminHash });
  const regulator = await createUser(database, {
    role: 'regulator',
    displayName: `${region.name}市场监督管理局`,
    login: 'regulator',
    passwordHash: regulatorHash,
  });
  await addRegulatorRegion(database, regulator.id, region.id);
  const manager = await createUser(database, {
    role: 'operator_manager',
    displayName: `${venue.name}食品安全管理员`,
    login: 'manager',
    passwordHash: managerHash,
  });
  await addMembership(database, manager.id, venue.id, 'operator_manager');
  const staff = await createUser(database, {
    role: 'operator_staff',
    displayName: `${venue.name}厨师`,
    login: 'staff',
    passwordHash: staffHash,
  });
  await addMembership(database, staff.id, venue.id, 'operator_staff', targets.staffId);
  await createUser(database, {
    role: 'consumer',
    displayName: '演示消费者',
    login: 'consumer',
    passwordHash: consumerHash,
    wechatOpenid: DEMO_CONSUMER_OPENID,
  });
  const partner = await createPartnerKey(database, '聊城市教育局（合作方）');
  const operatorVenue = { venueId: venue.id, venueName: venue.name, publicCode: venue.publicCode };
  return [
    { role: 'admin', name: '平台管理员', login: 'admin', password: passwords.admin },
    {
      role: 'regulator',
      name: regulator.displayName,
      login: 'regulator',
      password: passwords.regulator,
      regionId: region.id,
      regionName: region.name,
    },
    {
      role: 'operator_manager',
      name: manager.displayName,
      login: 'manager',
      password: passwords.manager,
      ...operatorVenue,
    },
    { role: 'operator_staff', name: staff.displayName, login: 'staff', password: passwords.staff, ...operatorVenue },
    {
      role: 'consumer',
      name: '演示消费者',
      login: 'consumer',
      password: passwords.consumer,
      openid: DEMO_CONSUMER_OPENID,
    },
    { role: 'partner', name: '聊城市教育局（合作方）', keyId: partner.keyId, secret: partner.secret },
  ];
}
