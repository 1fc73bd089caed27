import type { BrightKitchenClient, PublicVenueProfile } from '@brightkitchen/sdk';

/**
 * The venue id the rating, notice and complaint routes take. The public profile does not carry it yet, so until it
 * does the id is found in the open data (`GET /v1/open/grades`, public), which lists venues with their public codes.
 */
export function venueIdOf(profile: PublicVenueProfile): string | undefined {
  const id = (profile as { venueId?: unknown }).venueId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export async function resolveVenueId(client: BrightKitchenClient, profile: PublicVenueProfile): Promise<string | null> {
  const direct = venueIdOf(profile);
  if (direct) return direct;
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const grades = await client.openData.grades({ limit: 500, ...(cursor ? { cursor } : {}) });
    const hit = grades.items.find((g) => g.publicCode === profile.publicCode);
    if (hit) return hit.venueId;
    if (!grades.nextCursor) return null;
    cursor = grades.nextCursor;
  }
  return null;
}
