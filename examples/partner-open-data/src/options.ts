/** Where to connect and which district to read: `--flag value` (or `--flag=value`) first, then the environment. */
import { parseArgs } from 'node:util';

export interface ReportOptions {
  readonly baseURL: string;
  readonly keyId: string;
  readonly secret: string;
  /** A region's id, code or name. */
  readonly region: string;
}

const FLAGS = {
  baseURL: ['base-url', 'BK_BASE_URL'],
  keyId: ['key', 'BK_PARTNER_KEY'],
  secret: ['secret', 'BK_PARTNER_SECRET'],
  region: ['region', 'BK_REGION'],
} as const;

export const USAGE = [
  '用法 / Usage: partner-open-data --base-url URL --key KEY_ID --secret SECRET --region ID|CODE|NAME',
  '  或使用环境变量 / or environment: BK_BASE_URL, BK_PARTNER_KEY, BK_PARTNER_SECRET, BK_REGION',
].join('\n');

export type ReadOptions =
  | { readonly ok: true; readonly options: ReportOptions }
  | { readonly ok: false; readonly problems: readonly string[]; readonly help?: true };

/** The options; or, for `--help`, an unknown flag or a missing option, what to print above the usage. */
export function readOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ReadOptions {
  const flagNames: readonly string[] = Object.values(FLAGS).map(([flag]) => flag);
  // `pnpm … start -- --region X` passes the "--" on; the script takes no arguments besides its flags.
  const { tokens } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: {
      ...Object.fromEntries(flagNames.map((flag) => [flag, { type: 'string' }])),
      help: { type: 'boolean', short: 'h' },
    },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const given = new Map<string, string>();
  const problems: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'help') return { ok: false, help: true, problems: [] };
    if (!flagNames.includes(token.name)) problems.push(`未知参数 / unknown flag: ${token.rawName}`);
    else if (!token.value || (!token.inlineValue && token.value.startsWith('-'))) {
      problems.push(`缺少值 / needs a value: ${token.rawName}`);
    } else given.set(token.name, token.value);
  }
  if (problems.length) return { ok: false, problems };

  const values: Partial<Record<keyof ReportOptions, string>> = {};
  const missing: string[] = [];
  for (const [field, [flag, variable]] of Object.entries(FLAGS) as [keyof ReportOptions, readonly [string, string]][]) {
    const value = given.get(flag) ?? env[variable];
    if (value) values[field] = value;
    else missing.push(`--${flag} / ${variable}`);
  }
  return missing.length
    ? { ok: false, problems: [`缺少 / missing: ${missing.join(', ')}`] }
    : { ok: true, options: values as ReportOptions };
}
