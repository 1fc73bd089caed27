import type { PublicLists } from '../../domain/public-lists.js';
import type { PublicVenueProfile } from '../../domain/public-profile.js';
import { seg } from '../query.js';
import type { ResourceContext } from './context.js';

/** What anyone sees after scanning a venue's QR code; no login needed. */
export interface PublicVenuesClient {
  get(publicCode: string): Promise<PublicVenueProfile>;
  /** The latest red and black lists published for a region (or the nearest region above it). */
  lists(regionId: string): Promise<PublicLists>;
}

export function createPublicVenuesClient({ http }: ResourceContext): PublicVenuesClient {
  return {
    get: (publicCode) =>
      http.call({ method: 'GET', path: `/v1/public/venues/${seg(publicCode)}`, authenticate: false }),
    lists: (regionId) =>
      http.call({ method: 'GET', path: '/v1/public/lists', query: { regionId }, authenticate: false }),
  };
}
