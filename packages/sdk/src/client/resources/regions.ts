import type { Region } from '../../domain/region.js';
import type { Page, PageQuery } from '../wire-types.js';
import type { ResourceContext } from './context.js';

export interface RegionsClient {
  /** The city's districts (and the city itself). */
  list(query?: PageQuery): Promise<Page<Region>>;
}

export function createRegionsClient({ http }: ResourceContext): RegionsClient {
  return {
    list: (query) =>
      http.call<Page<Region>>({ method: 'GET', path: '/v1/regions', ...(query ? { query: { ...query } } : {}) }),
  };
}
