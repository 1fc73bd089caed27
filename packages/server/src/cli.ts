#!/usr/bin/env node
/**
 * bk-server start | migrate | seed [--venues N --days N] — flags and BK_* variables: `bk-server --help`,
 * defined once in config/variables.ts. `bk-server import venues|inspections FILE [--skip-invalid]` imports a
 * bureau register (its own arguments; the database from the BK_* variables).
 */
import { describeConfig, isConfigError, loadConfig, parseCommandLine, usage } from './config.js';

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === 'import') {
    const config = loadConfig(process.env, parseCommandLine([]).flags);
    const { runImportCommand } = await import('./imports/index.js');
    process.exitCode = await runImportCommand(config, argv.slice(1));
    return;
  }
  const line = parseCommandLine(argv);
  if (line.help) {
    process.stdout.write(usage());
    return;
  }
  const config = loadConfig(process.env, line.flags);
  // The server's modules load once the configuration is accepted: --help and a refused value answer at once.
  if (line.command === 'migrate') {
    const { migrateToLatest, openDatabase } = await import('./db/index.js');
    const database = openDatabase(config.database);
    const applied = await migrateToLatest(database);
    await database.close();
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    return;
  }
  if (line.command === 'seed') {
    const { runSeedCommand } = await import('./demo/index.js');
    process.exitCode = await runSeedCommand(config, line.seed);
    return;
  }
  const { buildApp } = await import('./app.js');
  const {
    consumerSignInNotes,
    demoBanner,
    demoCameraNote,
    liveKitchenNote,
    liveKitchenVenue,
    prepareDemo,
    startDemoCamera,
    startLiveKitchen,
    startWechatStandIn,
  } = await import('./demo/index.js');
  const { stopOnSignals, stopRequested } = await import('./lifecycle/stop-signals.js');
  // From here SIGTERM/SIGINT stop cleanly, whatever the start is doing (a second one exits at once).
  const stopping = stopOnSignals((message) => console.error(`bk-server: ${message}`));
  // No WeChat AppID configured (the demo, a machine offline): consumers sign in through a local code2session.
  const standIn = config.wechat.appId ? undefined : await startWechatStandIn(config);
  const app = await buildApp(standIn?.config ?? config);
  if (standIn) app.addHook('onClose', () => standIn.close());
  app.log.info({ config: describeConfig(config) }, 'configuration');
  let kitchen: Promise<{ stop(): Promise<void> } | undefined> = Promise.resolve(undefined);
  let camera: { stop(): Promise<void> } | undefined;
  /** Closes what runs (kitchen, then the app: HTTP, broker, timers, database) and exits. */
  const stop = async (what: string): Promise<never> => {
    // A close that hangs (a request that never ends) must not keep the process.
    setTimeout(() => {
      console.error('bk-server: not closed within 10 s, exiting');
      process.exit(1);
    }, 10_000).unref();
    await (await kitchen)?.stop().catch(() => undefined);
    await camera?.stop().catch(() => undefined);
    await app.close();
    app.log.info(what);
    process.exit(0);
  };
  try {
    stopping.throwIfAborted();
    // First start: seed the demo city (empty database); later starts reuse the data. Stopped while seeding, the
    // next start seeds again.
    const demoAccounts = await prepareDemo(app.ctx.database, config, stopping);
    stopping.throwIfAborted();
    const address = await app.listen({ port: config.port, host: config.host });
    stopping.throwIfAborted();
    app.log.info(`Bright Kitchen listening on ${address} (docs: ${address}/docs)`);
    const note = liveKitchenNote(config.devices, demoAccounts);
    const venue = liveKitchenVenue(demoAccounts);
    const demoCamera = venue?.venueId ? await startDemoCamera(app, venue.venueId) : undefined;
    camera = demoCamera;
    const cameraNote = await demoCameraNote(app, demoCamera);
    console.log(demoBanner(address, config, demoAccounts, [...consumerSignInNotes(config, standIn), note, cameraNote]));
    // After listen: the first request is answered at once; the kitchen joins a moment later.
    if (config.devices.simulator && config.devices.enabled && !config.devices.mqttUrl && venue?.venueId) {
      kitchen = startLiveKitchen(app, {
        baseUrl: address.replace('[::1]', '127.0.0.1').replace('0.0.0.0', '127.0.0.1'),
        venueId: venue.venueId,
        log: (message) => app.log.info(message),
      }).then(
        (started) => {
          app.log.info(`simulated kitchen: ${started.deviceIds.length} devices connected`);
          return started;
        },
        (error: unknown) => {
          app.log.warn({ err: error }, 'simulated kitchen did not start');
          return undefined;
        },
      );
    }
  } catch (error) {
    if (!stopping.aborted) throw error;
    await stop('stopped before serving');
  }
  await stopRequested(stopping);
  await stop('stopped');
}

main(process.argv.slice(2)).catch((err: unknown) => {
  // A refused flag or variable is the operator's to fix: the message says which and what it accepts.
  if (isConfigError(err)) {
    console.error(`bk-server: ${err.message}\nSee bk-server --help, and README.md "Configuration".`);
    process.exitCode = 2;
    return;
  }
  console.error(err);
  process.exit(1);
});
