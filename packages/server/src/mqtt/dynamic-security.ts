/**
 * Mosquitto 2's dynamic security plugin as the platform's enforcer on an external broker (BK_MQTT_DYNSEC=on):
 * the platform provisions, through the plugin's control topic `$CONTROL/dynamic-security/v1`,
 * - at start, a role `bk-platform` that lets its own connection (BK_MQTT_URL's user, the plugin's admin)
 *   publish anywhere (realtime events, device commands);
 * - for each device registered (its secret is known only then), a client with its id and secret and a role with
 *   exactly its topics (deviceTopics: what it may publish, what it may subscribe to);
 * - for each user's realtime access, a client (their login, the access token as password) with a role reading
 *   `bk/venues/{venueId}/events` of their venues, deleted once the token expired (kept in `broker_grants`, so the
 *   instance leading the clock work deletes it whichever instance provisioned it);
 * and deletes a device's client and role when the device is removed. The broker's default is deny.
 */
import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import type { Database } from '../db/index.js';
import type { DeviceEntry } from '../devices/device.js';
import { deviceTopics } from '../devices/topics.js';

const CONTROL = '$CONTROL/dynamic-security/v1';
const RESPONSE = `${CONTROL}/response`;
const PLATFORM_ROLE = 'bk-platform';

interface Command {
  readonly command: string;
  readonly [field: string]: unknown;
}

interface Response {
  readonly command: string;
  readonly error?: string;
  readonly correlationData?: string;
  readonly data?: unknown;
}

export interface DynamicSecurity {
  start(): Promise<void>;
  /** A device registered now, with the secret its registration answered. */
  device(entry: DeviceEntry, secret: string): Promise<void>;
  /** A device removed: its client (disconnected by the plugin) and role go, and its venue's gateways lose its topics. */
  removeDevice(entry: DeviceEntry): Promise<void>;
  /** A venue's edge gateway created now: it may relay the topics of the venue's devices (`devices`). */
  gateway(gatewayId: string, secret: string, venueId: string, devices: readonly DeviceEntry[]): Promise<void>;
  /** A user's realtime access: reads its venues' event topics until `expiresAtMs`. */
  user(username: string, token: string, venueIds: readonly string[], expiresAtMs: number): Promise<void>;
  removeUser(username: string): Promise<void>;
  /** Deletes the users' clients whose tokens expired by `nowMs` (the leader's clock work). */
  expire(nowMs: number): Promise<void>;
  /** Whether the broker has a client of this name (tests, diagnostics). */
  hasClient(username: string): Promise<boolean>;
  close(): Promise<void>;
}

export interface DynamicSecurityOptions {
  /** BK_MQTT_URL: its user must be the plugin's admin. */
  readonly url: string;
  readonly database: Database;
  readonly log: (message: string, error?: unknown) => void;
}

const deviceRole = (deviceId: string) => `bk-device-${deviceId}`;
const userRole = (username: string) => `bk-user-${username}`;
const venueRole = (venueId: string) => `bk-venue-${venueId}`;

/** A device's ACL entries: what it publishes, what it subscribes to (and receives there). */
function deviceAcls(entry: DeviceEntry): { acltype: string; topic: string }[] {
  const topics = deviceTopics(entry.device.vendor, entry.bindingKey);
  return [
    ...topics.publish.map((topic) => ({ acltype: 'publishClientSend', topic })),
    ...topics.subscribe.map((topic) => ({ acltype: 'subscribeLiteral', topic })),
    ...topics.subscribe.map((topic) => ({ acltype: 'subscribePattern', topic })),
    ...topics.subscribe.map((topic) => ({ acltype: 'publishClientReceive', topic })),
  ];
}

export function createDynamicSecurity(options: DynamicSecurityOptions): DynamicSecurity {
  let client: MqttClient | undefined;
  const waiting = new Map<string, (response: Response) => void>();
  const { db } = options.database;

  /** Sends commands and waits for their answers; "already exists" and "not found" are the caller's to judge. */
  const run = async (commands: readonly Command[]): Promise<Response[]> => {
    if (!client) throw new Error('dynamic security: not started');
    const tagged = commands.map((c) => ({ ...c, correlationData: randomBytes(6).toString('hex') }));
    const answers = tagged.map(
      (c) =>
        new Promise<Response>((resolve, reject) => {
          const timer = setTimeout(() => {
            waiting.delete(c.correlationData);
            reject(new Error(`dynamic security: no answer to ${c.command}`));
          }, 3000);
          waiting.set(c.correlationData, (response) => {
            clearTimeout(timer);
            resolve(response);
          });
        }),
    );
    await client.publishAsync(CONTROL, JSON.stringify({ commands: tagged }), { qos: 1 });
    return Promise.all(answers);
  };

  /** Runs commands that must succeed (an existing client or role is replaced by the caller beforehand). */
  const must = async (commands: readonly Command[]) => {
    for (const response of await run(commands)) {
      if (response.error) throw new Error(`dynamic security: ${response.command}: ${response.error}`);
    }
  };

  const ensureRole = async (rolename: string, acls: readonly { acltype: string; topic: string }[]) => {
    await run([{ command: 'deleteRole', rolename }]);
    await must([
      {
        command: 'createRole',
        rolename,
        acls: acls.map((a) => ({ ...a, allow: true, priority: 0 })),
      },
    ]);
  };

  const ensureClient = async (username: string, password: string, rolename: string) => {
    await run([{ command: 'deleteClient', username }]);
    await must([{ command: 'createClient', username, password, roles: [{ rolename, priority: 0 }] }]);
  };

  const api: DynamicSecurity = {
    async start() {
      client = await mqtt.connectAsync(options.url, {
        clientId: `bk-dynsec-${randomBytes(6).toString('hex')}`,
        protocolVersion: 5,
        clean: true,
        reconnectPeriod: 200,
      });
      client.on('message', (topic, payload) => {
        if (topic !== RESPONSE) return;
        try {
          const body = JSON.parse(payload.toString('utf8')) as { responses?: Response[] };
          for (const r of body.responses ?? []) {
            if (r.correlationData) waiting.get(r.correlationData)?.(r);
            if (r.correlationData) waiting.delete(r.correlationData);
          }
        } catch (error) {
          options.log('dynamic security: unreadable response', error);
        }
      });
      await client.subscribeAsync(RESPONSE, { qos: 1 });
      const admin = decodeURIComponent(new URL(options.url).username);
      // The platform's own connection publishes realtime events and device commands, and reads every topic.
      const platform = [{ acltype: 'publishClientSend', topic: '#' }];
      const existing = await run([{ command: 'getRole', rolename: PLATFORM_ROLE }]);
      if (existing[0]?.error) {
        await must([
          { command: 'createRole', rolename: PLATFORM_ROLE, acls: platform.map((a) => ({ ...a, allow: true })) },
        ]);
      }
      const [own] = await run([{ command: 'getClient', username: admin }]);
      const roles = (own?.data as { client?: { roles?: { rolename: string }[] } } | undefined)?.client?.roles ?? [];
      if (!roles.some((r) => r.rolename === PLATFORM_ROLE)) {
        // The plugin disconnects a client whose roles change: the answer may never come; reconnected, it is done.
        await run([{ command: 'addClientRole', username: admin, rolename: PLATFORM_ROLE, priority: 10 }]).catch(
          () => undefined,
        );
        const deadline = Date.now() + 10_000;
        while (!client.connected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        await client.subscribeAsync(RESPONSE, { qos: 1 });
      }
      await must([
        {
          command: 'setDefaultACLAccess',
          acls: [
            { acltype: 'publishClientSend', allow: false },
            { acltype: 'subscribe', allow: false },
          ],
        },
      ]);
    },

    async device(entry, secret) {
      const rolename = deviceRole(entry.device.id);
      await ensureRole(rolename, deviceAcls(entry));
      await ensureClient(entry.device.id, secret, rolename);
      // The venue's gateways (their role, when the venue has one) may relay it too.
      await run(
        deviceAcls(entry).map((acl) => ({
          command: 'addRoleACL',
          rolename: venueRole(entry.venueId),
          ...acl,
          allow: true,
        })),
      );
    },

    async gateway(gatewayId, secret, venueId, devices) {
      const rolename = venueRole(venueId);
      await ensureRole(rolename, devices.filter((d) => d.venueId === venueId && !d.disabled).flatMap(deviceAcls));
      await ensureClient(gatewayId, secret, rolename);
    },

    async removeDevice(entry) {
      await run([{ command: 'deleteClient', username: entry.device.id }]);
      await run([{ command: 'deleteRole', rolename: deviceRole(entry.device.id) }]);
      await run(
        deviceAcls(entry).map((acl) => ({ command: 'removeRoleACL', rolename: venueRole(entry.venueId), ...acl })),
      );
    },

    async user(username, token, venueIds, expiresAtMs) {
      const rolename = userRole(username);
      await ensureRole(
        rolename,
        venueIds.flatMap((venueId) => [
          { acltype: 'subscribeLiteral', topic: `bk/venues/${venueId}/events` },
          { acltype: 'publishClientReceive', topic: `bk/venues/${venueId}/events` },
        ]),
      );
      // Revoked once the token expired: the client can no longer connect with it.
      const expiresAt = new Date(expiresAtMs).toISOString();
      await db
        .insertInto('broker_grants')
        .values({ username, expires_at: expiresAt })
        .onConflict((oc) => oc.column('username').doUpdateSet({ expires_at: expiresAt }))
        .execute();
      await ensureClient(username, token, rolename);
    },

    async removeUser(username) {
      await run([{ command: 'deleteClient', username }]);
      await run([{ command: 'deleteRole', rolename: userRole(username) }]);
      await db.deleteFrom('broker_grants').where('username', '=', username).execute();
    },

    async expire(nowMs) {
      const due = await db
        .selectFrom('broker_grants')
        .select('username')
        .where('expires_at', '<=', new Date(nowMs).toISOString())
        .limit(500)
        .execute();
      for (const { username } of due) await api.removeUser(username);
    },

    async hasClient(username) {
      const [answer] = await run([{ command: 'getClient', username }]);
      return answer !== undefined && !answer.error;
    },

    async close() {
      await client?.endAsync();
    },
  };
  return api;
}
