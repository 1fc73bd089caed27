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
