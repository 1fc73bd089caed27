/**
 * EMQX's HTTP hooks (docs/deploy.md): the external broker asks the platform who may connect
 * (`POST /v1/broker/emqx/authn`) and what a client may do (`POST /v1/broker/emqx/authz`), with the same rules as
 * the embedded broker (broker-authority.ts). The broker proves itself with `X-BK-Broker-Token`
 * (`BK_BROKER_HOOK_TOKEN`); without that setting every call is refused.
 *
 * - the platform's own instances (the credentials of `BK_MQTT_URL`): allowed, superuser;
 * - a device or gateway (its id and secret): allowed; its topics are checked on each authz call by its username;
 * - a user (an access token as password): allowed until the token expires (`expire_at`), and recorded in
 *   `broker_sessions` by client id, since EMQX calls authz without the password and on any instance;
 * - anything else: denied.
 */
import {
  type BrokerAuthnAnswer,
  BrokerAuthnAnswerSchema,
  type BrokerAuthnRequest,
  BrokerAuthnRequestSchema,
  type BrokerAuthzAnswer,
  BrokerAuthzAnswerSchema,
  type BrokerAuthzRequest,
  BrokerAuthzRequestSchema,
  type Role,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { sameSecret } from '../crypto/index.js';
import { AppError } from '../errors/index.js';
import { isGatewayId } from '../gateways/index.js';
import { errorResponses, jsonSchema } from '../schemas/index.js';
import { BROKER_HOOK } from '../schemas/security.js';
import { type BrokerIdentity, createBrokerAuthority } from './broker-authority.js';

/** The user and password in `BK_MQTT_URL` (the platform's own connection), if any. */
function platformCredentials(mqttUrl: string): { username: string; password: string } | undefined {
  if (!mqttUrl) return undefined;
  try {
    const url = new URL(mqttUrl);
    if (!url.username || !url.password) return undefined;
    return { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
  } catch {
    return undefined;
  }
}

export const emqxHookRoutes: FastifyPluginAsync = async (app) => {
  const { config, database } = app.ctx;
  const token = config.devices.brokerHookToken;
  const platform = platformCredentials(config.devices.mqttUrl);
  const authority = createBrokerAuthority(app, app.devices.directory);

  const checkBroker = (request: FastifyRequest) => {
    const sent = request.headers['x-bk-broker-token'];
    if (!token || typeof sent !== 'string' || !sameSecret(sent, token)) throw new AppError('UNAUTHENTICATED');
  };

  /** Who a connected client is, from its username (devices, gateways) or its recorded session (users). */
  const identityOf = async (input: BrokerAuthzRequest): Promise<BrokerIdentity | null> => {
    const username = input.username ?? '';
    const entry = await app.devices.entry(username);
    if (entry) return entry.disabled ? null : { kind: 'device', entry };
    if (isGatewayId(username)) {
      const gateway = await database.db
        .selectFrom('gateways')
        .select(['id', 'venue_id'])
        .where('id', '=', username)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      return gateway ? { kind: 'gateway', gatewayId: gateway.id, venueId: gateway.venue_id } : null;
    }
    const session = await database.db
      .selectFrom('broker_sessions')
      .selectAll()
      .where('client_id', '=', input.clientid)
      .where('username', '=', username)
      .executeTakeFirst();
    if (!session || Date.parse(session.expires_at) <= Date.now()) return null;
    const principal = {
      userId: session.user_id,
      role: session.role as Role,
      ...(session.session_id ? { sessionId: session.session_id } : {}),
    };
    return { kind: 'user', principal, expiresAtMs: Date.parse(session.expires_at) };
  };

  app.post<{ Body: BrokerAuthnRequest }>(
    '/broker/emqx/authn',
    {
      config: { public: true },
      schema: {
        tags: ['devices'],
        operationId: 'emqxAuthenticate',
        summary: 'EMQX authentication hook: may this client connect (device, gateway, user token, the platform)?',
        security: BROKER_HOOK,
        body: jsonSchema(BrokerAuthnRequestSchema),
        response: { 200: jsonSchema(BrokerAuthnAnswerSchema), ...errorResponses },
      },
    },
    async (request): Promise<BrokerAuthnAnswer> => {
      checkBroker(request);
      const { clientid, username, password } = request.body;
      if (
        platform &&
        username !== undefined &&
        password !== undefined &&
        sameSecret(username, platform.username) &&
        sameSecret(password, platform.password)
      ) {
        return { result: 'allow', is_superuser: true };
      }
      const identity = await authority.authenticate(username, password);
      if (!identity) return { result: 'deny', is_superuser: false };
      if (identity.kind !== 'user') return { result: 'allow', is_superuser: false };
      const expiresAt = new Date(identity.expiresAtMs).toISOString();
      const row = {
        client_id: clientid,
        username: username ?? '',
        user_id: identity.principal.userId,
        role: identity.principal.role,
        session_id: identity.principal.sessionId ?? null,
        expires_at: expiresAt,
      };
      await database.db
        .insertInto('broker_sessions')
        .values(row)
        .onConflict((oc) => oc.column('client_id').doUpdateSet(row))
        .execute();
      // EMQX disconnects the client when its token expires.
      return { result: 'allow', is_superuser: false, expire_at: Math.floor(identity.expiresAtMs / 1000) };
    },
  );

  app.post<{ Body: BrokerAuthzRequest }>(
    '/broker/emqx/authz',
    {
      config: { public: true },
      schema: {
        tags: ['devices'],
        operationId: 'emqxAuthorize',
        summary: 'EMQX authorization hook: may this client publish or subscribe to this topic?',
        security: BROKER_HOOK,
        body: jsonSchema(BrokerAuthzRequestSchema),
        response: { 200: jsonSchema(BrokerAuthzAnswerSchema), ...errorResponses },
      },
    },
    async (request): Promise<BrokerAuthzAnswer> => {
      checkBroker(request);
      const identity = await identityOf(request.body);
      if (!identity) return { result: 'deny' };
      const { topic, action } = request.body;
      const mayPublish = action !== 'subscribe' ? authority.mayPublish(identity, topic) : true;
      const maySubscribe = action !== 'publish' ? await authority.maySubscribe(identity, topic) : true;
      return { result: mayPublish && maySubscribe ? 'allow' : 'deny' };
    },
  );
};
