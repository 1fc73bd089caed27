/** The risk ranking, its model, the regulator's policy over the weights, and the week's plan. */
import * as v from 'valibot';
import { DaySchema, IdSchema, InstantSchema } from '../domain/primitives.js';
import { RISK_FACTORS } from './risk-factors.js';

/** `GET /v1/risk/venues?regionId=&asOf=&limit=&cursor=`. */
export const RiskRankingQuerySchema = v.object({
  regionId: v.optional(IdSchema),
  /** Rank from data before this local day only (default: tomorrow, i.e. everything up to now). */
  asOf: v.optional(DaySchema),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(64))),
});
/** Type of {@link RiskRankingQuerySchema}. */
export type RiskRankingQuery = v.InferOutput<typeof RiskRankingQuerySchema>;

/** One factor of a venue's score: its value and coefficient × value. */
export const RiskFactorValueSchema = v.object({
  code: v.picklist(RISK_FACTORS),
  value: v.number(),
  contribution: v.number(),
});
/** Type of {@link RiskFactorValueSchema}. */
export type RiskFactorValue = v.InferOutput<typeof RiskFactorValueSchema>;

/** A ranked venue: `score` (logit scale) = model intercept + Σ contribution. */
export const RiskVenueSchema = v.object({
  venueId: IdSchema,
  name: v.string(),
  rank: v.number(),
  score: v.number(),
  factors: v.array(RiskFactorValueSchema),
});
/** Type of {@link RiskVenueSchema}. */
export type RiskVenue = v.InferOutput<typeof RiskVenueSchema>;

/** The model a ranking used. `auc` is measured on held-back inspections; null when there were too few. */
export const RiskModelSummarySchema = v.object({
  fittedAt: InstantSchema,
  auc: v.nullable(v.number()),
  intercept: v.number(),
  coefficients: v.record(v.picklist(RISK_FACTORS), v.number()),
});
/** Type of {@link RiskModelSummarySchema}. */
export type RiskModelSummary = v.InferOutput<typeof RiskModelSummarySchema>;

/** `GET /v1/risk/venues`: highest score first. */
export const RiskRankingSchema = v.object({
  items: v.array(RiskVenueSchema),
  model: RiskModelSummarySchema,
  nextCursor: v.nullable(v.string()),
});
/** Type of {@link RiskRankingSchema}. */
export type RiskRanking = v.InferOutput<typeof RiskRankingSchema>;

/** A coefficient set by policy rather than learned: pinned to a value (0 = the factor is ignored). */
export const RiskPinsSchema = v.record(v.picklist(RISK_FACTORS), v.pipe(v.number(), v.minValue(-20), v.maxValue(20)));

/** `PUT /v1/risk/policy?regionId=` body: the pins; the model is refitted around them. */
export const RiskPolicyInputSchema = v.object({ pins: RiskPinsSchema });
/** Type of {@link RiskPolicyInputSchema}. */
export type RiskPolicyInput = v.InferOutput<typeof RiskPolicyInputSchema>;

/** `GET /v1/risk/model?regionId=` and `POST /v1/risk/model/fit?regionId=`: the model and how it was fitted. */
export const RiskModelSchema = v.object({
  ...RiskModelSummarySchema.entries,
  /** The region whose inspections it learned from (null: every region). */
  regionId: v.nullable(IdSchema),
  /** `learned`: fitted on the region's inspections; `prior`: too few of them (fewer than 30, or no failures). */
  source: v.picklist(['learned', 'prior']),
  inspections: v.number(),
  keyFailed: v.number(),
  heldOut: v.number(),
  pins: RiskPinsSchema,
  updatedBy: v.nullable(v.string()),
});
/** Type of {@link RiskModelSchema}. */
export type RiskModel = v.InferOutput<typeof RiskModelSchema>;

/** `GET /v1/risk/plan?regionId=&asOf=&inspectors=&capacity=`. */
export const InspectionPlanQuerySchema = v.object({
  regionId: v.optional(IdSchema),
  asOf: v.optional(DaySchema),
  /** Inspectors per district (default 2). */
  inspectors: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/))),
  /** Inspections each inspector makes in a week (default 10). */
  capacity: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/))),
});
/** Type of {@link InspectionPlanQuerySchema}. */
export type InspectionPlanQuery = v.InferOutput<typeof InspectionPlanQuerySchema>;

/** Why a venue is suggested for sampling, and what to sample. */
export const SamplingSuggestionSchema = v.object({
  venueId: IdSchema,
  name: v.string(),
  regionId: IdSchema,
  /** `cold_chain`: fridge/freezer excursions; `kitchen_hygiene`: AI captures; `complaint`: consumers' reports. */
  target: v.picklist(['cold_chain', 'kitchen_hygiene', 'complaint']),
  evidence: v.number(),
  reason: v.object({ zh: v.string(), en: v.string() }),
});
/** Type of {@link SamplingSuggestionSchema}. */
export type SamplingSuggestion = v.InferOutput<typeof SamplingSuggestionSchema>;

/** The week's targeted inspections (top N per district) and sampling suggestions. */
export const InspectionPlanSchema = v.object({
  weekOf: DaySchema,
  inspectors: v.number(),
  capacity: v.number(),
  districts: v.array(
    v.object({
      regionId: IdSchema,
      name: v.string(),
      slots: v.number(),
      venues: v.array(
        v.object({
          ...RiskVenueSchema.entries,
          /** The venue's latest inspection since the plan's week began (local day), null while still to do. */
          inspectedOn: v.nullable(DaySchema),
        }),
      ),
    }),
  ),
  sampling: v.array(SamplingSuggestionSchema),
});
/** Type of {@link InspectionPlan}. */
export type InspectionPlan = v.InferOutput<typeof InspectionPlanSchema>;
