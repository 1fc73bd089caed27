#!/usr/bin/env node
/** `bk-gateway --config gateway.json`: sources next to the devices, forwarded through the SDK outbox. */
import { loadGatewayConfig } from '../gateway/config.js';
import { createGateway } from '../gateway/gateway.js';
import { GATEWAY_USAGE, parseGatewayArgs } from './gateway-args.js';
import { batchLines } from './output.js';

async function main(): Promise<void> {
  const args = parseGatewayArgs(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(`${GATEWAY_USAGE}\n`);
    return;
  }
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${GATEWAY_USAGE}\n`);
    process.exitCode = 1;
    return;
  }
  const { verbose } = args;
  const gateway = createGateway(await loadGatewayConfig(args.config), {
    log: (level, message) => (level === 'warn' ? process.stderr : process.stdout).write(`${message}\n`),
    onBatch: (batch) => {
      if (!verbose) return;
      for (const line of batchLines(batch.events, batch.message.attachments)) process.stdout.write(`${line}\n`);
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
