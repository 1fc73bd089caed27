/**
 * A small city for tests: two districts, three venues, one account per role, a partner key and staff
 * (one fit with health and training certificates, one with an expired health certificate and no training). Tokens are issued as the login route would.
 */
import type { Role, VenueInput } from '@brightkitchen/sdk';
import { localDay } from '@brightkitchen/sdk';
import {
  addMembership,
  addRegulatorRegion,
  createPartnerKey,
  createUser,
  type PartnerKey,
  type PublicUser,
} from '../accounts/index.js';
import { issueAccessToken } from '../auth/access-token.js';
import { hashPassword } from '../auth/password.js';
import { newId, nowIso } from '../db/index.js';
import { createStaff, createVenue } from '../venues/index.js';
import type { TestServer } from './test-server.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestAccount {
  readonly user: PublicUser;
  readonly login: string;
  readonly token: string;
}

export interface TestCity {
  readonly regions: { readonly east: string; readonly west: string };
  readonly venues: { readonly school: string; readonly restaurant: string; readonly westCanteen: string };
  readonly staff: { readonly fit: string; readonly expiredCertificate: string };
  readonly admin: TestAccount;
  /** Regulator of the east district (school and restaurant). */
  readonly regulator: TestAccount;
  /** Regulator of the west district only. */
  readonly westRegulator: TestAccount;
  /** Manager of the school. */
  readonly manager: TestAccount;
  /** Staff of the school. */
  readonly staffer: TestAccount;
  /** Manager of the restaurant (another venue, same district). */
  readonly otherManager: TestAccount;
  readonly consumer: TestAccount;
  readonly partner: PartnerKey;
}

function venueInput(regionId: string, name: string, kind: VenueInput['kind']): VenueInput {
  return {
    regionId,
    name,
    kind,
    licence: { number: `JY${Math.floor(Math.random() * 1e12)}`, issuedOn: '2023-01-01', expiresOn: '2028-01-01' },
    address: '聊城市东昌府区 1 号',
    coordinates: { lat: 36.45, lng: 115.98 },
    timeZone: 'Asia/Shanghai',
    hasLiveVideo: false,
  };
}

export async function seedTestCity(server: TestServer): Promise<TestCity> {
  const { database, config } = server;
  const { db } = database;
  const suffix = Math.random().toString(36).slice(2, 8);
  const east = newId('reg');
  const west = newId('reg');
  await db
    .insertInto('regions')
    .values([
      { id: east, code: `E${suffix}`, name: '东昌府区', parent_id: null, created_at: nowIso() },
      { id: west, code: `W${suffix}`, name: '茌平区', parent_id: null, created_at: nowIso() },
    ])
    .execute();
  const school = await createVenue(database, venueInput(east, '第一中学食堂', 'school_canteen'));
  const restaurant = await createVenue(database, venueInput(east, '老街饭店', 'restaurant'));
  const westCanteen = await createVenue(database, venueInput(west, '茌平养老院食堂', 'elderly_care_canteen'));

  const today = localDay(Date.now(), 'Asia/Shanghai');
  const fit = await createStaff(database, school.id, {
    name: '张三',
    role: 'cook',
    healthCertificate: { number: 'HC-1', expiresOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` },
    // Trained elsewhere (entered in the archive): fit in the morning check without a certificate of the platform.
    trainingCertificate: { number: 'TC-1', expiresOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}` },
  });
  const expired = await createStaff(database, school.id, {
    name: '李四',
    role: 'helper',
    healthCertificate: { number: 'HC-2', expiresOn: '2020-01-01' },
  });

  const passwordHash = await hashPassword(TEST_PASSWORD);
  const account = async (role: Role, name: string): Promise<TestAccount> => {
    const login = `${name}-${suffix}`;
    const user = await createUser(database, { role, displayName: name, login, passwordHash });
    const token = issueAccessToken(config.tokenSecret, { userId: user.id, role }, config.accessTokenTtl);
    return { user, login, token };
  };
  const admin = await account('admin', 'admin');
  const regulator = await account('regulator', 'regulator');
  const westRegulator = await account('regulator', 'west-regulator');
  const manager = await account('operator_manager', 'manager');
  const staffer = await account('operator_staff', 'staffer');
  const otherManager = await account('operator_manager', 'other-manager');
  const consumer = await account('consumer', 'consumer');
  await addRegulatorRegion(database, regulator.user.id, east);
  await addRegulatorRegion(database, westRegulator.user.id, west);
  await addMembership(database, manager.user.id, school.id, 'operator_manager');
  await addMembership(database, staffer.user.id, school.id, 'operator_staff', fit.id);
  await addMembership(database, otherManager.user.id, restaurant.id, 'operator_manager');
  const partner = await createPartnerKey(database, '城市视频网');

  return {
    regions: { east, west },
    venues: { school: school.id, restaurant: restaurant.id, westCanteen: westCanteen.id },
    staff: { fit: fit.id, expiredCertificate: expired.id },
    admin,
    regulator,
    westRegulator,
    manager,
    staffer,
    otherManager,
    consumer,
    partner,
  };
}
