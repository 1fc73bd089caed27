/**
 * The prior model: used only while a region has too few inspections to learn from (fewer than 30, or none
 * failed or none passed). Its weights are a starting judgement — each factor raises the risk — and the model
 * page says `prior`; the first real fit replaces it.
 */
import type { RiskFactorCode } from '@brightkitchen/sdk/warehouse';

export const PRIOR_INTERCEPT = -2.5;

export const PRIOR_COEFFICIENTS: Readonly<Record<RiskFactorCode, number>> = {
  key_failures: 0.8,
  other_failures: 0.3,
  last_score_gap: 0.3,
  years_since_inspection: 0.3,
  never_inspected: 0.5,
  ledger_gap_30d: 1,
  alerts_unresolved: 0.4,
  alerts_repeated_30d: 0.3,
  violations_30d: 0.3,
  sensor_excursions_30d: 0.3,
  complaints_90d: 0.5,
  dissatisfied_share_90d: 1,
  licence_expiring: 0.5,
  licence_new: 0.3,
  sensitive_kind: 0.4,
};

/** Inspections needed before a region's own model replaces the prior. */
export const MIN_INSPECTIONS_TO_LEARN = 30;
