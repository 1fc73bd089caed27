import type { Alert } from '../../domain/alert.js';
import type { AlertSource, AlertState } from '../../domain/enums.js';
import { seg } from '../query.js';
import type { Page, PageQuery } from '../wire-types.js';
import type { ResourceContext } from './context.js';

export interface AlertListQuery extends PageQuery {
  readonly venueId?: string;
  /** `unresolved`: open and acknowledged ones. */
  readonly state?: AlertState | 'unresolved';
  /** Where alerts come from: `sensor`, `violation` (AI capture), `ledger`, `device`, `disinfection`. */
  readonly source?: AlertSource;
  /** The alert's `type` code, e.g. `SENSOR_TOO_WARM`, `no_hat`. */
  readonly type?: string;
  /** Opened on or after: a day (`YYYY-MM-DD`, in the venue's zone when `venueId` is given) or an instant. */
  readonly from?: string;
  /** Opened on or before: a day (inclusive) or an instant. */
  readonly to?: string;
}

/** Alerts of a venue (sensors, violations, ledger rules): acknowledge, then resolve with a corrective action. */
export interface AlertsClient {
  list(query?: AlertListQuery): Promise<Page<Alert>>;
  ack(alertId: string): Promise<Alert>;
  /** `correctiveAction` is required and must not be blank. */
  resolve(alertId: string, correctiveAction: string): Promise<Alert>;
  /** The image a camera attached to a violation alert (JPEG, PNG or WebP); `NOT_FOUND` when it has none. */
  snapshot(alertId: string): Promise<ArrayBuffer>;
}

export function createAlertsClient({ http }: ResourceContext): AlertsClient {
  const path = (id: string) => `/v1/alerts/${seg(id)}`;
  return {
    list: (query) => http.call({ method: 'GET', path: '/v1/alerts', ...(query ? { query: { ...query } } : {}) }),
    ack: (alertId) => http.call({ method: 'POST', path: `${path(alertId)}/ack`, body: {} }),
    resolve: (alertId, correctiveAction) =>
      http.call({ method: 'POST', path: `${path(alertId)}/resolve`, body: { correctiveAction } }),
    snapshot: (alertId) =>
      http.call({
        method: 'GET',
        path: `${path(alertId)}/snapshot`,
        responseType: 'arraybuffer',
        headers: { accept: 'image/*' },
      }),
  };
}
