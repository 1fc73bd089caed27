import type {
  Rectification,
  RectificationInput,
  RectificationResponseInput,
  RectificationReviewInput,
  RectificationState,
} from '../../domain/rectification.js';
import type { QueuedWrite } from '../outbox/outbox.js';
import { seg } from '../query.js';
import type { Page, PageQuery } from '../wire-types.js';
import type { ResourceContext } from './context.js';

export interface RectificationListQuery extends PageQuery {
  readonly venueId?: string;
  readonly state?: RectificationState;
  /** `true`: only notices past their deadline and not closed. */
  readonly overdue?: boolean;
}

/**
 * Rectification notices (责令整改通知书): a regulator opens one with a deadline, the operator answers with photos
 * (uploaded first with `ledgers.attachPhoto`; the answer waits in the outbox behind them), the regulator accepts
 * or rejects, and may plan a re-inspection.
 */
export interface RectificationsClient {
  /** A regulator of the venue's region opens a notice. */
  open(venueId: string, input: RectificationInput, idempotencyKey?: string): Promise<Rectification>;
  /** Notices the caller may see (a member: its venue's; a regulator: its regions'), newest first. */
  list(query?: RectificationListQuery): Promise<Page<Rectification>>;
  get(rectificationId: string): Promise<Rectification>;
  /** The operator answers (queued in the outbox, after the photos it names). */
  respond(rectificationId: string, input: RectificationResponseInput): Promise<QueuedWrite>;
  /** The regulator accepts (closed) or rejects (open again; a remark is required). */
  review(rectificationId: string, input: RectificationReviewInput): Promise<Rectification>;
  /** The regulator plans a re-inspection on a local day. */
  planReinspection(rectificationId: string, day: string): Promise<Rectification>;
}

const path = (id: string) => `/v1/rectifications/${seg(id)}`;

export function createRectificationsClient({ http, outbox }: ResourceContext): RectificationsClient {
  return {
    open: (venueId, input, idempotencyKey) =>
      http.call({
        method: 'POST',
        path: `/v1/venues/${seg(venueId)}/rectifications`,
        body: input,
        ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
      }),
    list: (query) =>
      http.call({
        method: 'GET',
        path: '/v1/rectifications',
        ...(query
          ? {
              query: {
                ...query,
                ...(query.overdue === undefined ? {} : { overdue: String(query.overdue) }),
              },
            }
          : {}),
      }),
    get: (id) => http.call({ method: 'GET', path: path(id) }),
    respond: (id, input) => outbox.enqueue('rectification-response', `${path(id)}/responses`, input),
    review: (id, input) => http.call({ method: 'POST', path: `${path(id)}/review`, body: input }),
    planReinspection: (id, day) => http.call({ method: 'POST', path: `${path(id)}/reinspection`, body: { day } }),
  };
}
