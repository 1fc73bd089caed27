/**
 * The edge gateway: runs the configured sources next to the devices and forwards what they read to
 * the platform through the SDK client's outbox (file storage), so a broken uplink loses nothing.
 */
import { createFetchTransport, createNodeClient, type Outbox } from '@brightkitchen/sdk/node';
import mqtt, { type MqttClient } from 'mqtt';
import { createAlertStreamClient } from '../sources/isapi-alert-stream.js';
import { createIsapiReceiver } from '../sources/isapi-receiver.js';
import { createMqttSource } from '../sources/mqtt-source.js';
import { createOnvifPoller } from '../sources/onvif-poller.js';
import { createSipListener } from '../sources/sip-listener.js';
import type { Source, SourceBatch, SourceHandlers, SourceRejection, SourceStats } from '../sources/source.js';
import type { GatewayConfig, GatewaySourceConfig } from './config.js';
import { forwardOf } from './forward.js';
import { createUplinkTransport } from './uplink-transport.js';

export type GatewayLog = (level: 'info' | 'warn', message: string) => void;

export interface GatewayStats {
  readonly sources: readonly (SourceStats & { kind: string })[];
  readonly queued: number;
  readonly skipped: Readonly<Record<string, number>>;
}

export interface Gateway {
  readonly outbox: Outbox;
  /** The sources, in config order (e.g. to read a listener's bound port). */
  readonly sources: readonly Source[];
  start(): Promise<void>;
  stop(): Promise<void>;
  stats(): GatewayStats;
}

export interface GatewayOptions {
  readonly log?: GatewayLog;
  /** Observe batches (e.g. to print them) before they are queued. */
  readonly onBatch?: (batch: SourceBatch) => void;
  readonly onRejection?: (rejected: SourceRejection) => void;
}

function sourceOf(config: GatewaySourceConfig, handlers: SourceHandlers): Source {
  switch (config.type) {
    case 'mqtt':
      return createMqttSource({ ...config, ...handlers });
    case 'isapi-push':
      return createIsapiReceiver({ ...config, ...handlers });
    case 'isapi-stream':
      return createAlertStreamClient({ ...config, ...handlers });
    case 'sip':
      return createSipListener({ ...config, ...handlers });
    case 'onvif':
      return createOnvifPoller({ ...config, ...handlers });
  }
}

export function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Gateway {
  const log = options.log ?? (() => {});
  let uplink: MqttClient | undefined;
  const passwords = new Map(Object.values(config.platform.devices ?? {}).map((d) => [d.id, d.password]));
  const transport = createUplinkTransport({
    http: createFetchTransport(),
    mqtt: () => uplink,
    devicePassword: (id) => passwords.get(id),
    ...(config.platform.gateway ? { gateway: config.platform.gateway } : {}),
  });
  const client = createNodeClient({
    baseURL: config.platform.baseURL,
    storagePath: config.outboxPath,
    namespace: 'bk-gateway',
    transport,
    ...(config.platform.partner ? { auth: { kind: 'partner' as const, ...config.platform.partner } } : {}),
    outbox: { autoStart: false, ...(config.retry ? { backoff: config.retry } : {}) },
  });
  const outbox = client.outbox;
  outbox.events.on('retrying', ({ attempt, delayMs, error }) => {
    if (attempt === 1 || attempt % 10 === 0) log('warn', `uplink: ${error.message}; retry ${attempt} in ${delayMs} ms`);
  });
  outbox.events.on('failed', ({ item, code }) => log('warn', `uplink refused ${item.path}: ${code}`));

  let queued = 0;
  const skipped: Record<string, number> = {};
  let chain: Promise<unknown> = Promise.resolve();
  const handlers: SourceHandlers = {
    onBatch(batch) {
      options.onBatch?.(batch);
      const forward = forwardOf(batch, config);
      if (!forward.ok) {
        skipped[forward.reason] = (skipped[forward.reason] ?? 0) + 1;
        return;
      }
      // Enqueue in arrival order: the outbox keeps that order upstream.
      chain = chain
        .then(() => outbox.enqueue('device', forward.path, forward.body))
        .then(
          () => {
            queued++;
          },
          (error: unknown) => log('warn', `outbox: ${error instanceof Error ? error.message : String(error)}`),
        );
    },
    onRejection(rejected) {
      options.onRejection?.(rejected);
      log('warn', `${rejected.source}/${rejected.vendor}: ${rejected.rejection.code}`);
    },
  };
  const sources = config.sources.map((s) => sourceOf(s, handlers));

  return {
    outbox,
    sources,
    async start() {
      const platformMqtt = config.platform.mqtt;
      if (platformMqtt) {
        // The broker login: the one given, else this gateway's own credentials.
        const username = platformMqtt.username ?? config.platform.gateway?.id;
        const password = platformMqtt.password ?? config.platform.gateway?.password;
        uplink = mqtt.connect(platformMqtt.url, {
          ...(username === undefined ? {} : { username }),
          ...(password === undefined ? {} : { password }),
          reconnectPeriod: 1000,
          connectTimeout: 5000,
        });
        // Back online: send what waited now rather than at the end of the backoff.
        uplink.on('connect', () => {
          log('info', 'uplink broker connected');
          void outbox.flush().catch(() => undefined);
        });
        uplink.on('error', () => {});
      }
      outbox.start();
      for (const source of sources) await source.start();
      log('info', `gateway: ${sources.map((s) => s.kind).join(', ')} → ${config.platform.baseURL}`);
    },
    async stop() {
      for (const source of sources) await source.stop();
      await chain;
      client.close();
      await uplink?.endAsync(true);
      uplink = undefined;
    },
    stats: () => ({
      sources: sources.map((s) => ({ kind: s.kind, ...s.stats() })),
      queued,
      skipped: { ...skipped },
    }),
  };
}
