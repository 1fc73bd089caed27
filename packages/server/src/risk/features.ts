/**
 * A venue's risk factors on a day, from its history strictly before that day: pure, so the ranking, the fit
 * (each past inspection seen as of its own date) and `asOf` audits compute them the same way.
 */
import type { VenueKind } from '@brightkitchen/sdk';
import { RISK_FACTORS, type RiskFactorCode } from '@brightkitchen/sdk/warehouse';

const DAY_MS = 86_400_000;

/** Kinds serving people most at risk (children, the elderly, patients) or many at once. */
export const SENSITIVE_KINDS: readonly VenueKind[] = [
  'school_canteen',
  'kindergarten_canteen',
  'elderly_care_canteen',
  'central_kitchen',
  'collective_meal_delivery',
];

export interface PastInspection {
  readonly day: string;
  readonly keyFailures: number;
  readonly otherFailures: number;
  /** 0–10. */
  readonly score: number;
}

export interface PastAlert {
  readonly at: number;
  readonly resolvedAt: number | null;
  readonly source: string;
  readonly type: string;
}

/** Everything a venue's factors are computed from; each list sorted by time. */
export interface VenueHistory {
  readonly kind: VenueKind;
  readonly licenceIssuedOn: string;
  readonly licenceExpiresOn: string;
  /** Ledger records a day must have (the day's requirements); 0: the venue keeps no ledgers on the platform. */
  readonly expectedRecordsPerDay: number;
  readonly inspections: readonly PastInspection[];
  readonly alerts: readonly PastAlert[];
  /** Ledger records per local day (requirement kinds only). */
  readonly ledgerDays: readonly { readonly day: string; readonly records: number }[];
  /** Complaints and notices, instants in ms. */
  readonly reports: readonly number[];
  readonly ratings: readonly { readonly day: string; readonly faces: number; readonly dissatisfied: number }[];
}

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const log1p = (n: number) => Math.round(Math.log1p(n) * 10_000) / 10_000;
const round = (n: number) => Math.round(n * 10_000) / 10_000;

/** The factor values on `asOf` (a local day): only what happened before it counts. */
export function riskFactors(h: VenueHistory, asOf: string, asOfMs: number): Record<RiskFactorCode, number> {
  const day = dayMs(asOf);
  const before = h.inspections.filter((i) => i.day < asOf);
  const recent = before.filter((i) => dayMs(i.day) >= day - 3 * 365 * DAY_MS);
  const last = before[before.length - 1];
  const since = (days: number) => asOfMs - days * DAY_MS;
  const alerts30 = h.alerts.filter((a) => a.at < asOfMs && a.at >= since(30));
  const perType = new Map<string, number>();
  for (const a of alerts30) perType.set(a.type, (perType.get(a.type) ?? 0) + 1);
  const from30 = new Date(day - 30 * DAY_MS).toISOString().slice(0, 10);
  const from90 = new Date(day - 90 * DAY_MS).toISOString().slice(0, 10);
  const records30 = h.ledgerDays.filter((d) => d.day >= from30 && d.day < asOf).reduce((s, d) => s + d.records, 0);
  const ratings = h.ratings.filter((r) => r.day >= from90 && r.day < asOf);
  const faces = ratings.reduce((s, r) => s + r.faces, 0);
  const values: Record<RiskFactorCode, number> = {
    key_failures: log1p(recent.reduce((s, i) => s + i.keyFailures, 0)),
    other_failures: log1p(recent.reduce((s, i) => s + i.otherFailures, 0)),
    last_score_gap: last ? round(Math.max(0, 10 - last.score)) : 0,
    years_since_inspection: last ? round(Math.min(3, (day - dayMs(last.day)) / (365 * DAY_MS))) : 3,
    never_inspected: last ? 0 : 1,
    ledger_gap_30d:
      h.expectedRecordsPerDay > 0 ? round(1 - Math.min(1, records30 / (h.expectedRecordsPerDay * 30))) : 0,
    alerts_unresolved: log1p(
      h.alerts.filter((a) => a.at < asOfMs && a.at >= since(90) && (a.resolvedAt === null || a.resolvedAt >= asOfMs))
        .length,
    ),
    alerts_repeated_30d: [...perType.values()].filter((n) => n >= 3).length,
    violations_30d: log1p(alerts30.filter((a) => a.source === 'violation').length),
    sensor_excursions_30d: log1p(alerts30.filter((a) => a.source === 'sensor').length),
    complaints_90d: log1p(h.reports.filter((t) => t < asOfMs && t >= since(90)).length),
    dissatisfied_share_90d: faces === 0 ? 0 : round(ratings.reduce((s, r) => s + r.dissatisfied, 0) / faces),
    licence_expiring: dayMs(h.licenceExpiresOn) < day + 30 * DAY_MS ? 1 : 0,
    licence_new: h.licenceIssuedOn <= asOf && dayMs(h.licenceIssuedOn) > day - 365 * DAY_MS ? 1 : 0,
    sensitive_kind: SENSITIVE_KINDS.includes(h.kind) ? 1 : 0,
  };
  return values;
}

/** The values in {@link RISK_FACTORS} order (a model row). */
export function factorRow(values: Record<RiskFactorCode, number>): number[] {
  return RISK_FACTORS.map((code) => values[code]);
}
