/**
 * The compact public profile a consumer sees after scanning a venue's QR code
 * (`GET /v1/public/venues/{publicCode}`). Aggregates only: never staff names or health data.
 */
import * as v from 'valibot';
import { CAMERA_AREAS, ShowHoursSchema } from './camera-public.js';
import { LEDGER_KINDS, LIST_KINDS, VENUE_KINDS } from './enums.js';
import { GradeSchema } from './grade.js';
import { CountSchema, DaySchema, IdSchema, InstantSchema, partialKeyedObject, text } from './primitives.js';
import { RatingSummarySchema } from './rating.js';
import { LICENCE_STATUSES, PublicCodeSchema } from './venue-public.js';
import { VIOLATION_TYPES_OR_UNKNOWN } from './violation.js';

/** Today's count of records for one ledger kind, and how many are expected where that is known. */
export const LedgerCompletionSchema = v.object({
  done: CountSchema,
  expected: v.optional(CountSchema),
});
/**
 * Today's count of records for one ledger kind, and how many are expected where that is known. Type of {@link
 * LedgerCompletionSchema}.
 */
export type LedgerCompletion = v.InferOutput<typeof LedgerCompletionSchema>;

/** Morning checks: `done` staff checked, of whom `fit` may handle food today. */
export const MorningCheckCompletionSchema = v.object({ ...LedgerCompletionSchema.entries, fit: CountSchema });
/**
 * Morning checks: `done` staff checked, of whom `fit` may handle food today. Type of {@link
 * MorningCheckCompletionSchema}.
 */
export type MorningCheckCompletion = v.InferOutput<typeof MorningCheckCompletionSchema>;

/** Per ledger kind the venue keeps (kinds it does not keep are absent). */
export const LedgersTodaySchema = v.object({
  /** The venue's local day the counts are for. */
  day: DaySchema,
  kinds: v.object({
    ...partialKeyedObject(LEDGER_KINDS, LedgerCompletionSchema).entries,
    morning_check: v.optional(MorningCheckCompletionSchema),
  }),
});
/** Per ledger kind the venue keeps (kinds it does not keep are absent). Type of {@link LedgersTodaySchema}. */
export type LedgersToday = v.InferOutput<typeof LedgersTodaySchema>;

/** Violations by type (types never seen are absent). */
export const ViolationCountsSchema = partialKeyedObject(VIOLATION_TYPES_OR_UNKNOWN, CountSchema);
/** Violations by type (types never seen are absent). Type of {@link ViolationCountsSchema}. */
export type ViolationCounts = v.InferOutput<typeof ViolationCountsSchema>;

/**
 * The live kitchen: the public channels streaming now, each with a signed HLS URL (absolute or server-relative)
 * that stops being accepted at `expiresAt`. `available` is false outside the channels' hours (then `hours` says
 * when, and `snapshotUrl` shows the kitchen's last still) or when the venue has no public channel.
 */
export const LiveVideoSchema = v.object({
  available: v.boolean(),
  channels: v.array(v.object({ area: v.picklist(CAMERA_AREAS), hlsUrl: text(1024), expiresAt: InstantSchema })),
  /** When the public channels are shown, in the venue's zone. */
  hours: v.optional(v.array(ShowHoursSchema)),
  /** The kitchen's last still picture (server-relative), when one was taken. */
  snapshotUrl: v.optional(text(300)),
});
/** The live kitchen of a public profile. Type of {@link LiveVideoSchema}. */
export type LiveVideo = v.InferOutput<typeof LiveVideoSchema>;

/** What anyone sees after scanning a venue's QR code: grades, rating, today's ledgers, violations, live video. */
export const PublicVenueProfileSchema = v.object({
  /** The venue's id: what rating, notice and complaint calls address (`/v1/venues/{venueId}/…`). */
  venueId: IdSchema,
  publicCode: PublicCodeSchema,
  /** The venue's region: the tips page reads the tips and consumer alerts in force there. */
  regionId: v.optional(IdSchema),
  name: text(100),
  kind: v.picklist(VENUE_KINDS),
  licence: v.object({ status: v.picklist(LICENCE_STATUSES) }),
  grade: GradeSchema,
  /** Red list (good standing) or black list (serious violations); `null` when on neither. */
  listStatus: v.nullable(v.picklist(LIST_KINDS)),
  rating: RatingSummarySchema,
  ledgersToday: LedgersTodaySchema,
  violations: v.object({ last7Days: ViolationCountsSchema, last30Days: ViolationCountsSchema }),
  liveVideo: LiveVideoSchema,
});
/** A venue's public profile. Type of {@link PublicVenueProfileSchema}. */
export type PublicVenueProfile = v.InferOutput<typeof PublicVenueProfileSchema>;
