import type { OpenGrade, Page, PageQuery } from '../wire-types.js';
import type { ResourceContext } from './context.js';

export interface OpenGradesQuery extends PageQuery {
  readonly regionId?: string;
}

/** Open data for partners and the public: venue grades and rating summaries by region. */
export interface OpenDataClient {
  grades(query?: OpenGradesQuery): Promise<Page<OpenGrade>>;
}

export function createOpenDataClient({ http }: ResourceContext): OpenDataClient {
  return {
    grades: (query) => http.call({ method: 'GET', path: '/v1/open/grades', ...(query ? { query: { ...query } } : {}) }),
  };
}
