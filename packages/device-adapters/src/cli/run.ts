/**
 * `bk-convert` without the process: arguments and input bytes in, output lines and exit code out.
 * Exit 0 with one JSON line per event; exit 2 with the typed rejection; exit 1 for a usage error.
 */
import type { RawMessage } from '@brightkitchen/sdk';
import { adapterFor, VENDOR_NAMES } from '../registry.js';

export interface CliArgs {
  readonly vendor?: string;
  readonly topic?: string;
  readonly contentType?: string;
  readonly timeZone?: string;
  readonly file?: string;
  readonly help: boolean;
}

export interface CliOutcome {
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
  readonly exitCode: 0 | 1 | 2;
}

export const USAGE = `Usage: bk-convert --vendor NAME [--topic TOPIC] [--content-type TYPE] [--time-zone ZONE] [FILE]
Converts one raw device message (FILE, or stdin) into normalized events, one JSON line each.
Exit 0: converted; 2: rejected (the typed rejection is printed as JSON); 1: usage error.
Vendors: ${VENDOR_NAMES.join(', ')}`;

const FLAGS: Readonly<Record<string, keyof CliArgs>> = {
  '--vendor': 'vendor',
  '--topic': 'topic',
  '--content-type': 'contentType',
  '--time-zone': 'timeZone',
};

export function parseArgs(argv: readonly string[]): CliArgs | string {
  const args: Record<string, string | boolean> = { help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      args.help = true;
      continue;
    }
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const key = FLAGS[flag];
    if (key) {
      const value = inline ?? argv[++i];
      if (value === undefined) return `${flag} needs a value`;
      args[key] = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option ${arg}`;
    } else if (args.file === undefined) {
      args.file = arg;
    } else {
      return `unexpected argument ${arg}`;
    }
  }
  return args as unknown as CliArgs;
}

export function runConvert(args: CliArgs, input: Uint8Array, receivedAt: string): CliOutcome {
  if (args.help) return { stdout: [USAGE], stderr: [], exitCode: 0 };
  if (args.vendor === undefined) return { stdout: [], stderr: ['--vendor is required', USAGE], exitCode: 1 };
  const adapter = adapterFor(args.vendor);
  if (!adapter) return { stdout: [], stderr: [`unknown vendor "${args.vendor}"`, USAGE], exitCode: 1 };
  const message: RawMessage = {
    payload: input,
    receivedAt,
    ...(args.topic === undefined ? {} : { topic: args.topic }),
    ...(args.contentType === undefined ? {} : { contentType: args.contentType }),
  };
  const result = adapter.convert(message, args.timeZone === undefined ? {} : { timeZone: args.timeZone });
  if (!result.ok) return { stdout: [JSON.stringify(result.rejection)], stderr: [], exitCode: 2 };
  return { stdout: result.events.map((event) => JSON.stringify(event)), stderr: [], exitCode: 0 };
}
