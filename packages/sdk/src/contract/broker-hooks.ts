/**
 * An external broker's (EMQX's) HTTP authentication and authorization hooks: the broker asks the platform who
 * may connect and what a client may do (`POST /v1/broker/emqx/authn`, `…/authz`, docs/deploy.md). Field names
 * are EMQX's.
 */
import * as v from 'valibot';

const Short = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** What EMQX sends when a client connects. */
export const BrokerAuthnRequestSchema = v.object({
  clientid: Short(256),
  username: v.optional(Short(256)),
  password: v.optional(Short(8192)),
  peerhost: v.optional(Short(64)),
});
/** What EMQX sends when a client connects. Type of {@link BrokerAuthnRequestSchema}. */
export type BrokerAuthnRequest = v.InferOutput<typeof BrokerAuthnRequestSchema>;

export const BROKER_HOOK_RESULTS = ['allow', 'deny', 'ignore'] as const;

/** The platform's answer: `allow` (with the token's end as `expire_at`, seconds), `deny` or `ignore`. */
export const BrokerAuthnAnswerSchema = v.object({
  result: v.picklist(BROKER_HOOK_RESULTS),
  is_superuser: v.boolean(),
  expire_at: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
/** Type of {@link BrokerAuthnAnswerSchema}. */
export type BrokerAuthnAnswer = v.InferOutput<typeof BrokerAuthnAnswerSchema>;

/** What EMQX sends before a client publishes or subscribes. */
export const BrokerAuthzRequestSchema = v.object({
  clientid: Short(256),
  username: v.optional(Short(256)),
  topic: v.pipe(v.string(), v.minLength(1), v.maxLength(65535)),
  action: v.picklist(['publish', 'subscribe', 'all']),
});
/** What EMQX sends before a client publishes or subscribes. Type of {@link BrokerAuthzRequestSchema}. */
export type BrokerAuthzRequest = v.InferOutput<typeof BrokerAuthzRequestSchema>;

/** The platform's answer to an authorization hook. */
export const BrokerAuthzAnswerSchema = v.object({ result: v.picklist(BROKER_HOOK_RESULTS) });
/** Type of {@link BrokerAuthzAnswerSchema}. */
export type BrokerAuthzAnswer = v.InferOutput<typeof BrokerAuthzAnswerSchema>;

const VenueId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** `POST /v1/me/realtime`: the venues whose realtime events the caller wants to read. */
export const RealtimeAccessInputSchema = v.object({
  venueIds: v.pipe(v.array(VenueId), v.minLength(1), v.maxLength(50)),
});
/** Type of {@link RealtimeAccessInputSchema}. */
export type RealtimeAccessInput = v.InferOutput<typeof RealtimeAccessInputSchema>;

/**
 * How to read them: connect to the broker with this username and password (the caller's access token) and
 * subscribe to `topics`, until `expiresAt`. On Mosquitto with dynamic security the platform has provisioned it.
 */
export const RealtimeAccessSchema = v.object({
  mqtt: v.nullable(v.object({ tcp: v.string(), ws: v.optional(v.string()) })),
  username: v.string(),
  password: v.string(),
  topics: v.array(v.string()),
  expiresAt: v.string(),
});
/** Type of {@link RealtimeAccessSchema}. */
export type RealtimeAccess = v.InferOutput<typeof RealtimeAccessSchema>;
