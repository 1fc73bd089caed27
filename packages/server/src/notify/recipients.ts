/**
 * Who an escalation level reaches at a venue. A level includes those below it:
 * manager → the venue's managers; venue_head → also members linked to a staff record of role
 * `principal` or `manager` (the head of the venue); regulator → also the regulators of its region.
 */
import { ESCALATION_LEVELS, type EscalationLevel } from '@brightkitchen/sdk';
import type { Database } from '../db/index.js';

export interface Recipient {
  readonly userId: string;
  readonly level: EscalationLevel;
  readonly wechatOpenid: string | null;
}

export async function recipientsFor(database: Database, venueId: string, level: EscalationLevel): Promise<Recipient[]> {
  const { db } = database;
  const reach = ESCALATION_LEVELS.slice(0, ESCALATION_LEVELS.indexOf(level) + 1);
  const out = new Map<string, Recipient>();
  const add = (userId: string, l: EscalationLevel, openid: string | null) => {
    if (!out.has(userId)) out.set(userId, { userId, level: l, wechatOpenid: openid });
  };
  const members = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('staff', 'staff.id', 'memberships.staff_id')
    .select([
      'users.id as userId',
      'users.wechat_openid as openid',
      'memberships.role as role',
      'staff.role as staffRole',
    ])
    .where('memberships.venue_id', '=', venueId)
    .where('users.disabled_at', 'is', null)
    .execute();
  for (const m of members) if (m.role === 'operator_manager') add(m.userId, 'manager', m.openid);
  if (reach.includes('venue_head')) {
    for (const m of members) {
      if (m.staffRole === 'principal' || m.staffRole === 'manager') add(m.userId, 'venue_head', m.openid);
    }
  }
  if (reach.includes('regulator')) {
    const regulators = await db
      .selectFrom('regulator_regions')
      .innerJoin('users', 'users.id', 'regulator_regions.user_id')
      .innerJoin('venues', 'venues.region_id', 'regulator_regions.region_id')
      .select(['users.id as userId', 'users.wechat_openid as openid'])
      .where('venues.id', '=', venueId)
      .where('users.disabled_at', 'is', null)
      .execute();
    for (const r of regulators) add(r.userId, 'regulator', r.openid);
  }
  return [...out.values()];
}
