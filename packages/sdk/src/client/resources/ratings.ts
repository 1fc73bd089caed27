import type { RatingInput, RatingSummary } from '../../domain/rating.js';
import type { QueuedWrite } from '../outbox/outbox.js';
import { seg } from '../query.js';
import type { ResourceContext } from './context.js';

/** Consumer smiley ratings (笑脸评价): one per consumer, venue and local day. */
export interface RatingsClient {
  /** Queues a rating in the outbox; a second one the same day fails with `RATING_ALREADY_TODAY`. */
  submit(venueId: string, input: RatingInput): Promise<QueuedWrite>;
  /** Public: face counts per aspect and the satisfaction rate. */
  summary(venueId: string): Promise<RatingSummary>;
}

export function createRatingsClient({ http, outbox }: ResourceContext): RatingsClient {
  const path = (venueId: string) => `/v1/venues/${seg(venueId)}/ratings`;
  return {
    submit: (venueId, input) => outbox.enqueue('rating', path(venueId), input),
    summary: (venueId) => http.call({ method: 'GET', path: `${path(venueId)}/summary`, authenticate: false }),
  };
}
