/**
 * `gateway.json`: where the platform is (HTTP base, broker, credentials), where the outbox file lives,
 * and which sources run next to the devices. Validated with valibot; errors name the field.
 */
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';

const Text = v.pipe(v.string(), v.minLength(1));
const Port = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535));
const Credentials = { username: v.optional(v.string()), password: v.optional(v.string()) };

export const GatewaySourceSchema = v.variant('type', [
  v.object({ type: v.literal('mqtt'), url: Text, ...Credentials, vendors: v.optional(v.array(Text)) }),
  v.object({
    type: v.literal('isapi-push'),
    host: v.optional(Text),
    port: v.optional(Port),
    paths: v.optional(v.array(Text)),
  }),
  v.object({ type: v.literal('isapi-stream'), url: Text, username: Text, password: v.string() }),
  v.object({ type: v.literal('sip'), host: v.optional(Text), port: v.optional(Port) }),
  v.object({ type: v.literal('onvif'), eventServiceUrl: Text, username: Text, password: v.string(), deviceId: Text }),
]);
export type GatewaySourceConfig = v.InferOutput<typeof GatewaySourceSchema>;

export const GatewayConfigSchema = v.object({
  platform: v.object({
    /** e.g. `https://bk.example.gov.cn`. */
    baseURL: Text,
    /**
     * This gateway's credentials (`POST /v1/venues/{venueId}/gateways` answers them once): HTTP Basic
     * on `/v1/ingest/events` (normalized events of SIP and ONVIF sources), and the broker login when
     * `mqtt` names none.
     */
    gateway: v.optional(v.object({ id: Text, password: Text })),
    /** Signs `/v1/ingest/events` with a partner key instead (platforms that take partner pushes there). */
    partner: v.optional(v.object({ keyId: Text, secret: Text })),
    /** The platform's broker: MQTT-native devices are relayed there as they are. */
    mqtt: v.optional(v.object({ url: Text, ...Credentials })),
    /**
     * Platform credentials per vendor device id (a Hikvision MAC, a Tasmota topic…): ISAPI pushes go to
     * `/v1/ingest/isapi/{id}` with them (HTTP Basic).
     */
    devices: v.optional(v.record(Text, v.object({ id: Text, password: v.string() }))),
  }),
  /** The outbox file: what the uplink has not yet accepted survives a restart. */
  outboxPath: Text,
  sources: v.pipe(v.array(GatewaySourceSchema), v.minLength(1)),
  /** Backoff of the uplink retries, ms. */
  retry: v.optional(
    v.object({ baseMs: v.pipe(v.number(), v.minValue(10)), maxMs: v.pipe(v.number(), v.minValue(10)) }),
  ),
});
export type GatewayConfig = v.InferOutput<typeof GatewayConfigSchema>;

export function parseGatewayConfig(
  input: unknown,
): { ok: true; config: GatewayConfig } | { ok: false; issues: string[] } {
  const result = v.safeParse(GatewayConfigSchema, input);
  if (result.success) return { ok: true, config: result.output };
  return {
    ok: false,
    issues: result.issues.map((issue) => `${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`),
  };
}

export async function loadGatewayConfig(path: string): Promise<GatewayConfig> {
  const parsed = parseGatewayConfig(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.ok) throw new Error(`invalid gateway config ${path}:\n  ${parsed.issues.join('\n  ')}`);
  return parsed.config;
}
