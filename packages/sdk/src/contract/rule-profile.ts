/**
 * The rule profile on the wire: `GET /v1/venues/{venueId}/rule-profile` answers one, the region routes
 * (`/v1/regions/{regionId}/rule-profile`) answer a region's overrides with the profile they give.
 * The shape is the rules' own `RuleProfile`: the compiler checks the schema's output against it, a test that the
 * national profile passes through whole.
 */

import * as v from 'valibot';
import { VENUE_KINDS } from '../domain/enums.js';
import { PURCHASE_CATEGORIES } from '../domain/ledger-vocab.js';
import { keyedObject } from '../domain/primitives.js';
import { CHECKLIST_CODES } from '../rules/inspection/national-checklist.js';
import type { RuleProfile, RuleProfileOverride, SensorLocationKind } from '../rules/profile.js';

const SENSOR_LOCATION_KINDS = [
  'fridge',
  'freezer',
  'special_room',
  'sample_fridge',
  'hot_holding',
] as const satisfies readonly SensorLocationKind[];

/** A list of a vocabulary's values, read-only in the inferred type as in `RuleProfile`. */
/* @__NO_SIDE_EFFECTS__ */
function list<T extends string>(items: readonly T[]): v.GenericSchema<unknown, readonly T[]> {
  return v.array(v.picklist(items));
}
const TemperatureRangeSchema = v.object({ minC: v.optional(v.number()), maxC: v.optional(v.number()) });
const HeatLimitSchema = v.object({ minTempC: v.number(), minSeconds: v.number() });

/** A whole rule profile on the wire (its output is the rules' {@link RuleProfile}). */
export const RuleProfileSchema = v.object({
  name: v.string(),
  ledger: v.object({
    morningCheck: v.object({ feverC: v.number() }),
    purchase: v.object({
      nearExpiryWarningDays: v.number(),
      quarantineCategories: list(PURCHASE_CATEGORIES),
    }),
    disinfection: v.object({
      heat_boiling: HeatLimitSchema,
      heat_steam: HeatLimitSchema,
      infrared_cabinet: HeatLimitSchema,
      dishwasher: HeatLimitSchema,
      chlorine_soak: v.object({ minChlorineMgPerL: v.number(), minSeconds: v.number() }),
    }),
    sample: v.object({
      minGrams: v.number(),
      minHours: v.number(),
      storageMinC: v.number(),
      storageMaxC: v.number(),
      requiredVenueKinds: list(VENUE_KINDS),
      requiredAboveGuests: v.number(),
    }),
    airDisinfection: v.object({ uvMinMinutes: v.number(), roomMaxC: v.number() }),
    accompanyingMeal: v.object({ venueKinds: list(VENUE_KINDS) }),
    retention: v.object({
      monthsAfterShelfLife: v.number(),
      yearsWithoutShelfLife: v.number(),
      otherRecordYears: v.number(),
    }),
    clockSkewMinutes: v.number(),
  }),
  sensors: v.object({
    ranges: keyedObject(SENSOR_LOCATION_KINDS, TemperatureRangeSchema),
    cookedCore: TemperatureRangeSchema,
    raiseDelayMinutes: v.number(),
    hysteresisC: v.number(),
    silenceTimeoutMinutes: v.number(),
  }),
  video: v.object({
    recordingRetentionDays: v.pipe(v.number(), v.minValue(7)),
    outageAlertMinutes: v.pipe(v.number(), v.minValue(0.1)),
  }),
  inspection: v.object({ keyItems: list(CHECKLIST_CODES), omittedItems: list(CHECKLIST_CODES) }),
}) satisfies v.GenericSchema<unknown, RuleProfile>;

/**
 * A region's overrides: any part of the profile (`{ ledger: { sample: { minGrams: 200 } } }`), checked key by key
 * against the national profile by `parseProfileOverride`, not by this schema.
 */
const OverridesSchema: v.GenericSchema<unknown, RuleProfileOverride> = v.record(v.string(), v.unknown());

/** Body of `PUT /v1/regions/{regionId}/rule-profile`: the region's overrides, replaced whole. */
export const RuleProfileInputSchema = v.object({ overrides: OverridesSchema });
/**
 * Body of `PUT /v1/regions/{regionId}/rule-profile`: the region's overrides, replaced whole. Type of {@link
 * RuleProfileInputSchema}.
 */
export type RuleProfileInput = v.InferOutput<typeof RuleProfileInputSchema>;

/** A region's overrides of the national rule numbers, who set them when, and the numbers they give. */
export const RegionRuleProfileSchema = v.object({
  regionId: v.string(),
  overrides: OverridesSchema,
  profile: RuleProfileSchema,
  updatedAt: v.nullable(v.string()),
  updatedBy: v.nullable(v.string()),
});
/**
 * A region's overrides of the national rule numbers, who set them when, and the numbers they give. Type of {@link
 * RegionRuleProfileSchema}.
 */
export type RegionRuleProfile = v.InferOutput<typeof RegionRuleProfileSchema>;
