/** Where to connect and which district to read: `--flag value` arguments first, then the environment. */

export interface ReportOptions {
  readonly baseURL: string;
  readonly keyId: string;
  readonly secret: string;
  /** A region's id, code or name. */
  readonly region: string;
}

const FLAGS = {
  baseURL: ['--base-url', 'BK_BASE_URL'],
  keyId: ['--key', 'BK_PARTNER_KEY'],
  secret: ['--secret', 'BK_PARTNER_SECRET'],
  region: ['--region', 'BK_REGION'],
} as const;

export const USAGE = [
  '用法 / Usage: partner-open-data --base-url URL --key KEY_ID --secret SECRET --region ID|CODE|NAME',
  '  或使用环境变量 / or environment: BK_BASE_URL, BK_PARTNER_KEY, BK_PARTNER_SECRET, BK_REGION',
].join('\n');

/** The options, or the names of those missing. */
export function readOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; options: ReportOptions } | { ok: false; missing: string[] } {
  const values: Partial<Record<keyof ReportOptions, string>> = {};
  const missing: string[] = [];
  for (const [field, [flag, variable]] of Object.entries(FLAGS) as [keyof ReportOptions, readonly [string, string]][]) {
    const at = argv.indexOf(flag);
    const value = (at >= 0 ? argv[at + 1] : undefined) ?? env[variable];
    if (value) values[field] = value;
    else missing.push(`${flag} / ${variable}`);
  }
  return missing.length ? { ok: false, missing } : { ok: true, options: values as ReportOptions };
}
