import type { StaffOnDay } from '../../contract/pages.js';
import type { VenueKind } from '../../domain/enums.js';
import type { Staff, StaffInput, StaffPatch } from '../../domain/staff.js';
import type { Venue, VenueInput, VenuePatch } from '../../domain/venue.js';
import type { RuleProfile } from '../../rules/profile.js';
import { seg } from '../query.js';
import type { Member, MemberInput, Page, PageQuery } from '../wire-types.js';
import type { ResourceContext } from './context.js';

export interface VenueListQuery extends PageQuery {
  readonly regionId?: string;
  readonly kind?: VenueKind;
  /** Text search in names and addresses. */
  readonly q?: string;
}

export type { StaffOnDay };

/** A venue's staff archive: `client.venues.staff`. */
export interface StaffClient {
  /** `date` (`YYYY-MM-DD`) marks who is unfit that day. */
  list(venueId: string, query?: PageQuery & { readonly date?: string }): Promise<Page<StaffOnDay>>;
  create(venueId: string, input: StaffInput): Promise<Staff>;
  update(venueId: string, staffId: string, patch: StaffPatch): Promise<Staff>;
}

/** The user accounts of a venue (staff and managers): `client.venues.members`. */
export interface MembersClient {
  list(venueId: string, query?: PageQuery): Promise<Page<Member>>;
  add(venueId: string, input: MemberInput): Promise<Member>;
}

/** Venue archives (licence, address, public code), their staff and members. */
export interface VenuesClient {
  list(query?: VenueListQuery): Promise<Page<Venue>>;
  get(venueId: string): Promise<Venue>;
  create(input: VenueInput): Promise<Venue>;
  update(venueId: string, patch: VenuePatch): Promise<Venue>;
  /** The numbers the venue's records and sensors are judged by (national, its region's, its kind's). */
  ruleProfile(venueId: string): Promise<RuleProfile>;
  readonly staff: StaffClient;
  readonly members: MembersClient;
}

export function createVenuesClient({ http }: ResourceContext): VenuesClient {
  const venue = (id: string) => `/v1/venues/${seg(id)}`;
  return {
    list: (query) => http.call({ method: 'GET', path: '/v1/venues', ...(query ? { query: { ...query } } : {}) }),
    get: (venueId) => http.call({ method: 'GET', path: venue(venueId) }),
    create: (input) => http.call({ method: 'POST', path: '/v1/venues', body: input }),
    update: (venueId, patch) => http.call({ method: 'PATCH', path: venue(venueId), body: patch }),
    ruleProfile: (venueId) => http.call({ method: 'GET', path: `${venue(venueId)}/rule-profile` }),
    staff: {
      list: (venueId, query) =>
        http.call({ method: 'GET', path: `${venue(venueId)}/staff`, ...(query ? { query: { ...query } } : {}) }),
      create: (venueId, input) => http.call({ method: 'POST', path: `${venue(venueId)}/staff`, body: input }),
      update: (venueId, staffId, patch) =>
        http.call({ method: 'PATCH', path: `${venue(venueId)}/staff/${seg(staffId)}`, body: patch }),
    },
    members: {
      list: (venueId, query) =>
        http.call({ method: 'GET', path: `${venue(venueId)}/members`, ...(query ? { query: { ...query } } : {}) }),
      add: (venueId, input) => http.call({ method: 'POST', path: `${venue(venueId)}/members`, body: input }),
    },
  };
}
