/**
 * The video network's bridge: a GB/T 28181 SIP listener (answers every MESSAGE `200 OK`) whose alarms,
 * mapped to violations per site, are pushed to Bright Kitchen with the partner key through the SDK
 * outbox (a JSON file: nothing is lost while the platform is unreachable).
 */
import { createSipListener, type SipListener } from '@brightkitchen/device-adapters/sources';
import type { ViolationType } from '@brightkitchen/sdk';
import { type BrightKitchenClient, createNodeClient } from '@brightkitchen/sdk/node';
import { type KitchenCamera, partnerViolation } from './violation-body.js';

/** Where partners push violations (to be served by the platform; see the README). */
export const PARTNER_VIOLATIONS_PATH = '/v1/partner/violations';

export interface PartnerBridgeOptions {
  readonly platform: { readonly baseURL: string; readonly keyId: string; readonly secret: string };
  readonly sip?: { readonly host?: string; readonly port?: number };
  /** GB/T 28181 device id → the kitchen it watches. Alarms of other cameras are not the platform's. */
  readonly cameras: Readonly<Record<string, KitchenCamera>>;
  /** `method:type` (e.g. `video:6` intrusion) → violation type, per the network's AI configuration. */
  readonly violationMap?: Readonly<Record<string, ViolationType | 'unknown' | 'ignore'>>;
  readonly outboxPath: string;
  readonly log?: (message: string) => void;
}

export interface PartnerBridge {
  readonly sip: SipListener;
  readonly client: BrightKitchenClient;
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly counts: { pushed: number; notOurs: number; notViolations: number };
}

export function createPartnerBridge(options: PartnerBridgeOptions): PartnerBridge {
  const log = options.log ?? (() => {});
  const client = createNodeClient({
    baseURL: options.platform.baseURL,
    auth: { kind: 'partner', keyId: options.platform.keyId, secret: options.platform.secret },
    storagePath: options.outboxPath,
    namespace: 'bk-partner',
  });
  const counts = { pushed: 0, notOurs: 0, notViolations: 0 };
  let chain: Promise<unknown> = Promise.resolve();
  const sip = createSipListener({
    ...options.sip,
    ...(options.violationMap ? { context: { violationMap: options.violationMap } } : {}),
    onBatch(batch) {
      for (const event of batch.events) {
        if (event.type !== 'violation') {
          counts.notViolations++;
          continue;
        }
        const camera = options.cameras[event.deviceId];
        if (!camera) {
          counts.notOurs++;
          continue;
        }
        const body = partnerViolation(event, camera);
        chain = chain
          .then(() => client.outbox.enqueue('violation', PARTNER_VIOLATIONS_PATH, body))
          .then(
            () => {
              counts.pushed++;
              log(`queued ${body.violation} at ${body.venueId} (${body.cameraId})`);
            },
            (error: unknown) => log(`outbox: ${error instanceof Error ? error.message : String(error)}`),
          );
      }
    },
    onRejection: (r) => log(`SIP: ${r.rejection.code}`),
  });
  client.outbox.events.on('failed', ({ code }) => log(`platform refused a violation: ${code}`));
  return {
    sip,
    client,
    counts,
    start: () => sip.start(),
    async stop() {
      await sip.stop();
      await chain;
      client.close();
    },
  };
}
