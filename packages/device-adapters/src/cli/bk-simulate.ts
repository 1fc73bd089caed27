#!/usr/bin/env node
/** `bk-simulate --broker mqtt://… [--scenario NAME] [--speed N]`: a simulated kitchen for demos and tests. */
import { readFile } from 'node:fs/promises';
import type { KitchenDeviceName } from '../simulator/devices.js';
import type { SimulatorDevice } from '../simulator/simulator.js';
import { createKitchenSimulator } from '../simulator/simulator.js';
import { parseSimulateArgs, SIMULATE_USAGE } from './simulate-args.js';

async function main(): Promise<number> {
  const args = parseSimulateArgs(process.argv.slice(2));
  if (args === 'help') {
    process.stdout.write(`${SIMULATE_USAGE}\n`);
    return 0;
  }
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${SIMULATE_USAGE}\n`);
    return 1;
  }
  const devices = args.devicesFile
    ? (JSON.parse(await readFile(args.devicesFile, 'utf8')) as Partial<Record<KitchenDeviceName, SimulatorDevice>>)
    : undefined;
  const simulator = createKitchenSimulator({
    broker: {
      url: args.broker,
      ...(args.username === undefined ? {} : { username: args.username }),
      ...(args.password === undefined ? {} : { password: args.password }),
    },
    scenario: args.scenario,
    seed: args.seed,
    ...(devices ? { devices } : {}),
    ...(args.isapiUrl
      ? {
          isapi: {
            url: args.isapiUrl,
            ...(args.isapiUsername === undefined ? {} : { username: args.isapiUsername }),
            ...(args.isapiPassword === undefined ? {} : { password: args.isapiPassword }),
          },
        }
      : {}),
    onMessage: (m) => {
      if (!args.verbose) return;
      const at = new Date(m.at).toISOString();
      process.stdout.write(
        m.transport === 'mqtt' ? `${at} ${m.topic} ${m.payload}\n` : `${at} ISAPI push (${m.body.length} B)\n`,
      );
    },
    onError: (error) => process.stderr.write(`simulator: ${error.message}\n`),
  });
  await simulator.connect();
  process.stdout.write(
    `bk-simulate: scenario ${args.scenario}, speed ${args.speed}×, seed ${args.seed} → ${args.broker}\n`,
  );
  simulator.run({ speed: args.speed });
  const stop = async () => {
    await simulator.stop();
    const s = simulator.stats();
    process.stdout.write(
      `bk-simulate: ${s.published} published, ${s.pushed} pushed, ${s.commands} commands, ${s.failed} failed\n`,
    );
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  if (args.durationMin !== undefined) setTimeout(() => void stop(), (args.durationMin * 60_000) / args.speed);
  return 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
