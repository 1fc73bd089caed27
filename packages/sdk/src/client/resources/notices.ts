import type { NoticeState } from '../../domain/enums.js';
import type { Notice, NoticeInput } from '../../domain/notice.js';
import type { QueuedWrite } from '../outbox/outbox.js';
import { seg } from '../query.js';
import type { Page, PageQuery } from '../wire-types.js';
import type { ResourceContext } from './context.js';

export interface NoticeListQuery extends PageQuery {
  readonly venueId?: string;
  readonly state?: NoticeState;
}

/** Notices (告知书) from consumers and regulators to a venue's operator, and the operator's answers. */
export interface NoticesClient {
  /** Queues a notice in the outbox. */
  send(venueId: string, input: NoticeInput): Promise<QueuedWrite>;
  /** The sender's own, a member's venue's, or a regulator's region's notices. */
  list(query?: NoticeListQuery): Promise<Page<Notice>>;
  /** The operator answers; the sender sees the answer. */
  answer(noticeId: string, answer: string): Promise<Notice>;
}

export function createNoticesClient({ http, outbox }: ResourceContext): NoticesClient {
  return {
    send: (venueId, input) => outbox.enqueue('notice', `/v1/venues/${seg(venueId)}/notices`, input),
    list: (query) => http.call({ method: 'GET', path: '/v1/notices', ...(query ? { query: { ...query } } : {}) }),
    answer: (noticeId, answer) =>
      http.call({ method: 'POST', path: `/v1/notices/${seg(noticeId)}/answer`, body: { answer } }),
  };
}
