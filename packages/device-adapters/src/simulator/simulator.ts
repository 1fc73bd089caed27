/**
 * The kitchen simulator: the model's devices as real MQTT clients (one connection each, with its
 * credentials and last will), the Hikvision camera pushing by HTTP to the platform's ISAPI receiver,
 * the UV lamp obeying the platform's POWER and Timer commands. Time is simulated: step it with
 * `advance`, follow a clock with `sync`, or let `run` go at N× real time.
 */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { basicAuthorization } from '../sources/basic-auth.js';
import type { KitchenDeviceName, KitchenDeviceSpec } from './devices.js';
import { KITCHEN_DEVICES } from './devices.js';
import { KitchenModel, type KitchenModelOptions, type SimMessage } from './kitchen-model.js';

export interface SimulatorCredentials {
  readonly username?: string;
  readonly password?: string;
}

export interface SimulatorDevice extends Partial<KitchenDeviceSpec>, SimulatorCredentials {}

export interface KitchenSimulatorOptions extends Omit<KitchenModelOptions, 'startAt' | 'devices'> {
  /** The platform's (or a site's) broker; its credentials serve every device without its own. */
  readonly broker: { readonly url: string } & SimulatorCredentials;
  /** Per device: binding key and credentials (e.g. what `POST /v1/venues/{id}/devices` answered). */
  readonly devices?: Partial<Record<KitchenDeviceName, SimulatorDevice>>;
  /** Where the Hikvision camera pushes: the platform's `/v1/ingest/isapi/{deviceId}` with its Basic auth. */
  readonly isapi?: { readonly url: string } & SimulatorCredentials;
  /** Simulated time source for `sync()`; default `Date.now`. */
  readonly clock?: { now(): number };
  /** Simulated start; default the clock's now. */
  readonly startAt?: number;
  /** Only these devices connect and send; default all. */
  readonly only?: readonly KitchenDeviceName[];
  /** Every message sent (for logs). */
  readonly onMessage?: (message: SimMessage) => void;
  readonly onError?: (error: Error) => void;
}

export interface SimulatorStats {
  readonly published: number;
  readonly pushed: number;
  readonly failed: number;
  readonly commands: number;
}

export interface KitchenSimulator {
  readonly model: KitchenModel;
  /** Connects the devices and sends their birth messages. */
  connect(): Promise<void>;
  /** Moves simulated time forward by `ms`, sending what falls due; resolves once acknowledged. */
  advance(ms: number): Promise<number>;
  /** Moves simulated time to the clock's now. */
  sync(): Promise<number>;
  /** Runs in real time: every `tickMs`, `speed`× as much simulated time passes. */
  run(options?: { readonly speed?: number; readonly tickMs?: number }): void;
  stop(): Promise<void>;
  stats(): SimulatorStats;
}

/** The will each vendor's device leaves with the broker (what it says when it drops off). */
function willOf(spec: KitchenDeviceSpec): IClientOptions['will'] | undefined {
  if (spec.vendor === 'tasmota')
    return { topic: `tele/${spec.key}/LWT`, payload: Buffer.from('Offline'), qos: 1, retain: true };
  if (spec.vendor === 'frigate')
    return { topic: `${spec.key}/available`, payload: Buffer.from('offline'), qos: 1, retain: true };
  if (spec.vendor === 'shelly')
    return { topic: `${spec.key}/online`, payload: Buffer.from('false'), qos: 1, retain: true };
  return undefined;
}

export function createKitchenSimulator(options: KitchenSimulatorOptions): KitchenSimulator {
  const clock = options.clock ?? { now: () => Date.now() };
  const devices: Partial<Record<KitchenDeviceName, Partial<KitchenDeviceSpec>>> = {};
  for (const [name, device] of Object.entries(options.devices ?? {}) as [KitchenDeviceName, SimulatorDevice][]) {
    const { username: _u, password: _p, ...spec } = device;
    devices[name] = spec;
  }
  const model = new KitchenModel({ ...options, startAt: options.startAt ?? clock.now(), devices });
  const active = new Set<KitchenDeviceName>(options.only ?? KITCHEN_DEVICES);
  const clients = new Map<KitchenDeviceName, MqttClient>();
  let published = 0;
  let pushed = 0;
  let failed = 0;
  let commands = 0;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const fail = (error: unknown) => {
    failed++;
    options.onError?.(error instanceof Error ? error : new Error(String(error)));
  };

  async function send(message: SimMessage): Promise<void> {
    if (!active.has(message.device)) return;
    options.onMessage?.(message);
    if (message.transport === 'mqtt') {
      const client = clients.get(message.device);
      if (!client) return;
      await client.publishAsync(message.topic, message.payload, { qos: 1, retain: message.retain ?? false });
      published++;
      return;
    }
    if (!options.isapi) return;
    const { url, username, password } = options.isapi;
    const headers: Record<string, string> = { 'content-type': message.contentType };
    if (username !== undefined) {
      headers.authorization = basicAuthorization(username, password ?? '');
    }
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: message.body,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`ISAPI push answered HTTP ${response.status}`);
    pushed++;
  }

  /** Sends in order, one after the other (per-device order is what devices guarantee). */
  function enqueue(messages: readonly SimMessage[]): Promise<number> {
    const next = chain.then(async () => {
      for (const message of messages) await send(message).catch(fail);
      return messages.length;
    });
    chain = next.catch(() => undefined);
    return next;
  }

  async function connectDevice(name: KitchenDeviceName) {
    const spec = model.devices[name];
    if (spec.vendor === 'hikvision-isapi') return;
    const own = options.devices?.[name];
    const username = own?.username ?? options.broker.username;
    const password = own?.password ?? options.broker.password;
    const will = willOf(spec);
    const client = await mqtt.connectAsync(options.broker.url, {
      clientId: `bk-sim-${spec.key.replace(/[^\w-]/g, '')}-${Math.random().toString(16).slice(2, 8)}`,
      ...(username === undefined ? {} : { username }),
      ...(password === undefined ? {} : { password }),
      ...(will ? { will } : {}),
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
    });
    clients.set(name, client);
    if (name === 'uvLamp') {
      client.on('message', (topic, payload) => {
        commands++;
        void enqueue(model.command(topic, payload.toString('utf8')));
      });
      await client.subscribeAsync(`cmnd/${spec.key}/#`, { qos: 1 });
    }
  }

  return {
    model,
    async connect() {
      await Promise.all([...active].map(connectDevice));
      await enqueue(model.birth());
    },
    advance: (ms) => enqueue(model.advance(model.now + ms)),
    sync: () => enqueue(model.advance(clock.now())),
    run(runOptions = {}) {
      const speed = runOptions.speed ?? 1;
      const tickMs = runOptions.tickMs ?? 1000;
      if (timer) clearInterval(timer);
      timer = setInterval(() => void enqueue(model.advance(model.now + tickMs * speed)), tickMs);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await chain;
      await Promise.all([...clients.values()].map((c) => c.endAsync()));
      clients.clear();
    },
    stats: () => ({ published, pushed, failed, commands }),
  };
}
