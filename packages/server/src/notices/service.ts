/** Notices (告知书): the SDK's `Notice` kept whole in `data`, with the columns that scope and filter it. */
import { type Notice, type NoticeInput, NoticeSchema, type NoticeSenderRole } from '@brightkitchen/sdk';
import { type Database, type NoticesTable, newId, readJson, storedValue, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';

/** The stored notice; throws `CorruptStoredValue` when its `data` is not one. */
export function toNotice(row: Pick<NoticesTable, 'id' | 'data'>): Notice {
  return storedValue(readJson(NoticeSchema, row.data, { table: 'notices', column: 'data', id: row.id }));
}

export function noticeRow(
  venueId: string,
  senderId: string,
  senderRole: NoticeSenderRole,
  input: NoticeInput,
  sentAt: string,
): NoticesTable {
  const notice: Notice = { ...input, id: newId('ntc'), venueId, senderRole, state: 'sent', sentAt };
  return {
    id: notice.id,
    venue_id: venueId,
    sender_id: senderId,
    sender_role: senderRole,
    state: notice.state,
    data: toJson(notice),
    answer: null,
    answered_by: null,
    answered_at: null,
    created_at: sentAt,
  };
}

export async function sendNotice(
  { db }: Database,
  venueId: string,
  senderId: string,
  senderRole: NoticeSenderRole,
  input: NoticeInput,
): Promise<Notice> {
  const row = noticeRow(venueId, senderId, senderRole, input, new Date().toISOString());
  await db.insertInto('notices').values(row).execute();
  return toNotice(row);
}

/** The operator's answer; a notice is answered once (a second answer → CONFLICT). */
export async function answerNotice(
  { db }: Database,
  row: NoticesTable,
  answer: string,
  answeredBy: string,
  now: Date = new Date(),
): Promise<Notice> {
  if (row.state !== 'sent') throw new AppError('CONFLICT', { state: row.state });
  const answeredAt = now.toISOString();
  const notice: Notice = { ...toNotice(row), state: 'answered', answer, answeredAt };
  const result = await db
    .updateTable('notices')
    .set({ state: 'answered', data: toJson(notice), answer, answered_by: answeredBy, answered_at: answeredAt })
    .where('id', '=', row.id)
    .where('state', '=', 'sent')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new AppError('CONFLICT', { state: 'answered' });
  return notice;
}
