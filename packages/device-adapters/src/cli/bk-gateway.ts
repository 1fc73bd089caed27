#!/usr/bin/env node
/** `bk-gateway --config gateway.json`: sources next to the devices, forwarded through the SDK outbox. */
import { loadGatewayConfig } from '../gateway/config.js';
import { createGateway } from '../gateway/gateway.js';

const USAGE = `Usage: bk-gateway --config gateway.json [--verbose]
Runs the configured sources (mqtt, isapi-push, isapi-stream, sip, onvif) next to the devices and forwards
what they read to the platform through the SDK outbox (kept in outboxPath across restarts).`;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const at = argv.findIndex((a) => a === '--config' || a.startsWith('--config='));
  const path = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  if (!path) {
    process.stderr.write(`--config is required\n${USAGE}\n`);
    process.exitCode = 1;
    return;
  }
  const verbose = argv.includes('--verbose');
  const gateway = createGateway(await loadGatewayConfig(path), {
    log: (level, message) => (level === 'warn' ? process.stderr : process.stdout).write(`${message}\n`),
    onBatch: (batch) => {
      if (verbose) for (const event of batch.events) process.stdout.write(`${JSON.stringify(event)}\n`);
    },
  });
  await gateway.start();
  const stop = async () => {
    await gateway.stop();
    process.stdout.write(`${JSON.stringify(gateway.stats())}\n`);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
