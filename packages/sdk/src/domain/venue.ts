/** A catering unit under supervision: its archive (licence, address, QR public code, video). */
import * as v from 'valibot';
import { MEALS, VENUE_KINDS } from './enums.js';
import { CoordinatesSchema, CountSchema, DaySchema, IdSchema, TimeZoneSchema, text, UrlSchema } from './primitives.js';
import { LICENCE_STATUSES, type LicenceStatus, PublicCodeSchema } from './venue-public.js';

/** The food business licence (食品经营许可证). */
export const LicenceSchema = v.object({
  number: text(64),
  issuedOn: DaySchema,
  expiresOn: DaySchema,
});
/** The food business licence (食品经营许可证). Type of {@link LicenceSchema}. */
export type Licence = v.InferOutput<typeof LicenceSchema>;

/** A meal the venue serves: guests and dishes decide which samples it must retain (see `dayRequirements`). */
export const MealPlanSchema = v.object({
  meal: v.picklist(MEALS),
  guests: v.optional(CountSchema),
  dishes: v.optional(CountSchema),
});

const venueEntries = {
  regionId: IdSchema,
  name: text(100),
  kind: v.picklist(VENUE_KINDS),
  licence: LicenceSchema,
  address: text(200),
  coordinates: CoordinatesSchema,
  publicCode: PublicCodeSchema,
  timeZone: TimeZoneSchema,
  hasLiveVideo: v.boolean(),
  liveVideoUrl: v.optional(UrlSchema),
  /** The day the venue opened; no dynamic grade in the 3 months after a new licence. */
  openedOn: v.optional(DaySchema),
  /** The day of the last food-safety incident; no dynamic grade for 6 months after it. */
  lastIncidentOn: v.optional(DaySchema),
  /** The meals served each day (absent: the kind's usual meals); what the day's ledgers must cover. */
  meals: v.optional(v.array(MealPlanSchema)),
  /** Special rooms (专间: cold dishes, pastry …), each disinfected before use. */
  specialRooms: v.optional(CountSchema),
};

/** A catering venue as stored: region, kind, licence, address, coordinates and public code. */
export const VenueSchema = v.object({ id: IdSchema, ...venueEntries });
/** A catering venue. Type of {@link VenueSchema}. */
export type Venue = v.InferOutput<typeof VenueSchema>;

/** Body of `POST /v1/venues`: a venue without id; the server makes a public code when none is given. */
export const VenueInputSchema = v.object({
  ...venueEntries,
  publicCode: v.optional(PublicCodeSchema),
});
/**
 * Body of `POST /v1/venues`: a venue without id; the server makes a public code when none is given. Type of {@link
 * VenueInputSchema}.
 */
export type VenueInput = v.InferOutput<typeof VenueInputSchema>;

/** Body of `PATCH /v1/venues/{venueId}`: any subset of the input fields. */
export const VenuePatchSchema = v.partial(VenueInputSchema);
/** Body of `PATCH /v1/venues/{venueId}`: any subset of the input fields. Type of {@link VenuePatchSchema}. */
export type VenuePatch = v.InferOutput<typeof VenuePatchSchema>;

/** Days before expiry from which a licence shows as `expiring`. */
export const LICENCE_EXPIRING_DAYS = 30;

/**
 * The licence status on a local day (`YYYY-MM-DD`): expired after `expiresOn`, expiring within
 * `warnDays` of it. The licence is still valid on its expiry day.
 */
export function licenceStatus(expiresOn: string, today: string, warnDays = LICENCE_EXPIRING_DAYS): LicenceStatus {
  if (today > expiresOn) return 'expired';
  return daysBetween(today, expiresOn) <= warnDays ? 'expiring' : 'valid';
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export { LICENCE_STATUSES, type LicenceStatus, PublicCodeSchema };
