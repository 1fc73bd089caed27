/** `bk-simulate` arguments → simulator options (pure, so it is tested without a process). */
import { isScenarioName, SCENARIO_LABELS, SCENARIO_NAMES, type ScenarioName } from '../simulator/scenarios.js';

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

export const SIMULATE_USAGE = `Usage: bk-simulate --broker mqtt://HOST:PORT [--username U --password P] [--scenario NAME] [--speed N]
                   [--seed N] [--devices devices.json] [--isapi-url URL --isapi-username U --isapi-password P]
                   [--duration MINUTES] [--verbose]
A simulated kitchen (2 fridges, freezer, special room, sample fridge, UV lamp, Frigate + Hikvision cameras)
publishing vendor-format traffic. --speed 60 (default) runs one simulated minute per second.
Scenarios:
${SCENARIO_NAMES.map((n) => `  ${n.padEnd(20)}${SCENARIO_LABELS[n].zh} / ${SCENARIO_LABELS[n].en}`).join('\n')}`;

const STRINGS: Readonly<Record<string, keyof SimulateArgs>> = {
  '--broker': 'broker',
  '--username': 'username',
  '--password': 'password',
  '--devices': 'devicesFile',
  '--isapi-url': 'isapiUrl',
  '--isapi-username': 'isapiUsername',
  '--isapi-password': 'isapiPassword',
};
const NUMBERS: Readonly<Record<string, keyof SimulateArgs>> = {
  '--speed': 'speed',
  '--seed': 'seed',
  '--duration': 'durationMin',
};

/** The parsed arguments, `'help'`, or a usage error message. */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgs | 'help' | string {
  const args: Record<string, string | number | boolean> = { scenario: 'normal', speed: 60, seed: 1, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--verbose' || arg === '-v') {
      args.verbose = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (flag !== '--scenario' && !STRINGS[flag] && !NUMBERS[flag]) return `unknown option ${arg}`;
    const value = inline ?? argv[++i];
    if (value === undefined) return `${flag} needs a value`;
    if (flag === '--scenario') {
      if (!isScenarioName(value)) return `unknown scenario "${value}" (${SCENARIO_NAMES.join(', ')})`;
      args.scenario = value;
    } else if (NUMBERS[flag]) {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) return `${flag} needs a positive number`;
      args[NUMBERS[flag]] = n;
    } else {
      args[STRINGS[flag]!] = value;
    }
  }
  if (typeof args.broker !== 'string') return '--broker is required';
  return args as unknown as SimulateArgs;
}
