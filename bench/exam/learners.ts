/**
 * The bench's learners, written straight into the platform's database before it starts (so the start does not
 * seed the demo city): one district, one school canteen, N cooks each with a staff-linked account and a token.
 */
import { issueAccessToken } from '../../packages/server/src/auth/access-token.js';
import { hashPassword } from '../../packages/server/src/auth/password.js';
import type { ServerConfig } from '../../packages/server/src/config.js';
import { migrateToLatest, newId, nowIso, openDatabase, toJson } from '../../packages/server/src/db/index.js';
import { createVenue } from '../../packages/server/src/venues/index.js';

export interface BenchLearner {
  readonly token: string;
  readonly staffId: string;
}

export async function seedLearners(config: ServerConfig, count: number): Promise<BenchLearner[]> {
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database);
    const { db } = database;
    const regionId = newId('reg');
    await db
      .insertInto('regions')
      .values({ id: regionId, code: `BENCH${Date.now()}`, name: '压测区', parent_id: null, created_at: nowIso() })
      .execute();
    const venue = await createVenue(database, {
      regionId,
      name: '压测学校食堂',
      kind: 'school_canteen',
      licence: { number: 'JY13715000000001', issuedOn: '2024-01-01', expiresOn: '2029-01-01' },
      address: '聊城市东昌府区',
      coordinates: { lat: 36.45, lng: 115.98 },
      timeZone: 'Asia/Shanghai',
      hasLiveVideo: false,
    });
    const passwordHash = await hashPassword('bench-password-not-used');
    const at = nowIso();
    const learners: BenchLearner[] = [];
    const rows = Array.from({ length: count }, (_, i) => {
      const staffId = newId('stf');
      const userId = newId('usr');
      const name = `学员${String(i + 1).padStart(4, '0')}`;
      const staff = {
        id: staffId,
        venueId: venue.id,
        name,
        role: 'cook',
        healthCertificate: { number: `HC-${i}`, expiresOn: '2099-12-31' },
      };
      // As a phone's login gives it: a token of a session family, which every request checks is not revoked.
      const sessionId = newId('ses');
      learners.push({
        staffId,
        token: issueAccessToken(config.tokenSecret, { userId, role: 'operator_staff', sessionId }, 4 * 3600),
      });
      return { staffId, userId, name, staff, sessionId };
    });
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        await trx
          .insertInto('staff')
          .values(
            chunk.map((r) => ({
              id: r.staffId,
              venue_id: venue.id,
              name: r.name,
              role: 'cook',
              data: toJson(r.staff),
              left_on: null,
              created_at: at,
              updated_at: at,
            })),
          )
          .execute();
        await trx
          .insertInto('users')
          .values(
            chunk.map((r, j) => ({
              id: r.userId,
              login: `bench-${i + j}`,
              password_hash: passwordHash,
              display_name: r.name,
              role: 'operator_staff',
              wechat_openid: null,
              wechat_unionid: null,
              phone: null,
              disabled_at: null,
              created_at: at,
            })),
          )
          .execute();
        await trx
          .insertInto('session_families')
          .values(
            chunk.map((r) => ({
              id: r.sessionId,
              user_id: r.userId,
              revoked_at: null,
              revoked_reason: null,
              created_at: at,
            })),
          )
          .execute();
        await trx
          .insertInto('memberships')
          .values(
            chunk.map((r) => ({
              user_id: r.userId,
              venue_id: venue.id,
              role: 'operator_staff',
              staff_id: r.staffId,
              created_at: at,
            })),
          )
          .execute();
      }
    });
    return learners;
  } finally {
    await database.close();
  }
}
