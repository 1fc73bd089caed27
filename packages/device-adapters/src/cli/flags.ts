/**
 * Command-line flags as data, read by `node:util` `parseArgs` in strict mode. Each CLI declares its
 * flags once; every one of them then answers a mistake the same way — an error naming the flag and what
 * it accepts — and lists the same table under `--help`.
 */
import { parseArgs } from 'node:util';
import { num } from '../shared/coerce.js';

export interface FlagSpec {
  /** `number` is a positive finite number: anything else is an error, never NaN. */
  readonly type: 'string' | 'boolean' | 'number';
  readonly short?: string;
  /** The value's placeholder in the usage, e.g. `URL`. */
  readonly value?: string;
  readonly description: string;
  /** The only values accepted. */
  readonly choices?: readonly string[];
  /** A check of the value, and what a valid one is (for the error). */
  readonly valid?: (value: string) => boolean;
  readonly accepts?: string;
  readonly required?: boolean;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

type ValueOf<F extends FlagSpec> = F['type'] extends 'boolean' ? boolean : F['type'] extends 'number' ? number : string;

export type FlagValues<S extends FlagSpecs> = { -readonly [K in keyof S]?: ValueOf<S[K]> };

export type FlagsResult<S extends FlagSpecs> =
  | { readonly kind: 'ok'; readonly values: FlagValues<S>; readonly positionals: readonly string[] }
  | { readonly kind: 'help' }
  | { readonly kind: 'error'; readonly error: string };

/**
 * Reads `argv` against the flags. `-h`/`--help` anywhere (before `--`) asks for help.
 *
 * @example
 * parseFlags(['--speed', 'fast'], { speed: { type: 'number', description: 'N× real time' } });
 * // → { kind: 'error', error: '--speed needs a positive number, got "fast"' }
 */
export function parseFlags<S extends FlagSpecs>(argv: readonly string[], specs: S, maxPositionals = 0): FlagsResult<S> {
  const terminator = argv.indexOf('--');
  if ((terminator < 0 ? argv : argv.slice(0, terminator)).some((a) => a === '-h' || a === '--help')) {
    return { kind: 'help' };
  }
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = {
      type: spec.type === 'boolean' ? 'boolean' : 'string',
      ...(spec.short ? { short: spec.short } : {}),
    };
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: dashValuesJoined(argv, specs),
      options,
      strict: true,
      allowPositionals: maxPositionals > 0,
    });
  } catch (error) {
    return { kind: 'error', error: parseError(error, argv, specs) };
  }
  if (parsed.positionals.length > maxPositionals) {
    return { kind: 'error', error: `unexpected argument "${parsed.positionals[maxPositionals]}"` };
  }
  const values: Record<string, string | number | boolean> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = parsed.values[name];
    if (raw === undefined) continue;
    if (typeof raw === 'boolean') {
      values[name] = raw;
      continue;
    }
    const checked = checkValue(name, spec, raw);
    if (typeof checked === 'object') return checked;
    values[name] = checked;
  }
  // A value given wrong is said before a flag left out.
  const missing = Object.entries(specs).find(([name, spec]) => spec.required && values[name] === undefined);
  if (missing) return { kind: 'error', error: `--${missing[0]} is required` };
  return { kind: 'ok', values: values as FlagValues<S>, positionals: parsed.positionals };
}

/**
 * `--password -x7…` has always meant the value `-x7…` (generated passwords and tokens may start with a dash):
 * such a pair is passed on as `--password=-x7…`, which strict parsing reads as meant. A known flag after a
 * flag that needs a value is not taken as its value: that stays an error.
 */
function dashValuesJoined(argv: readonly string[], specs: FlagSpecs): string[] {
  const out: string[] = [];
  const known = (arg: string) =>
    arg === '--' ||
    Object.entries(specs).some(
      ([name, spec]) =>
        arg === `--${name}` || arg.startsWith(`--${name}=`) || (spec.short !== undefined && arg === `-${spec.short}`),
    );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    const spec = arg.startsWith('--') ? specs[arg.slice(2)] : undefined;
    if (spec && spec.type !== 'boolean' && next?.startsWith('-') && next !== '-' && !known(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function checkValue(name: string, spec: FlagSpec, raw: string): string | number | { kind: 'error'; error: string } {
  const fail = (error: string) => ({ kind: 'error' as const, error });
  if (raw === '') return fail(`--${name} needs a value: ${accepted(spec)}`);
  if (spec.choices && !spec.choices.includes(raw)) {
    return fail(`unknown ${name} "${raw}" (--${name} accepts: ${spec.choices.join(', ')})`);
  }
  if (spec.valid && !spec.valid(raw)) return fail(`--${name} needs ${accepted(spec)}, got "${raw}"`);
  if (spec.type !== 'number') return raw;
  const n = num(raw);
  return n !== undefined && n > 0 ? n : fail(`--${name} needs ${accepted(spec)}, got "${raw}"`);
}

function accepted(spec: FlagSpec): string {
  if (spec.accepts) return spec.accepts;
  if (spec.choices) return `one of ${spec.choices.join(', ')}`;
  return spec.type === 'number' ? 'a positive number' : (spec.value ?? 'a value');
}

/** `parseArgs`' own errors, said in terms of our flags. */
function parseError(error: unknown, argv: readonly string[], specs: FlagSpecs): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const flagNames = Object.keys(specs).map((n) => `--${n}`);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // `-v=1` is reported as `-=`: show the argument as it was typed.
    const typed = argv.find((a) => a === quoted || a.startsWith(`${quoted}=`)) ?? argv.find((a) => a.includes(quoted));
    return `unknown option ${typed ?? quoted} (accepted: ${[...flagNames, '--help'].join(', ')})`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--([\w-]+)/.exec(quoted)?.[1] ?? '';
    const spec = specs[name];
    if (!spec) return message;
    if (/does not take an argument/.test(message)) return `--${name} takes no value`;
    const hint = /ambiguous/.test(message) ? ` (a value starting with "-" is written --${name}=VALUE)` : '';
    return `--${name} needs a value: ${accepted(spec)}${hint}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument "${quoted}"`;
  return message;
}

/** The flag table for `--help`. */
export function flagUsage(specs: FlagSpecs): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    const value = spec.type === 'boolean' ? '' : ` ${spec.value ?? (spec.type === 'number' ? 'N' : 'VALUE')}`;
    return [`  ${short}--${name}${value}`, spec.description] as const;
  });
  rows.push(['  -h, --help', 'print this help']);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `${left.padEnd(width)}${right}`).join('\n');
}
