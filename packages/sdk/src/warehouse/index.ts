/**
 * `@brightkitchen/sdk/warehouse`: the regulators' data warehouse — ledger completion, alerts, devices,
 * complaints and ratings panels — and the learned, explainable risk ranking with the week's inspection plan,
 * with a client for the routes. Its own entry so consumer and operator apps do not carry it.
 * @packageDocumentation
 */
export type { AlertsReport, OverdueAlert, Responsiveness } from './alerts.js';
export { AlertsReportSchema, OverdueAlertSchema, ResponsivenessSchema } from './alerts.js';
export type { WarehouseClient, WarehousePageQuery } from './client.js';
export { createWarehouseClient } from './client.js';
export type { ComplaintsReport } from './complaints.js';
export { ComplaintsReportSchema, RESPONSE_DUE_DAYS } from './complaints.js';
export type { CompletionReport, CompletionTodayPage, VenueGap } from './completion.js';
export { CompletionReportSchema, CompletionTodayPageSchema, VenueGapSchema } from './completion.js';
export type { DevicesReport, RequiredDeviceCode } from './devices.js';
export { DevicesReportSchema, REQUIRED_DEVICES, SilentDeviceSchema } from './devices.js';
export type { MapLayer, MapLayerQuery, MapPoint, MapPointKind, MapRiskBand, MapVenue } from './map.js';
export {
  MAP_POINT_KINDS,
  MAP_RISK_BANDS,
  MapLayerQuerySchema,
  MapLayerSchema,
  MapPointSchema,
  MapVenueSchema,
} from './map.js';
export type { Overview } from './overview.js';
export { OverviewSchema } from './overview.js';
export type { KeyedCount, Rate, WarehouseQuery } from './query.js';
export {
  KeyedCountSchema,
  RateSchema,
  RegionRefSchema,
  VenueRefSchema,
  WAREHOUSE_DEFAULT_DAYS,
  WAREHOUSE_MAX_DAYS,
  WarehouseQuerySchema,
} from './query.js';
export type { RatingsReport } from './ratings.js';
export { RatingsReportSchema, SatisfactionPointSchema } from './ratings.js';
export type {
  InspectionPlan,
  InspectionPlanQuery,
  RiskFactorValue,
  RiskModel,
  RiskModelSummary,
  RiskPolicyInput,
  RiskRanking,
  RiskRankingQuery,
  RiskVenue,
  SamplingSuggestion,
} from './risk.js';
export {
  InspectionPlanQuerySchema,
  InspectionPlanSchema,
  RiskFactorValueSchema,
  RiskModelSchema,
  RiskModelSummarySchema,
  RiskPinsSchema,
  RiskPolicyInputSchema,
  RiskRankingQuerySchema,
  RiskRankingSchema,
  RiskVenueSchema,
  SamplingSuggestionSchema,
} from './risk.js';
export type { RiskFactorCode } from './risk-factors.js';
export { RISK_FACTOR_LABELS, RISK_FACTORS } from './risk-factors.js';
