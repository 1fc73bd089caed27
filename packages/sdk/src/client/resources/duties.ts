import type { Duty, DutyInput, DutyReceipts, VenueDuties, VenueDuty } from '../../domain/duty.js';
import type { HttpRequest } from '../http.js';
import { seg } from '../query.js';
import type { Page, PageQuery } from '../wire-types.js';

export interface DutyListQuery extends PageQuery {
  readonly regionId?: string;
}

/**
 * Legal duties and operating procedures (法定义务/操作规范) with read receipts: regulators publish them for a region
 * and venue kinds and see who has not read them; a venue's people list theirs and mark them read.
 */
export interface DutiesClient {
  publish(input: DutyInput): Promise<Duty>;
  /** The caller's regions' duties with their read coverage, newest first. */
  list(query?: DutyListQuery): Promise<Page<Duty>>;
  /** Coverage and the venues that have not read it (at most `limit`, default 200). */
  receipts(dutyId: string, limit?: number): Promise<DutyReceipts>;
  /** A venue's duties, unread first. */
  forVenue(venueId: string): Promise<VenueDuties>;
  /** The venue has read it (the first read is kept). */
  markRead(venueId: string, dutyId: string): Promise<VenueDuty>;
}

/** Any client that sends a request through its session: the `BrightKitchenClient` from `createClient`. */
export interface DutiesRequestingClient {
  request<T>(request: HttpRequest): Promise<T>;
}

/**
 * Built over a client (`createDutiesClient(client)`), not part of `createClient`'s facade: apps that do not use it
 * (the consumer's main package) do not carry it.
 */
export function createDutiesClient(client: DutiesRequestingClient): DutiesClient {
  const http = { call: <T>(request: HttpRequest) => client.request<T>(request) };
  return {
    publish: (input) => http.call({ method: 'POST', path: '/v1/duties', body: input }),
    list: (query) => http.call({ method: 'GET', path: '/v1/duties', ...(query ? { query: { ...query } } : {}) }),
    receipts: (id, limit) =>
      http.call({
        method: 'GET',
        path: `/v1/duties/${seg(id)}/receipts`,
        ...(limit === undefined ? {} : { query: { limit } }),
      }),
    forVenue: (venueId) => http.call({ method: 'GET', path: `/v1/venues/${seg(venueId)}/duties` }),
    markRead: (venueId, dutyId) =>
      http.call({ method: 'POST', path: `/v1/venues/${seg(venueId)}/duties/${seg(dutyId)}/read`, body: {} }),
  };
}
