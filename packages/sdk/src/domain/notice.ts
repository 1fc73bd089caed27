/** A rectification notice (告知书) addressed to a venue's operator by a consumer or a regulator. */
import * as v from 'valibot';
import { NOTICE_STATES } from './enums.js';
import { DaySchema, IdSchema, InstantSchema, text } from './primitives.js';

export const NOTICE_SENDER_ROLES = ['consumer', 'regulator'] as const;
export type NoticeSenderRole = (typeof NOTICE_SENDER_ROLES)[number];

const noticeInputEntries = {
  subject: text(100),
  body: text(2000),
  /** The legal obligation concerned, e.g. `食品安全法 第三十三条 / Food Safety Law art. 33`. */
  obligation: v.optional(text(200)),
  /** The day by which the operator must rectify (regulator notices). */
  deadline: v.optional(DaySchema),
};

export const NoticeSchema = v.object({
  id: IdSchema,
  venueId: IdSchema,
  senderRole: v.picklist(NOTICE_SENDER_ROLES),
  ...noticeInputEntries,
  state: v.picklist(NOTICE_STATES),
  sentAt: InstantSchema,
  answer: v.optional(text(2000)),
  answeredAt: v.optional(InstantSchema),
});
export type Notice = v.InferOutput<typeof NoticeSchema>;

/** Body of `POST /v1/venues/{venueId}/notices` (sender role from the caller, venue from the path). */
export const NoticeInputSchema = v.object(noticeInputEntries);
export type NoticeInput = v.InferOutput<typeof NoticeInputSchema>;

/** Body of `POST /v1/notices/{noticeId}/answer`. */
export const NoticeAnswerInputSchema = v.object({ answer: text(2000) });
export type NoticeAnswerInput = v.InferOutput<typeof NoticeAnswerInputSchema>;
