/**
 * Who may call a route, as its OpenAPI `security` says (Swagger UI's Authorize sends these on "Try it out").
 * The authenticate hook (auth/authenticate.ts) and the route's own checks enforce it; the document only tells.
 */

/** The schemes of `components.securitySchemes`. */
export const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'An access token from `POST /v1/auth/login`, `/wechat` or `/refresh`.',
  },
  partnerKey: {
    type: 'apiKey',
    in: 'header',
    name: 'X-BK-Key',
    description: 'A partner key id. Partner requests carry all three X-BK headers.',
  },
  partnerTimestamp: {
    type: 'apiKey',
    in: 'header',
    name: 'X-BK-Timestamp',
    description: 'Milliseconds since the epoch, within the server’s partner window.',
  },
  partnerSignature: {
    type: 'apiKey',
    in: 'header',
    name: 'X-BK-Signature',
    description:
      'Hex HMAC-SHA256 with the key’s secret over `METHOD\\npath?query\\ntimestamp\\nsha256(body)` ' +
      '(the SDK’s `partnerHeaders`); each signature is accepted once.',
  },
  deviceBasic: {
    type: 'http',
    scheme: 'basic',
    description: 'A device’s id and secret, as its registration answered them.',
  },
  gatewayBasic: {
    type: 'http',
    scheme: 'basic',
    description: 'An edge gateway’s id and secret, as its registration answered them.',
  },
  brokerHook: {
    type: 'apiKey',
    in: 'header',
    name: 'X-BK-Broker-Token',
    description: 'The external broker’s hook token (`BK_BROKER_HOOK_TOKEN`), sent by EMQX with each hook call.',
  },
} as const;

type SchemeName = keyof typeof SECURITY_SCHEMES;
/** Alternatives: one of them must be met; all the schemes of one alternative together. */
export type Security = readonly Readonly<Partial<Record<SchemeName, readonly string[]>>>[];

/** No credentials needed (credentials that fail count as none). */
export const PUBLIC: Security = [];
/** A user's access token. */
export const BEARER: Security = [{ bearer: [] }];
/** A signed partner request. */
export const PARTNER: Security = [{ partnerKey: [], partnerTimestamp: [], partnerSignature: [] }];
/** Users and partners alike. */
export const BEARER_OR_PARTNER: Security = [...BEARER, ...PARTNER];
/** Anyone; a partner may sign (open data). */
export const PUBLIC_OR_PARTNER: Security = [{}, ...PARTNER];
/** An external broker's authentication and authorization hooks. */
export const BROKER_HOOK: Security = [{ brokerHook: [] }];
/** A device's own push. */
export const DEVICE_BASIC: Security = [{ deviceBasic: [] }];
/** A venue's edge gateway, or a user (the venue's manager, an admin). */
export const GATEWAY_OR_BEARER: Security = [{ gatewayBasic: [] }, ...BEARER];
