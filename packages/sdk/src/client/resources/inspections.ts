import type { Checklist } from '../../domain/checklist.js';
import type { InspectionRecord, InspectionRecordInput } from '../../domain/inspection-record.js';
import type { QueuedWrite } from '../outbox/outbox.js';
import { seg } from '../query.js';
import type { Page, PageQuery } from '../wire-types.js';
import type { ResourceContext } from './context.js';

/**
 * Inspections on the phone: the checklist in force, recording an inspection through the outbox (its signatures
 * and photos first, with `ledgers.attachPhoto`, so it all waits offline and is sent exactly once), and the records.
 */
export interface InspectionsClient {
  /** The checklist in force in the venue's region. */
  checklist(venueId: string): Promise<Checklist>;
  /** Queues an inspection; the outbox's `sent` result is `{ inspection, grade }`. */
  record(venueId: string, input: InspectionRecordInput): Promise<QueuedWrite>;
  /** The venue's inspections, newest first. */
  list(venueId: string, query?: PageQuery): Promise<Page<InspectionRecord>>;
  /** One inspection record (the printable copy's data). */
  get(inspectionId: string): Promise<InspectionRecord>;
}

export function createInspectionsClient({ http, outbox }: ResourceContext): InspectionsClient {
  return {
    checklist: (venueId) => http.call({ method: 'GET', path: `/v1/venues/${seg(venueId)}/checklist` }),
    record: (venueId, input) => outbox.enqueue('inspection', `/v1/venues/${seg(venueId)}/inspections`, input),
    list: (venueId, query) =>
      http.call({
        method: 'GET',
        path: `/v1/venues/${seg(venueId)}/inspections`,
        ...(query ? { query: { ...query } } : {}),
      }),
    get: (inspectionId) => http.call({ method: 'GET', path: `/v1/inspections/${seg(inspectionId)}` }),
  };
}
