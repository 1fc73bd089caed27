/**
 * The devices runtime of one server: MQTT (embedded broker or external), ingestion, the alert
 * engine and the escalation dispatcher, started when the app is ready and stopped when it closes.
 * Reachable as `app.devices` (routes, tests: `tick()`, `flush()`, `useClock()`).
 */
import { adapterFor } from '@brightkitchen/device-adapters';
import type { DeviceCommand, EncodedMessage } from '@brightkitchen/sdk';
import type { FastifyInstance } from 'fastify';
import { AlertBook } from '../alerts/alert-book.js';
import { AlertEngine } from '../alerts/engine/alert-engine.js';
import { DeviceWatchers } from '../alerts/engine/device-watchers.js';
import { DisinfectionWatch } from '../alerts/engine/disinfection-watch.js';
import { ThresholdWatch } from '../alerts/engine/threshold-watch.js';
import { VenueProfiles } from '../alerts/engine/venue-profiles.js';
import type { RealtimeEvent } from '../alerts/realtime-event.js';
import { AppError } from '../errors/index.js';
import { IngestStats } from '../ingest/ingest-stats.js';
import { createIngestWriter } from '../ingest/ingest-writer.js';
import { IngestPipeline } from '../ingest/pipeline.js';
import { ReadingBuffer } from '../ingest/reading-buffer.js';
import { createBrokerAuthority, isDeviceId, venueEventsTopic } from '../mqtt/broker-authority.js';
import type { MqttBus, MqttEndpoints } from '../mqtt/bus.js';
import { createDynamicSecurity, type DynamicSecurity } from '../mqtt/dynamic-security.js';
import { createEmbeddedBroker } from '../mqtt/embedded-broker.js';
import { createEmqxApi } from '../mqtt/emqx-api.js';
import { createExternalBus } from '../mqtt/external-bus.js';
import { EscalationDispatcher } from '../notify/dispatcher.js';
import { WechatSender } from '../notify/wechat-sender.js';
import { type Clock, systemClock } from './clock.js';
import { type DeviceEntry, deviceEntryOf } from './device.js';
import { DeviceDirectory } from './directory.js';
import { DeviceStatusBook } from './status.js';

export interface DevicesRuntime {
  readonly enabled: boolean;
  readonly directory: DeviceDirectory;
  readonly status: DeviceStatusBook;
  readonly stats: IngestStats;
  readonly pipeline: IngestPipeline;
  readonly dispatcher: EscalationDispatcher;
  readonly bus: MqttBus | undefined;
  /** The alert engine and its book (routes that open alerts from pushes: partner violations). */
  readonly engine: AlertEngine;
  readonly alertBook: AlertBook;
  /** Presence (dropped connections, silence) and missed disinfection runs. */
  readonly watchers: DeviceWatchers;
  now(): number;
  /** Tests: replace the clock (thresholds, escalation and receive times follow it). */
  useClock(clock: Clock): void;
  /** One pass of the clock work: threshold ticks, ledger cross-check, escalation. */
  tick(): Promise<void>;
  /** Writes buffered readings, statuses and threshold states now. */
  flush(): Promise<void>;
  endpoints(): MqttEndpoints | undefined;
  /**
   * A device was registered: index it and start watching it; with the secret its registration answered, an
   * external Mosquitto with dynamic security (BK_MQTT_DYNSEC) gets its credentials and topic ACL.
   */
  registered(entry: DeviceEntry, secret?: string): Promise<void>;
  /**
   * A device was removed (its row is marked, its threshold states and schedule deleted): it is forgotten here and on
   * every instance, its connections end, the external broker revokes it, its open condition alerts are resolved.
   */
  removed(entry: DeviceEntry): Promise<void>;
  /**
   * The device of this id: from the directory, or — sharing the database — from its row, for a device another
   * instance registered (or removed) a moment ago, before its notification arrived here.
   */
  entry(deviceId: string): Promise<DeviceEntry | undefined>;
  /** The external Mosquitto's dynamic security provisioning (BK_MQTT_DYNSEC=on), else undefined. */
  readonly dynamicSecurity: DynamicSecurity | undefined;
  /** Encodes a command with the device's adapter and publishes it; throws DEVICE_COMMAND_REJECTED. */
  command(entry: DeviceEntry, command: DeviceCommand): Promise<readonly EncodedMessage[]>;
}

declare module 'fastify' {
  interface FastifyInstance {
    devices: DevicesRuntime;
  }
}

export interface DevicesRuntimeOptions {
  readonly clock?: Clock;
}

export function registerDevicesRuntime(app: FastifyInstance, options: DevicesRuntimeOptions = {}): DevicesRuntime {
  const { config, database, cluster } = app.ctx;
  const settings = config.devices;
  let clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const nowIso = () => new Date(clock.now()).toISOString();
  const log = (message: string, error?: unknown) => app.log.warn({ err: error }, message);

  const directory = new DeviceDirectory();
  const status = new DeviceStatusBook(database.db, log, cluster.shared);
  const stats = new IngestStats();
  const profiles = new VenueProfiles(database, app.ctx.profiles, log);
  const thresholds = new ThresholdWatch(profiles, nowIso);
  if (cluster.shared) thresholds.share(database, (id) => directory.get(id), log);
  const disinfection = new DisinfectionWatch(database, (venueId) => profiles.of(venueId).profile, cluster.shared);
  const writer = createIngestWriter(database);
  const buffer = new ReadingBuffer(
    writer,
    { statuses: () => status.takeDirty(), thresholds: () => thresholds.takeDirty() },
    {
      flushRows: settings.flushRows,
      flushMs: settings.flushMs,
      onStored: (n) => {
        stats.readingsStored += n;
      },
      log,
    },
  );

  const bus: MqttBus | undefined = !settings.enabled
    ? undefined
    : settings.mqttUrl
      ? createExternalBus({
          url: settings.mqttUrl,
          shareGroup: settings.mqttShareGroup,
          clientId: settings.mqttClientId,
          sessionExpirySeconds: settings.mqttSessionExpiry,
          // A reading is acknowledged to the broker once stored: a killed instance loses none it acknowledged.
          storedGate: buffer.gate,
          log,
        })
      : createEmbeddedBroker({
          host: settings.mqttHost,
          port: settings.mqttPort,
          wsPort: settings.mqttWsPort,
          authority: createBrokerAuthority(app, directory),
          onConnection: (deviceId, online) =>
            void watchers.connection(deviceId, online, clock.now()).catch((error) => log('presence', error)),
          log,
        });
  const dynamicSecurity =
    bus && settings.mqttUrl && settings.mqttDynsec
      ? createDynamicSecurity({ url: settings.mqttUrl, database, log })
      : undefined;
  const emqx =
    bus && settings.mqttUrl && settings.emqxApiUrl
      ? createEmqxApi({ url: settings.emqxApiUrl, key: settings.emqxApiKey, log })
      : undefined;
  const realtime = bus
    ? (event: RealtimeEvent) => bus.publish(venueEventsTopic(event.venueId), JSON.stringify(event), { qos: 1 })
    : undefined;

  const wechat = new WechatSender({
    apiBase: config.wechat.apiBase,
    appId: config.wechat.appId,
    secret: config.wechat.secret,
    templateId: settings.wechatTemplateId,
    now,
  });
  const dispatcher = new EscalationDispatcher({
    database,
    now,
    ...(realtime ? { realtime } : {}),
    ...(wechat.enabled ? { wechat } : {}),
    ...(settings.webhookUrl ? { webhook: { url: settings.webhookUrl, secret: settings.webhookSecret } } : {}),
    log,
  });
  const book = new AlertBook({
    database,
    publish: realtime ?? (async () => {}),
    onOpened: (alert) => void dispatcher.opened(alert.id),
    log,
    shared: cluster.shared,
    onChange: (change) =>
      cluster.publish({
        kind: 'alert',
        subject: change.subject,
        type: change.type,
        id: change.kind === 'opened' ? change.id : null,
      }),
  });
  const engine = new AlertEngine({ database, book, thresholds, disinfection, log });
  const watchers = new DeviceWatchers({
    database,
    book,
    status,
    entryOf: (id) => directory.get(id),
    entries: () => directory.all(),
    timeZoneOf: (venueId) => profiles.of(venueId).timeZone,
    hasThresholds: (entry) => profiles.of(entry.venueId).thresholds[entry.locationKind] !== undefined,
    offlineGraceMs: settings.offlineGraceMs,
    runGraceMs: settings.runGraceMs,
    log,
  });
  const pipeline = new IngestPipeline({
    directory,
    status,
    buffer,
    engine,
    stats,
    now,
    timeZoneOf: (venueId) => profiles.of(venueId).timeZone,
    log,
  });

  const known = async (entry: DeviceEntry) => {
    directory.put(entry);
    status.registered(entry.device.id);
    await profiles.ensure(entry.venueId);
    thresholds.watch(entry, clock.now());
  };
  const forgotten = async (entry: DeviceEntry) => {
    directory.put(entry);
    thresholds.forget(entry.device.id);
    bus?.disconnectDevice(entry.device.id);
    await watchers.schedules.reload(entry.device.id);
  };
  // What another instance sharing the database changed: a device registered (or removed) there is known here at once.
  cluster.onEvent(async (event) => {
    switch (event.kind) {
      case 'device': {
        const row = await database.db
          .selectFrom('devices')
          .selectAll()
          .where('id', '=', event.deviceId)
          .executeTakeFirst();
        if (!row) return;
        const entry = deviceEntryOf(row);
        await (entry.disabled ? forgotten(entry) : known(entry));
        return;
      }
      case 'alert':
        book.learn(event.subject, event.type, event.id ?? undefined);
        return;
      case 'schedule':
        return watchers.schedules.reload(event.deviceId);
    }
  });

  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;

  const runtime: DevicesRuntime = {
    enabled: settings.enabled,
    directory,
    status,
    stats,
    pipeline,
    dispatcher,
    bus,
    engine,
    alertBook: book,
    watchers,
    now,
    useClock(next) {
      clock = next;
    },
    async tick() {
      if (ticking) return ticking;
      ticking = (async () => {
        // Threshold delays on every instance (each for the readings it received; the database keeps one alert);
        // presence, missed runs, the contradiction pass and escalation on the one leading the clock work.
        const leader = cluster.isLeader();
        await engine.tick(clock.now(), leader);
        if (!leader) return;
        await watchers.tick(clock.now());
        await dispatcher.tick();
        await dynamicSecurity?.expire(clock.now());
      })().finally(() => {
        ticking = undefined;
      });
      return ticking;
    },
    flush: async () => {
      await thresholds.settled();
      await buffer.flush();
    },
    endpoints: () => bus?.endpoints(),
    dynamicSecurity,
    async registered(entry, secret) {
      await known(entry);
      if (dynamicSecurity && secret) await dynamicSecurity.device(entry, secret);
      await cluster.publish({ kind: 'device', deviceId: entry.device.id });
    },
    async entry(deviceId) {
      const indexed = directory.get(deviceId);
      if (indexed || !cluster.shared || !isDeviceId(deviceId)) return indexed;
      const row = await database.db.selectFrom('devices').selectAll().where('id', '=', deviceId).executeTakeFirst();
      if (!row) return undefined;
      try {
        const found = deviceEntryOf(row);
        await (found.disabled ? forgotten(found) : known(found));
      } catch (error) {
        log('devices: damaged device row', error);
      }
      return directory.get(deviceId);
    },
    async removed(entry) {
      await forgotten(entry);
      await dynamicSecurity?.removeDevice(entry);
      await emqx?.disconnect(entry.device.id);
      await cluster.publish({ kind: 'device', deviceId: entry.device.id });
      // Its conditions (offline, out of range) end with it; a violation it caught stays for a person to handle.
      const at = new Date(clock.now()).toISOString();
      const open = await database.db
        .selectFrom('alerts')
        .select(['subject', 'type'])
        .where('subject', '=', entry.device.id)
        .where('state', '!=', 'resolved')
        .execute();
      for (const alert of open) if (alert.subject) await book.clear(alert.subject, alert.type, at);
    },
    async command(entry, command) {
      const adapter = adapterFor(entry.device.vendor);
      if (!adapter?.encodeCommand) throw new AppError('DEVICE_COMMAND_REJECTED', { reason: 'not controllable' });
      const result = adapter.encodeCommand(command, { deviceId: entry.bindingKey });
      if (!result.ok) throw new AppError('DEVICE_COMMAND_REJECTED', { rejection: result.rejection });
      if (!bus) throw new AppError('DEVICES_UNAVAILABLE');
      for (const message of result.messages) await bus.publish(message.topic, message.payload, { qos: 1 });
      return result.messages;
    },
  };
  app.decorate('devices', runtime);

  if (!bus) return runtime;
  app.addHook('onReady', async () => {
    await directory.load(database, log);
    await status.load();
    for (const entry of directory.all()) await profiles.ensure(entry.venueId);
    await book.load();
    await thresholds.load(database, (id) => directory.get(id), log);
    await thresholds.loaded();
    await disinfection.load((id) => directory.get(id));
    await watchers.load();
    for (const entry of directory.all()) thresholds.watch(entry, clock.now());
    // Before the bus: the platform's own connection gets its publishing role from the plugin first.
    await dynamicSecurity?.start();
    await bus.start();
    await bus.subscribe(pipeline.filters, (topic, payload) => pipeline.mqtt(topic, payload));
    buffer.start();
    timer = setInterval(() => void runtime.tick().catch((error) => log('devices tick', error)), settings.tickMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await ticking?.catch(() => undefined);
    await buffer.stop();
    await writer.close();
    await bus.close();
    await dynamicSecurity?.close();
  });
  return runtime;
}
