/**
 * The rule profile of each venue with devices (national defaults, its region's, its venue kind's) and
 * its sensor thresholds, cached so the per-message path stays synchronous; reloaded when its region's
 * numbers change.
 */
import {
  NATIONAL_PROFILE,
  type RuleProfile,
  type SensorThresholdProfile,
  sensorThresholdsFromProfile,
} from '@brightkitchen/sdk';
import type { Database } from '../../db/index.js';
import type { RegionProfiles } from '../../rule-profiles/region-profiles.js';

interface VenueRules {
  readonly profile: RuleProfile;
  readonly thresholds: SensorThresholdProfile;
  readonly timeZone: string;
}

const NATIONAL: VenueRules = {
  profile: NATIONAL_PROFILE,
  thresholds: sensorThresholdsFromProfile(NATIONAL_PROFILE),
  timeZone: 'Asia/Shanghai',
};

export class VenueProfiles {
  private readonly venues = new Map<string, VenueRules & { readonly regionId: string }>();

  constructor(
    private readonly database: Database,
    private readonly regions: RegionProfiles,
    log: (message: string, error?: unknown) => void = () => {},
  ) {
    // A region's new numbers apply to its venues' sensors from their next reading.
    regions.onChange((regionId) => {
      for (const [venueId, rules] of this.venues) {
        if (rules.regionId === regionId) this.load(venueId).catch((error) => log('venue profile', error));
      }
    });
  }

  async ensure(venueId: string): Promise<void> {
    if (!this.venues.has(venueId)) await this.load(venueId);
  }

  of(venueId: string): VenueRules {
    return this.venues.get(venueId) ?? NATIONAL;
  }

  private async load(venueId: string): Promise<void> {
    const venue = await this.database.db
      .selectFrom('venues')
      .select(['kind', 'time_zone', 'region_id'])
      .where('id', '=', venueId)
      .executeTakeFirst();
    if (!venue) return;
    const profile = await this.regions.profileOfVenue(venue);
    this.venues.set(venueId, {
      profile,
      thresholds: sensorThresholdsFromProfile(profile),
      timeZone: venue.time_zone,
      regionId: venue.region_id,
    });
  }
}
