#!/usr/bin/env node
/**
 * bk-server start | migrate | seed [--venues N --days N]   (flags: --port --host --data-dir --database-url --log-level; env BK_*)
 */
import { buildApp } from './app.js';
import { describeConfig, loadConfig } from './config.js';
import { migrateToLatest, openDatabase } from './db/index.js';
import {
  demoBanner,
  type LiveKitchen,
  liveKitchenNote,
  liveKitchenVenue,
  prepareDemo,
  runSeedCommand,
  startLiveKitchen,
} from './demo/index.js';

async function main(argv: readonly string[]): Promise<void> {
  const [command = 'start', ...rest] = argv;
  const config = loadConfig(process.env, rest);
  if (command === 'migrate') {
    const database = openDatabase(config.database);
    const applied = await migrateToLatest(database);
    await database.close();
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    return;
  }
  if (command === 'seed') {
    process.exitCode = await runSeedCommand(config, rest);
    return;
  }
  if (command !== 'start') {
    console.error('usage: bk-server start|migrate|seed [--port N] [--host H] [--data-dir DIR] [--database-url URL]');
    process.exitCode = 2;
    return;
  }
  const app = await buildApp(config);
  app.log.info({ config: describeConfig(config) }, 'configuration');
  // First start: seed the demo city (empty database); later starts reuse the data.
  const demoAccounts = await prepareDemo(app.ctx.database, config);
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info(`Bright Kitchen listening on ${address} (docs: ${address}/docs)`);
  const note = liveKitchenNote(config.devices, demoAccounts);
  console.log(demoBanner(address, config, demoAccounts, [note]));
  // After listen: the first request is answered at once; the kitchen joins a moment later.
  let kitchen: LiveKitchen | undefined;
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
  console.error(err);
  process.exit(1);
});
