/**
 * What every route plugin can reach: `app.ctx` (config, database, caches) and, per request,
 * `request.auth` (set by the authenticate hook) and `request.rawBody` (for signatures and idempotency).
 */

import type { Principal } from './auth/principal.js';
import type { ReplayCache } from './auth/replay-cache.js';
import type { ClusterLink } from './cluster/cluster-link.js';
import type { ServerConfig } from './config.js';
import type { Database } from './db/index.js';
import type { AppError } from './errors/index.js';
import type { RegionProfiles } from './rule-profiles/region-profiles.js';

export interface AppContext {
  readonly config: ServerConfig;
  readonly database: Database;
  readonly replayCache: ReplayCache;
  /** The rule profile of each region and venue (national numbers, region overrides, venue kind). */
  readonly profiles: RegionProfiles;
  /** Instances sharing PostgreSQL: events between them and which one leads the clock work (alone: this one). */
  readonly cluster: ClusterLink;
}

/** The outcome of reading the request's credentials: none, a principal, or the reason they were refused. */
export type RequestAuth =
  | { readonly state: 'anonymous' }
  | { readonly state: 'ok'; readonly principal: Principal }
  | { readonly state: 'refused'; readonly error: AppError };

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyContextConfig {
    /** No login needed (see src/auth/authenticate.ts). */
    public?: boolean;
  }
  interface FastifyRequest {
    auth: RequestAuth;
    rawBody?: string;
  }
}
