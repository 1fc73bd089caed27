/**
 * The rule profile of each venue with devices (national defaults, then the venue kind), and its
 * sensor thresholds, cached so the per-message path stays synchronous.
 */
import {
  NATIONAL_PROFILE,
  type RuleProfile,
  resolveProfile,
  type SensorThresholdProfile,
  sensorThresholdsFromProfile,
  type VenueKind,
} from '@brightkitchen/sdk';
import type { Database } from '../db/index.js';

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
  private readonly venues = new Map<string, VenueRules>();

  constructor(private readonly database: Database) {}

  async ensure(venueId: string): Promise<void> {
    if (this.venues.has(venueId)) return;
    const venue = await this.database.db
      .selectFrom('venues')
      .select(['kind', 'time_zone'])
      .where('id', '=', venueId)
      .executeTakeFirst();
    if (!venue) return;
    const profile = resolveProfile({ venueKind: venue.kind as VenueKind });
    this.venues.set(venueId, { profile, thresholds: sensorThresholdsFromProfile(profile), timeZone: venue.time_zone });
  }

  of(venueId: string): VenueRules {
    return this.venues.get(venueId) ?? NATIONAL;
  }
}
