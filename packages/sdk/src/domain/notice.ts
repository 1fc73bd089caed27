/** A rectification notice (告知书) addressed to a venue's operator by a consumer or a regulator. */
import * as v from 'valibot';
import { NOTICE_STATES } from './enums.js';
import { DaySchema, IdSchema, InstantSchema, TimeZoneSchema, text } from './primitives.js';

/** Who may send a venue a notice: a consumer or a regulator. */
export const NOTICE_SENDER_ROLES = ['consumer', 'regulator'] as const;
/** One of {@link NOTICE_SENDER_ROLES}. */
export type NoticeSenderRole = (typeof NOTICE_SENDER_ROLES)[number];

const noticeInputEntries = {
  subject: text(100),
  body: text(2000),
  /** The legal obligation concerned, e.g. `食品安全法 第三十三条 / Food Safety Law art. 33`. */
  obligation: v.optional(text(200)),
  /** The day by which the operator must rectify (regulator notices). */
  deadline: v.optional(DaySchema),
};

/** A notice sent to a venue (a rectification order or a consumer message) and its answer. */
export const NoticeSchema = v.object({
  id: IdSchema,
  venueId: IdSchema,
  senderRole: v.picklist(NOTICE_SENDER_ROLES),
  ...noticeInputEntries,
  state: v.picklist(NOTICE_STATES),
  sentAt: InstantSchema,
  answer: v.optional(text(2000)),
  answeredAt: v.optional(InstantSchema),
  /** In lists: the venue's name and time zone (its times are read on the venue's clock). */
  venueName: v.optional(text(100)),
  timeZone: v.optional(TimeZoneSchema),
});
/** A notice to a venue. Type of {@link NoticeSchema}. */
export type Notice = v.InferOutput<typeof NoticeSchema>;

/** Body of `POST /v1/venues/{venueId}/notices` (sender role from the caller, venue from the path). */
export const NoticeInputSchema = v.object(noticeInputEntries);
/**
 * Body of `POST /v1/venues/{venueId}/notices` (sender role from the caller, venue from the path). Type of {@link
 * NoticeInputSchema}.
 */
export type NoticeInput = v.InferOutput<typeof NoticeInputSchema>;

/** Body of `POST /v1/notices/{noticeId}/answer`. */
export const NoticeAnswerInputSchema = v.object({ answer: text(2000) });
/** Body of `POST /v1/notices/{noticeId}/answer`. Type of {@link NoticeAnswerInputSchema}. */
export type NoticeAnswerInput = v.InferOutput<typeof NoticeAnswerInputSchema>;
