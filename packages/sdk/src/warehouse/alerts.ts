/** Alerts and AI violations: when, where, what, who repeats them and who ignores them. */
import * as v from 'valibot';
import { SEVERITIES } from '../domain/enums.js';
import { DaySchema, IdSchema, InstantSchema } from '../domain/primitives.js';
import { ESCALATION_LEVELS } from '../rules/escalation/policy.js';
import { KeyedCountSchema, RegionRefSchema, VenueRefSchema } from './query.js';

/** Minutes from opening to acknowledging and to resolving (p50 and p90), and how many are still open. */
export const ResponsivenessSchema = v.object({
  ...VenueRefSchema.entries,
  alerts: v.number(),
  ackP50Minutes: v.nullable(v.number()),
  ackP90Minutes: v.nullable(v.number()),
  resolveP50Minutes: v.nullable(v.number()),
  resolveP90Minutes: v.nullable(v.number()),
  unacknowledged: v.number(),
});
/** Type of {@link ResponsivenessSchema}. */
export type Responsiveness = v.InferOutput<typeof ResponsivenessSchema>;

/** An alert still open past its escalation level (the next call in the policy is already due). */
export const OverdueAlertSchema = v.object({
  alertId: IdSchema,
  ...VenueRefSchema.entries,
  type: v.string(),
  severity: v.picklist(SEVERITIES),
  state: v.string(),
  openedAt: InstantSchema,
  /** Who the reminders reach by now: past the manager, to the head of the venue or the regulator. */
  level: v.picklist(ESCALATION_LEVELS),
  hasSnapshot: v.boolean(),
});
/** Type of {@link OverdueAlertSchema}. */
export type OverdueAlert = v.InferOutput<typeof OverdueAlertSchema>;

/** `GET /v1/warehouse/alerts`. Hours are local (0–23). */
export const AlertsReportSchema = v.object({
  from: DaySchema,
  to: DaySchema,
  total: v.number(),
  /** AI camera violations among them. */
  violations: v.number(),
  byType: v.array(KeyedCountSchema),
  bySource: v.array(KeyedCountSchema),
  byDistrict: v.array(v.object({ ...RegionRefSchema.entries, count: v.number(), violations: v.number() })),
  byHour: v.array(v.number()),
  byDay: v.array(v.object({ day: DaySchema, count: v.number(), violations: v.number() })),
  /** Venues with the most alerts of one type (three or more), most first. */
  repeatOffenders: v.array(v.object({ ...VenueRefSchema.entries, type: v.string(), count: v.number() })),
  /** Venues slowest to acknowledge, slowest first. */
  responsiveness: v.array(ResponsivenessSchema),
  overdue: v.array(OverdueAlertSchema),
});
/** Type of {@link AlertsReportSchema}. */
export type AlertsReport = v.InferOutput<typeof AlertsReportSchema>;
