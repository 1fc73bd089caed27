import type { RegionRuleProfile, RuleProfileInput } from '../../contract/rule-profile.js';
import type { Region } from '../../domain/region.js';
import type { RuleProfileOverride } from '../../rules/profile.js';
import { seg } from '../query.js';
import type { Page, PageQuery } from '../wire-types.js';
import type { ResourceContext } from './context.js';

export type { RegionRuleProfile };

/** Regions (a city and its districts) and their rule profiles: `client.regions`. */
export interface RegionsClient {
  /** The city's districts (and the city itself). */
  list(query?: PageQuery): Promise<Page<Region>>;
  ruleProfile(regionId: string): Promise<RegionRuleProfile>;
  /**
   * Replaces the region's overrides (admin, or a regulator of the region), e.g. `{ ledger: { sample: { minGrams: 200 } } }`.
   * Every key is checked against the national profile (`parseProfileOverride`); a bad one changes nothing.
   */
  setRuleProfile(regionId: string, overrides: RuleProfileOverride): Promise<RegionRuleProfile>;
}

export function createRegionsClient({ http }: ResourceContext): RegionsClient {
  return {
    list: (query) =>
      http.call<Page<Region>>({ method: 'GET', path: '/v1/regions', ...(query ? { query: { ...query } } : {}) }),
    ruleProfile: (regionId) => http.call({ method: 'GET', path: `/v1/regions/${seg(regionId)}/rule-profile` }),
    setRuleProfile: (regionId, overrides) =>
      http.call({
        method: 'PUT',
        path: `/v1/regions/${seg(regionId)}/rule-profile`,
        body: { overrides } satisfies RuleProfileInput,
      }),
  };
}
