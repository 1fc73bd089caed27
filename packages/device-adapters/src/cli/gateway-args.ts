/** `bk-gateway` arguments (pure, so they are tested without a process). */
import { type FlagSpecs, flagUsage, parseFlags } from './flags.js';

export interface GatewayArgs {
  /** The gateway.json path. */
  readonly config: string;
  /** Print each normalized event (and each snapshot's note) as a JSON line. */
  readonly verbose: boolean;
}

const GATEWAY_FLAGS = {
  config: {
    type: 'string',
    value: 'FILE',
    description: 'gateway.json: platform, outbox path, sources',
    required: true,
  },
  verbose: { type: 'boolean', description: 'print each normalized event as a JSON line' },
} as const satisfies FlagSpecs;

export const GATEWAY_USAGE = `Usage: bk-gateway --config gateway.json [--verbose]
Runs the configured sources (mqtt, isapi-push, isapi-stream, sip, onvif) next to the devices and forwards
what they read to the platform through the SDK outbox (kept in outboxPath across restarts).
Options:
${flagUsage(GATEWAY_FLAGS)}`;

/** The parsed arguments, `'help'`, or a usage error message naming the flag at fault. */
export function parseGatewayArgs(argv: readonly string[]): GatewayArgs | 'help' | string {
  const parsed = parseFlags(argv, GATEWAY_FLAGS);
  if (parsed.kind === 'help') return 'help';
  if (parsed.kind === 'error') return parsed.error;
  return { config: parsed.values.config!, verbose: parsed.values.verbose ?? false };
}
