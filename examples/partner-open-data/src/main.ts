/**
 * Prints the grades and rating summaries of a district, as a partner:
 * `pnpm --filter @brightkitchen/example-partner-open-data start -- --region 371502`
 * (with BK_BASE_URL, BK_PARTNER_KEY, BK_PARTNER_SECRET in the environment, or --base-url, --key, --secret).
 */
import { runReport } from './report.js';

const write = (text: string) => process.stdout.write(text);
runReport({ argv: process.argv.slice(2), env: process.env, write }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const e = error as { code?: string; message?: string };
    process.stderr.write(`请求失败 / request failed: ${e.code ?? ''} ${e.message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
