/**
 * A venue's staff and their training standing today (venue-local): the certificate valid longest (the platform's
 * or the archive's), who must train (none valid: unfit in the morning check), who should renew (≤ 30 days left).
 */
import { localDay, StaffSchema } from '@brightkitchen/sdk';
import { daysUntil, RENEWAL_NOTICE_DAYS, type StaffTraining, type VenueTraining } from '@brightkitchen/sdk/training';
import { type CorruptValueLog, type Database, logCorrupt, readJson, type VenuesTable } from '../db/index.js';
import { platformCertificateExpiries } from './certificates.js';

export async function venueTraining(
  database: Database,
  venue: Pick<VenuesTable, 'id' | 'time_zone'>,
  now: Date,
  log: CorruptValueLog,
): Promise<VenueTraining> {
  const day = localDay(now, venue.time_zone);
  const rows = await database.db
    .selectFrom('staff')
    .select(['id', 'data', 'left_on'])
    .where('venue_id', '=', venue.id)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', day)]))
    .orderBy('name')
    .execute();
  const platform = await platformCertificateExpiries(
    database,
    rows.map((r) => r.id),
  );
  const staff: StaffTraining[] = [];
  for (const row of rows) {
    const read = readJson(StaffSchema, row.data, { table: 'staff', column: 'data', id: row.id });
    if (!read.ok) {
      logCorrupt(log, read.error);
      continue;
    }
    const person = read.value;
    const issued = platform.get(row.id);
    const archived = person.trainingCertificate;
    const certificate =
      issued && (!archived || issued.expiresOn >= archived.expiresOn)
        ? { code: issued.code, expiresOn: issued.expiresOn }
        : archived
          ? { number: archived.number, expiresOn: archived.expiresOn }
          : undefined;
    const daysLeft = certificate ? daysUntil(day, certificate.expiresOn) : undefined;
    const valid = daysLeft !== undefined && daysLeft >= 0;
    staff.push({
      staffId: row.id,
      name: person.name,
      role: person.role,
      ...(certificate ? { certificate } : {}),
      mustTrain: !valid,
      renewSoon: valid && (daysLeft as number) <= RENEWAL_NOTICE_DAYS,
      ...(daysLeft === undefined ? {} : { daysLeft }),
    });
  }
  const mustTrain = staff.filter((s) => s.mustTrain).length;
  const renewSoon = staff.filter((s) => s.renewSoon).length;
  const parts: { zh: string[]; en: string[] } = { zh: [], en: [] };
  if (mustTrain > 0) {
    parts.zh.push(`${mustTrain} 人无有效培训合格证，须参加培训考核`);
    parts.en.push(`${mustTrain} without a valid training certificate must train and pass the exam`);
  }
  if (renewSoon > 0) {
    parts.zh.push(`${renewSoon} 人的培训合格证将在 ${RENEWAL_NOTICE_DAYS} 天内到期`);
    parts.en.push(`${renewSoon} certificate(s) expire within ${RENEWAL_NOTICE_DAYS} days`);
  }
  return {
    day,
    staff,
    mustTrain,
    renewSoon,
    ...(parts.zh.length ? { reminder: { zh: `${parts.zh.join('；')}。`, en: `${parts.en.join('; ')}.` } } : {}),
  };
}
