/**
 * `bk-server [start|migrate|seed] [flags]` read with `node:util` parseArgs. Flags are the table's (each sets
 * its BK_* variable), seed's `--venues` and `--days`, and `--help`. Anything else is refused, by name.
 */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { ConfigError, type ConfigIssue } from './config-error.js';
import { wholeNumber } from './values.js';
import { type FlagValues, type VariableName, variableEntries } from './variables.js';

export const COMMANDS = {
  start: 'serve the platform; a first start seeds the demo city (the default command)',
  migrate: 'bring the database schema up to date, then exit',
  seed: 'seed the demo city into an empty database, then exit',
} as const;

export type Command = keyof typeof COMMANDS;

/** Flags of `bk-server seed` alone. */
export const SEED_FLAGS = {
  venues: { description: 'venues of the demo city (default 220: 20 of each kind)' },
  days: { description: 'days of ledger history (default 30)' },
} as const;

type SeedFlag = keyof typeof SEED_FLAGS;

const SEED_ACCEPTS = 'a whole number, at least 1';
const positive = wholeNumber(1);

export interface CommandLine {
  readonly command: Command;
  /** `--help` / `-h`: print the usage and do nothing else. */
  readonly help: boolean;
  /** Values of the flags that set BK_* variables; they win over the environment. */
  readonly flags: FlagValues;
  readonly seed: { readonly venues?: number; readonly days?: number };
}

const isCommand = (word: string): word is Command => Object.hasOwn(COMMANDS, word);
const isSeedFlag = (name: string): name is SeedFlag => Object.hasOwn(SEED_FLAGS, name);

/** Every flag bk-server knows, as `--help` lists them. */
function knownFlags(): string[] {
  const fromTable = variableEntries().flatMap(([, variable]) => (variable.flag ? [`--${variable.flag}`] : []));
  return [...fromTable, ...Object.keys(SEED_FLAGS).map((name) => `--${name}`), '--help'];
}

/** Reads the command line after `bk-server`; throws a `ConfigError` listing everything refused. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const byFlag = new Map<string, VariableName>();
  for (const [name, variable] of variableEntries()) if (variable.flag) byFlag.set(variable.flag, name);

  // Not strict: the tokens are checked here, so each refusal names the flag in the operator's words.
  // `pnpm start -- --port 9000` passes the "--" on; bk-server has no argument that could follow one.
  const { tokens } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      ...Object.fromEntries([...byFlag.keys(), ...Object.keys(SEED_FLAGS)].map((flag) => [flag, { type: 'string' }])),
      help: { type: 'boolean', short: 'h' },
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const issues: ConfigIssue[] = [];
  const flags: Partial<Record<VariableName, string>> = {};
  const seed: { venues?: number; days?: number } = {};
  let command: Command | undefined;
  let help = false;
  let afterUnknownFlag = false;

  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      // The word after an unknown flag is most likely its value: one refusal is enough.
      if (afterUnknownFlag) {
        afterUnknownFlag = false;
        continue;
      }
      if (command !== undefined) {
        issues.push({ source: token.value, problem: 'a second command', accepts: 'one of start, migrate or seed' });
      } else if (isCommand(token.value)) {
        command = token.value;
      } else {
        issues.push({ source: token.value, problem: 'unknown command', accepts: 'start, migrate or seed' });
      }
      continue;
    }
    afterUnknownFlag = false;
    const { name, rawName, value, inlineValue } = token;
    if (name === 'help') {
      if (value === undefined) help = true;
      else issues.push({ source: rawName, problem: 'takes no value', accepts: `${rawName} alone` });
      continue;
    }
    const variable = byFlag.get(name);
    if (!variable && !isSeedFlag(name)) {
      afterUnknownFlag = true;
      issues.push({ source: rawName, problem: 'unknown flag', accepts: `one of ${knownFlags().join(', ')}` });
      continue;
    }
    // `--port --host h` leaves --port without its value; `--port=-1` is how to pass one starting with "-".
    if (value === undefined || value === '' || (!inlineValue && value.startsWith('-'))) {
      issues.push({
        source: rawName,
        variable,
        problem: 'needs a value',
        accepts: `${rawName} VALUE or ${rawName}=VALUE`,
      });
      continue;
    }
    if (variable) {
      flags[variable] = value;
      continue;
    }
    const parsed = v.safeParse(positive, value);
    if (parsed.success) seed[name as SeedFlag] = parsed.output;
    else issues.push({ source: rawName, value, accepts: SEED_ACCEPTS });
  }

  const chosen = command ?? 'start';
  if (chosen !== 'seed') {
    for (const name of Object.keys(seed)) {
      issues.push({
        source: `--${name}`,
        problem: `a flag of seed, not ${chosen}`,
        accepts: `bk-server seed --${name} N`,
      });
    }
  }
  if (issues.length > 0) throw new ConfigError('COMMAND_LINE_INVALID', issues);
  return { command: chosen, help, flags, seed };
}
