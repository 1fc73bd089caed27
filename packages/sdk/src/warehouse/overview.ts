/** The console's first page: the key figures of the caller's regions. */
import * as v from 'valibot';
import { DaySchema } from '../domain/primitives.js';

/** `GET /v1/warehouse/overview`: today's key figures (local day). */
export const OverviewSchema = v.object({
  day: DaySchema,
  venues: v.number(),
  enrolled: v.number(),
  equippedVenues: v.number(),
  /** Today's ledger completion of enrolled venues. */
  completionToday: v.number(),
  venuesMissingToday: v.number(),
  devices: v.number(),
  devicesOnline: v.number(),
  openAlerts: v.number(),
  overdueAlerts: v.number(),
  alertsToday: v.number(),
  violationsToday: v.number(),
  openComplaints: v.number(),
  overdueComplaints: v.number(),
  /** Share of satisfied faces over the last 30 days. */
  satisfaction30d: v.nullable(v.number()),
  licencesExpiring: v.number(),
  licencesExpired: v.number(),
});
/** Type of {@link OverviewSchema}. */
export type Overview = v.InferOutput<typeof OverviewSchema>;
