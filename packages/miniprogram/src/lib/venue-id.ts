import type { PublicVenueProfile } from '@brightkitchen/sdk';

/**
 * The venue id the rating, notice and complaint routes take. The public profile schema does not list it yet;
 * the server sends it beside the public code (asked of the SDK's domain owner).
 */
export function venueIdOf(profile: PublicVenueProfile): string | undefined {
  const id = (profile as { venueId?: unknown }).venueId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
