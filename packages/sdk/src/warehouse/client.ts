/**
 * The warehouse and risk routes as a client: `createWarehouseClient(client)` over a `createClient()` client (the
 * console's), which brings the session, the refresh and the typed errors. Its own entry: consumer apps skip it.
 */
import { type Query, seg } from '../client/query.js';
import type { RegisterImportReport, RegisterUploadInput, RegisterUploadKind } from '../registers/upload.js';
import type { RequestingClient } from '../training/client.js';
import type { AlertsReport } from './alerts.js';
import type { ComplaintsReport } from './complaints.js';
import type { CompletionReport, CompletionTodayPage } from './completion.js';
import type { DevicesReport } from './devices.js';
import type { MapLayer } from './map.js';
import type { Overview } from './overview.js';
import type { WarehouseQuery } from './query.js';
import type { RatingsReport } from './ratings.js';
import type { InspectionPlan, RiskModel, RiskPolicyInput, RiskRanking, RiskVenue } from './risk.js';

/** Paging for today's gaps and the ranking. */
export type WarehousePageQuery = {
  readonly limit?: number;
  readonly cursor?: string;
};

/** The warehouse panels (`/v1/warehouse/…`) and the risk ranking (`/v1/risk/…`). */
export interface WarehouseClient {
  overview(query?: Pick<WarehouseQuery, 'regionId'>): Promise<Overview>;
  /** Imports a bureau register (`dryRun`: checks only); a refusal's report is in the error's `details.report`. */
  importRegister(kind: RegisterUploadKind, input: RegisterUploadInput): Promise<RegisterImportReport>;
  /** The e-map's venues and points; poll with `since` = the previous answer's `at` for what is new. */
  map(query?: { readonly regionId?: string; readonly since?: string; readonly days?: number }): Promise<MapLayer>;
  completion(query?: WarehouseQuery): Promise<CompletionReport>;
  completionToday(query?: Pick<WarehouseQuery, 'regionId'> & WarehousePageQuery): Promise<CompletionTodayPage>;
  alerts(query?: WarehouseQuery): Promise<AlertsReport>;
  devices(query?: Pick<WarehouseQuery, 'regionId'>): Promise<DevicesReport>;
  complaints(query?: WarehouseQuery): Promise<ComplaintsReport>;
  ratings(query?: WarehouseQuery): Promise<RatingsReport>;
  ranking(query?: { readonly regionId?: string; readonly asOf?: string } & WarehousePageQuery): Promise<RiskRanking>;
  /** One venue's score and factors (its rank among the venues of its district). */
  venueRisk(venueId: string, query?: { readonly asOf?: string }): Promise<RiskVenue>;
  model(query?: { readonly regionId?: string }): Promise<RiskModel>;
  /** Refits the model on the region's inspections now. */
  fit(query?: { readonly regionId?: string }): Promise<RiskModel>;
  /** Pins (or zeroes) weights as policy, and refits the others around them. */
  setPolicy(input: RiskPolicyInput, query?: { readonly regionId?: string }): Promise<RiskModel>;
  plan(query?: {
    readonly regionId?: string;
    readonly asOf?: string;
    readonly inspectors?: number;
    readonly capacity?: number;
  }): Promise<InspectionPlan>;
}

/**
 * The warehouse client over a client's request pipeline.
 *
 * @example
 * const warehouse = createWarehouseClient(createClient({ baseURL }));
 * const { items, model } = await warehouse.ranking({ regionId, limit: 20 });
 */
export function createWarehouseClient(client: RequestingClient): WarehouseClient {
  const get = <T>(path: string, query?: Query) =>
    client.request<T>({ method: 'GET', path, ...(query ? { query } : {}) });
  return {
    overview: (q) => get('/v1/warehouse/overview', q),
    map: (q) => get('/v1/warehouse/map', q),
    importRegister: (kind, input) => client.request({ method: 'POST', path: `/v1/imports/${seg(kind)}`, body: input }),
    completion: (q) => get('/v1/warehouse/completion', q),
    completionToday: (q) => get('/v1/warehouse/completion/today', q),
    alerts: (q) => get('/v1/warehouse/alerts', q),
    devices: (q) => get('/v1/warehouse/devices', q),
    complaints: (q) => get('/v1/warehouse/complaints', q),
    ratings: (q) => get('/v1/warehouse/ratings', q),
    ranking: (q) => get('/v1/risk/venues', q),
    venueRisk: (venueId, q) => get(`/v1/risk/venues/${seg(venueId)}`, q),
    model: (q) => get('/v1/risk/model', q),
    fit: (q) => client.request({ method: 'POST', path: '/v1/risk/model/fit', ...(q ? { query: q } : {}) }),
    setPolicy: (input, q) =>
      client.request({ method: 'PUT', path: '/v1/risk/policy', ...(q ? { query: q } : {}), body: input }),
    plan: (q) => get('/v1/risk/plan', q),
  };
}
