/**
 * The demo's live kitchen: the simulator (`@brightkitchen/device-adapters/simulator`) plays the demo
 * venue's devices against this very server — MQTT devices log in to the embedded broker with their
 * own credentials, the Hikvision camera pushes to the ISAPI receiver — in the `normal` scenario with
 * the incidents of `incidents.ts`, so readings, alerts and notifications appear on their own.
 */
import {
  createKitchenSimulator,
  type KitchenDeviceName,
  type KitchenSimulator,
  type SimulatorDevice,
} from '@brightkitchen/device-adapters/simulator';
import type { FastifyInstance } from 'fastify';
import { DEMO_CYCLE_MINUTES, DEMO_INCIDENT_CYCLE, demoScenarioAt, type IncidentSlot } from './incidents.js';
import { ensureKitchenDevices } from './kitchen-devices.js';

export interface LiveKitchenOptions {
  /** The server's HTTP base (`http://127.0.0.1:8080`), for the camera's ISAPI pushes. */
  readonly baseUrl: string;
  readonly venueId: string;
  /** Simulated time per real time (tests speed it up); default 1. */
  readonly speed?: number;
  /** Real ms between simulator steps; default 1000. */
  readonly tickMs?: number;
  readonly cycle?: readonly IncidentSlot[];
  readonly cycleMinutes?: number;
  readonly seed?: number;
  readonly log?: (message: string) => void;
}

export interface LiveKitchen {
  readonly simulator: KitchenSimulator;
  /** Platform device ids of the simulated devices. */
  readonly deviceIds: readonly string[];
  stop(): Promise<void>;
}

/** Registers (first time) and connects the simulated devices, then runs them until `stop()`. */
export async function startLiveKitchen(app: FastifyInstance, options: LiveKitchenOptions): Promise<LiveKitchen> {
  const log = options.log ?? (() => {});
  const broker = app.devices.endpoints();
  if (!broker || app.devices.bus?.kind !== 'embedded') {
    throw new Error('the simulated kitchen needs the embedded MQTT broker');
  }
  const kitchen = await ensureKitchenDevices(app, options.venueId, log);
  const devices: Partial<Record<KitchenDeviceName, SimulatorDevice>> = {};
  for (const d of kitchen) devices[d.name] = { username: d.entry.device.id, password: d.secret };
  const camera = kitchen.find((d) => d.spec.vendor === 'hikvision-isapi');
  const simulator = createKitchenSimulator({
    broker: { url: broker.tcp.replace('//0.0.0.0:', '//127.0.0.1:') },
    devices,
    only: kitchen.map((d) => d.name),
    ...(camera
      ? {
          isapi: {
            url: `${options.baseUrl}/v1/ingest/isapi/${camera.entry.device.id}`,
            username: camera.entry.device.id,
            password: camera.secret,
          },
        }
      : {}),
    scenario: 'normal',
    seed: options.seed ?? Date.now() % 100_000,
    // Someone walks past the cameras every minute: a missing hat is seen soon.
    cameraPeriodMs: 60_000,
    onError: (error) => log(`simulator: ${error.message}`),
  });
  await simulator.connect();
  const speed = options.speed ?? 1;
  const tickMs = options.tickMs ?? 1000;
  simulator.run({ speed, tickMs });
  const startedAt = simulator.model.now;
  const steer = setInterval(
    () => {
      const minutes = (simulator.model.now - startedAt) / 60_000;
      const next = demoScenarioAt(
        minutes,
        options.cycle ?? DEMO_INCIDENT_CYCLE,
        options.cycleMinutes ?? DEMO_CYCLE_MINUTES,
      );
      if (next !== simulator.model.scenario) log(`simulator: scenario ${next}`);
      simulator.model.setScenario(next);
    },
    Math.max(20, Math.min(tickMs, 5000)),
  );
  steer.unref();
  return {
    simulator,
    deviceIds: kitchen.map((d) => d.entry.device.id),
    async stop() {
      clearInterval(steer);
      await simulator.stop();
    },
  };
}
