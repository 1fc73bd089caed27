/** Why the ranking put a venue on the week's plan: its factors that raised the score most, in words. */
import type { RiskFactorValue } from '@brightkitchen/sdk/warehouse';
import { RISK_FACTOR_LABELS } from '@brightkitchen/sdk/warehouse';

/** The `count` factors that added most to the score (positive contributions only), zh-CN. */
export function planReasons(factors: readonly RiskFactorValue[], count = 3): string[] {
  return [...factors]
    .filter((f) => f.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, count)
    .map((f) => RISK_FACTOR_LABELS[f.code].zh);
}
