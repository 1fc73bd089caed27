import type { Complaint, ComplaintInput } from '../../domain/complaint.js';
import type { ComplaintState } from '../../domain/enums.js';
import type { QueuedWrite } from '../outbox/outbox.js';
import { seg } from '../query.js';
import type { Page, PageQuery } from '../wire-types.js';
import type { ResourceContext } from './context.js';

export interface ComplaintListQuery extends PageQuery {
  readonly venueId?: string;
  readonly state?: ComplaintState;
}

/** Consumer complaints with location and photos, seen by the venue's operator and the region's regulator. */
export interface ComplaintsClient {
  /** Queues a complaint (photos as base64, ≤ 3, each ≤ 2 MiB, jpeg/png/webp) in the outbox. */
  submit(venueId: string, input: ComplaintInput): Promise<QueuedWrite>;
  list(query?: ComplaintListQuery): Promise<Page<Complaint>>;
  /** The bytes of photo `n` (from 0) of a complaint. */
  photo(complaintId: string, n: number): Promise<ArrayBuffer>;
}

export function createComplaintsClient({ http, outbox }: ResourceContext): ComplaintsClient {
  return {
    submit: (venueId, input) => outbox.enqueue('complaint', `/v1/venues/${seg(venueId)}/complaints`, input),
    list: (query) => http.call({ method: 'GET', path: '/v1/complaints', ...(query ? { query: { ...query } } : {}) }),
    photo: (complaintId, n) =>
      http.call({
        method: 'GET',
        path: `/v1/complaints/${seg(complaintId)}/photos/${n}`,
        responseType: 'arraybuffer',
        headers: { accept: 'image/*' },
      }),
  };
}
