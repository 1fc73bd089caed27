/** `bk-simulate` arguments → simulator options (pure, so it is tested without a process). */
import { isScenarioName, SCENARIO_LABELS, SCENARIO_NAMES, type ScenarioName } from '../simulator/scenarios.js';
import { type FlagSpecs, flagUsage, parseFlags } from './flags.js';

export interface SimulateArgs {
  readonly broker: string;
  readonly username?: string;
  readonly password?: string;
  readonly scenario: ScenarioName;
  /** Simulated seconds per real second. */
  readonly speed: number;
  readonly seed: number;
  /** JSON file: per device `{ key?, username?, password? }`. */
  readonly devicesFile?: string;
  readonly isapiUrl?: string;
  readonly isapiUsername?: string;
  readonly isapiPassword?: string;
  /** Simulated minutes to run; forever without. */
  readonly durationMin?: number;
  readonly verbose: boolean;
}

const SIMULATE_FLAGS = {
  broker: { type: 'string', value: 'URL', description: 'the broker, e.g. mqtt://127.0.0.1:1883', required: true },
  username: { type: 'string', value: 'U', description: 'broker login of every device without its own' },
  password: { type: 'string', value: 'P', description: 'its password' },
  scenario: {
    type: 'string',
    value: 'NAME',
    description: 'what happens in the kitchen (default normal)',
    choices: SCENARIO_NAMES,
  },
  speed: { type: 'number', description: 'simulated seconds per real second (default 60)' },
  seed: { type: 'number', description: 'random seed (default 1)' },
  devices: { type: 'string', value: 'FILE', description: 'devices.json: per device { key?, username?, password? }' },
  'isapi-url': {
    type: 'string',
    value: 'URL',
    description: "where the Hikvision camera pushes (the platform's ISAPI receiver)",
  },
  'isapi-username': { type: 'string', value: 'U', description: 'its Basic auth user' },
  'isapi-password': { type: 'string', value: 'P', description: 'its Basic auth password' },
  duration: { type: 'number', value: 'MINUTES', description: 'simulated minutes to run (default forever)' },
  verbose: { type: 'boolean', short: 'v', description: 'print every message sent' },
} as const satisfies FlagSpecs;

export const SIMULATE_USAGE = `Usage: bk-simulate --broker mqtt://HOST:PORT [options]
A simulated kitchen (2 fridges, freezer, special room, sample fridge, UV lamp, Frigate + Hikvision cameras)
publishing vendor-format traffic. --speed 60 (default) runs one simulated minute per second.
Options:
${flagUsage(SIMULATE_FLAGS)}
Scenarios:
${SCENARIO_NAMES.map((n) => `  ${n.padEnd(20)}${SCENARIO_LABELS[n].zh} / ${SCENARIO_LABELS[n].en}`).join('\n')}`;

/** The parsed arguments, `'help'`, or a usage error message naming the flag at fault. */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgs | 'help' | string {
  const parsed = parseFlags(argv, SIMULATE_FLAGS);
  if (parsed.kind === 'help') return 'help';
  if (parsed.kind === 'error') return parsed.error;
  const v = parsed.values;
  const scenario = v.scenario ?? 'normal';
  if (!isScenarioName(scenario)) return `unknown scenario "${scenario}"`;
  return {
    broker: v.broker!,
    username: v.username,
    password: v.password,
    scenario,
    speed: v.speed ?? 60,
    seed: v.seed ?? 1,
    devicesFile: v.devices,
    isapiUrl: v['isapi-url'],
    isapiUsername: v['isapi-username'],
    isapiPassword: v['isapi-password'],
    durationMin: v.duration,
    verbose: v.verbose ?? false,
  };
}
