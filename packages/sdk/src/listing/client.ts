/** The red/black list routes as a client over a `createClient()` client (the console's). */
import { seg } from '../client/query.js';
import type { RequestingClient } from '../training/client.js';
import type { ListDraftInput, ListExclusionInput, ListSet, ListSetPage } from './contract.js';

export interface ListsClient {
  /** Computes a draft for a region and period (optionally a named scope). */
  draft(input: ListDraftInput): Promise<ListSet>;
  list(query?: { readonly regionId?: string; readonly limit?: number; readonly cursor?: string }): Promise<ListSetPage>;
  get(listId: string): Promise<ListSet>;
  /** Takes a venue off a draft's lists, with the reason (kept with the list). */
  exclude(listId: string, input: ListExclusionInput): Promise<ListSet>;
  publish(listId: string): Promise<ListSet>;
}

export function createListsClient(client: RequestingClient): ListsClient {
  return {
    draft: (input) => client.request({ method: 'POST', path: '/v1/lists/drafts', body: input }),
    list: (query) => client.request({ method: 'GET', path: '/v1/lists', ...(query ? { query: { ...query } } : {}) }),
    get: (listId) => client.request({ method: 'GET', path: `/v1/lists/${seg(listId)}` }),
    exclude: (listId, input) =>
      client.request({ method: 'POST', path: `/v1/lists/${seg(listId)}/exclusions`, body: input }),
    publish: (listId) => client.request({ method: 'POST', path: `/v1/lists/${seg(listId)}/publish`, body: {} }),
  };
}
