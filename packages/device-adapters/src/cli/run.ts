/**
 * `bk-convert` without the process: arguments and input bytes in, output lines and exit code out.
 * Exit 0 with one JSON line per event; exit 2 with the typed rejection; exit 1 for a usage error.
 */
import type { RawMessage } from '@brightkitchen/sdk';
import { adapterFor, VENDOR_NAMES } from '../registry.js';
import { type IsapiSplit, splitIsapiBody } from '../vendors/hikvision-isapi/index.js';
import { type FlagSpecs, flagUsage, parseFlags } from './flags.js';
import { batchLines } from './output.js';

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

const CONVERT_FLAGS = {
  vendor: { type: 'string', value: 'NAME', description: 'the adapter to convert with', choices: VENDOR_NAMES },
  topic: { type: 'string', value: 'TOPIC', description: 'MQTT topic or HTTP path the message came on' },
  'content-type': { type: 'string', value: 'TYPE', description: 'Content-Type it came with (e.g. its boundary)' },
  'time-zone': {
    type: 'string',
    value: 'ZONE',
    description: 'zone of vendor times without offset (default Asia/Shanghai)',
    valid: isTimeZone,
    accepts: 'an IANA time zone such as Asia/Shanghai',
  },
} as const satisfies FlagSpecs;

export const USAGE = `Usage: bk-convert --vendor NAME [--topic TOPIC] [--content-type TYPE] [--time-zone ZONE] [FILE]
Converts one raw device message (FILE, or stdin) into normalized events, one JSON line each. A recorded
ISAPI alertStream or multipart push is split into its events as the live sources do; each snapshot that
travelled with an event follows it as {"attachment":{"id","contentType","bytes"}}.
Exit 0: converted; 2: rejected (the typed rejection is printed as JSON); 1: usage error.
Options:
${flagUsage(CONVERT_FLAGS)}
Vendors: ${VENDOR_NAMES.join(', ')}`;

/** The arguments, or a usage error naming the flag at fault. */
export function parseConvertArgs(argv: readonly string[]): CliArgs | string {
  const parsed = parseFlags(argv, CONVERT_FLAGS, 1);
  if (parsed.kind === 'help') return { help: true };
  if (parsed.kind === 'error') return parsed.error;
  const { vendor, topic, 'content-type': contentType, 'time-zone': timeZone } = parsed.values;
  const file = parsed.positionals[0];
  return {
    help: false,
    ...(vendor === undefined ? {} : { vendor }),
    ...(topic === undefined ? {} : { topic }),
    ...(contentType === undefined ? {} : { contentType }),
    ...(timeZone === undefined ? {} : { timeZone }),
    ...(file === undefined ? {} : { file }),
  };
}

/** Vendors whose inputs may hold several messages (a recorded stream), split as their live source splits them. */
const SPLITTERS: Readonly<Record<string, (message: RawMessage) => IsapiSplit>> = {
  'hikvision-isapi': splitIsapiBody,
};

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
  const split = SPLITTERS[adapter.vendor]?.(message) ?? { ok: true, messages: [message] };
  const context = args.timeZone === undefined ? {} : { timeZone: args.timeZone };
  const stdout: string[] = [];
  let rejected = false;
  for (const one of split.messages) {
    const result = adapter.convert(one, context);
    if (result.ok) {
      stdout.push(...batchLines(result.events, one.attachments));
    } else {
      stdout.push(JSON.stringify(result.rejection));
      rejected = true;
    }
  }
  // A recording cut short still shows what it held before the fault.
  if (!split.ok) stdout.push(JSON.stringify(split.rejection));
  return { stdout, stderr: [], exitCode: rejected || !split.ok ? 2 : 0 };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
