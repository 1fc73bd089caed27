import type {
  PublicTips,
  Tip,
  TipInput,
  TipKind,
  TipState,
  TipSubscription,
  TipSubscriptions,
  TipWithdrawInput,
} from '../../domain/tip.js';
import type { HttpRequest } from '../http.js';
import { seg } from '../query.js';
import type { Page, PageQuery } from '../wire-types.js';

export interface TipListQuery extends PageQuery {
  readonly regionId?: string;
  readonly kind?: TipKind;
  readonly state?: TipState;
}

/**
 * Food-safety tips and consumer alerts (消费预警): regulators write and withdraw them for their regions; anyone
 * reads those in force for a region; consumers opt in to receive new consumer alerts as WeChat subscribe messages.
 *
 * @example
 * const { items } = await client.tips.inForce(regionId); // consumer alerts first
 */
export interface TipsClient {
  /** A regulator of the region writes one (in force from `validFrom` until `validUntil`). */
  create(input: TipInput): Promise<Tip>;
  /** Those of the caller's regions (and the regions under them), newest first. */
  list(query?: TipListQuery): Promise<Page<Tip>>;
  withdraw(tipId: string, input?: TipWithdrawInput): Promise<Tip>;
  /** Public: in force now for the region (its own and its parents'), consumer alerts first. */
  inForce(regionId: string): Promise<PublicTips>;
  /** A consumer's opt-ins and the subscribe-message template to ask WeChat for (null: off). */
  subscriptions(): Promise<TipSubscriptions>;
  /** A consumer accepted one subscribe message for the region's consumer alerts. */
  subscribe(regionId: string): Promise<TipSubscription>;
  /** A consumer stops receiving the region's consumer alerts (`remaining` 0). */
  unsubscribe(regionId: string): Promise<TipSubscription>;
}

/** Any client that sends a request through its session: the `BrightKitchenClient` from `createClient`. */
export interface TipsRequestingClient {
  request<T>(request: HttpRequest): Promise<T>;
}

/**
 * Built over a client (`createTipsClient(client)`), not part of `createClient`'s facade: apps that do not use it
 * (the consumer's main package) do not carry it.
 */
export function createTipsClient(client: TipsRequestingClient): TipsClient {
  const http = { call: <T>(request: HttpRequest) => client.request<T>(request) };
  return {
    create: (input) => http.call({ method: 'POST', path: '/v1/tips', body: input }),
    list: (query) => http.call({ method: 'GET', path: '/v1/tips', ...(query ? { query: { ...query } } : {}) }),
    withdraw: (id, input) => http.call({ method: 'POST', path: `/v1/tips/${seg(id)}/withdraw`, body: input ?? {} }),
    inForce: (regionId) => http.call({ method: 'GET', path: '/v1/public/tips', query: { regionId } }),
    subscriptions: () => http.call({ method: 'GET', path: '/v1/me/tip-subscriptions' }),
    subscribe: (regionId) => http.call({ method: 'POST', path: '/v1/me/tip-subscriptions', body: { regionId } }),
    unsubscribe: (regionId) =>
      http.call({ method: 'POST', path: `/v1/me/tip-subscriptions/${seg(regionId)}/stop`, body: {} }),
  };
}
