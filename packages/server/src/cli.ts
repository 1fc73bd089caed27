#!/usr/bin/env node
/**
 * bk-server start | migrate | seed [--venues N --days N] — flags and BK_* variables: `bk-server --help`,
 * defined once in config/variables.ts.
 */
import { describeConfig, isConfigError, loadConfig, parseCommandLine, usage } from './config.js';

async function main(argv: readonly string[]): Promise<void> {
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
  const { demoBanner, liveKitchenNote, liveKitchenVenue, prepareDemo, startLiveKitchen } = await import(
    './demo/index.js'
  );
  const app = await buildApp(config);
  app.log.info({ config: describeConfig(config) }, 'configuration');
  // First start: seed the demo city (empty database); later starts reuse the data.
  const demoAccounts = await prepareDemo(app.ctx.database, config);
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(`Bright Kitchen listening on ${address} (docs: ${address}/docs)`);
  const note = liveKitchenNote(config.devices, demoAccounts);
  console.log(demoBanner(address, config, demoAccounts, [note]));
  // After listen: the first request is answered at once; the kitchen joins a moment later.
  let kitchen: { stop(): Promise<void> } | undefined;
  const venue = liveKitchenVenue(demoAccounts);
  if (config.devices.simulator && config.devices.enabled && !config.devices.mqttUrl && venue?.venueId) {
    startLiveKitchen(app, {
      baseUrl: address.replace('[::1]', '127.0.0.1').replace('0.0.0.0', '127.0.0.1'),
      venueId: venue.venueId,
      log: (message) => app.log.info(message),
    }).then(
      (started) => {
        kitchen = started;
        app.log.info(`simulated kitchen: ${started.deviceIds.length} devices connected`);
      },
      (error: unknown) => app.log.warn({ err: error }, 'simulated kitchen did not start'),
    );
  }
  const stop = async () => {
    await kitchen?.stop().catch(() => undefined);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
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
