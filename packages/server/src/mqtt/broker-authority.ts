/**
 * Who may do what on the embedded broker. Devices log in with their id and secret and may only
 * publish and subscribe on their own topics; users log in with an access token as password and may
 * only subscribe (read-only) to `bk/venues/{venueId}/events` of venues they belong to or oversee.
 * Admins may also publish vendor traffic (simulators, gateways) but never on `bk/` or `$SYS`.
 * A venue's edge gateway (`gw_…` + its secret) may relay the topics of its venue's devices only.
 */
import { topicMatches } from '@brightkitchen/sdk';
import type { FastifyInstance } from 'fastify';
import { isSessionRevoked } from '../accounts/sessions.js';
import { type VerifiedAccess, verifyAccessToken } from '../auth/access-token.js';
import { MEMBER_OR_REGULATOR, venueAccessOf } from '../auth/authorize.js';
import type { Principal } from '../auth/principal.js';
import { deviceSecretMatches } from '../devices/credentials.js';
import type { DeviceEntry } from '../devices/device.js';
import type { DeviceDirectory } from '../devices/directory.js';
import { deviceTopics } from '../devices/topics.js';
import { authenticateGateway, isGatewayId, venueTopicRules } from '../gateways/index.js';

export type BrokerIdentity =
  | { readonly kind: 'device'; readonly entry: DeviceEntry }
  | { readonly kind: 'user'; readonly principal: Principal; readonly expiresAtMs: number }
  | { readonly kind: 'gateway'; readonly gatewayId: string; readonly venueId: string };

export interface BrokerAuthority {
  authenticate(username: string | undefined, password: string | undefined): Promise<BrokerIdentity | null>;
  mayPublish(identity: BrokerIdentity, topic: string): boolean;
  maySubscribe(identity: BrokerIdentity, filter: string): Promise<boolean>;
}

const VENUE_EVENTS = /^bk\/venues\/([^/+#]+)\/events$/;

export function venueEventsTopic(venueId: string): string {
  return `bk/venues/${venueId}/events`;
}

/** Ids the platform gives devices (`newId('dev')`): only these are looked up in the database on a miss. */
export const isDeviceId = (username: string) => /^dev_[0-9a-z]{10,40}$/.test(username);

function reserved(topic: string): boolean {
  return topic.startsWith('$') || topic === 'bk' || topic.startsWith('bk/');
}

export function createBrokerAuthority(app: FastifyInstance, directory: DeviceDirectory): BrokerAuthority {
  const venueTopics = venueTopicRules(directory);
  return {
    async authenticate(username, password) {
      if (!username || !password) return null;
      const entry = await app.devices.entry(username);
      if (entry) {
        return !entry.disabled && deviceSecretMatches(password, entry.secretHash) ? { kind: 'device', entry } : null;
      }
      if (isGatewayId(username)) {
        const gateway = await authenticateGateway(app.ctx.database, username, password);
        return gateway ? { kind: 'gateway', gatewayId: gateway.id, venueId: gateway.venueId } : null;
      }
      let verified: VerifiedAccess;
      try {
        verified = verifyAccessToken(app.ctx.config.tokenSecret, password);
      } catch {
        return null;
      }
      const { expiresAtMs, ...principal } = verified;
      if (principal.sessionId && (await isSessionRevoked(app.ctx.database, principal.sessionId))) return null;
      return { kind: 'user', principal, expiresAtMs };
    },
    mayPublish(identity, topic) {
      if (reserved(topic)) return false;
      if (identity.kind === 'user') return identity.principal.role === 'admin';
      if (identity.kind === 'gateway') return venueTopics.mayPublish(identity.venueId, topic);
      const { device, bindingKey } = identity.entry;
      return deviceTopics(device.vendor, bindingKey).publish.some((f) => topicMatches(f, topic));
    },
    async maySubscribe(identity, filter) {
      if (identity.kind === 'device') {
        const { device, bindingKey } = identity.entry;
        return deviceTopics(device.vendor, bindingKey).subscribe.some((f) => f === filter || topicMatches(f, filter));
      }
      if (identity.kind === 'gateway') return venueTopics.maySubscribe(identity.venueId, filter);
      const venueId = VENUE_EVENTS.exec(filter)?.[1];
      if (!venueId) return false;
      const venue = await app.ctx.database.db
        .selectFrom('venues')
        .select(['id', 'region_id'])
        .where('id', '=', venueId)
        .executeTakeFirst();
      if (!venue) return false;
      const access = await venueAccessOf(app, identity.principal, venue);
      return access !== null && MEMBER_OR_REGULATOR.includes(access);
    },
  };
}
