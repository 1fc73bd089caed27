/** What `bk-server start` prints once listening: the URLs and the demo account of each role. */
import type { DemoAccount } from './accounts.js';

function credentials(account: DemoAccount): string {
  if (account.keyId) return `keyId ${account.keyId}  secret ${account.secret ?? ''}`;
  const parts = [`login ${account.login ?? '-'}`, `password ${account.password ?? '-'}`];
  if (account.openid) parts.push(`openid ${account.openid}`);
  if (account.publicCode) parts.push(`venue ${account.venueName ?? ''} (publicCode ${account.publicCode})`);
  if (account.regionName) parts.push(`region ${account.regionName}`);
  return parts.join('  ');
}

export function startBanner(
  url: string,
  accounts: readonly DemoAccount[],
  accountsFile: string,
  notes: readonly string[] = [],
): string {
  const lines = [
    '',
    `明厨亮灶 Bright Kitchen is running: ${url}`,
    `  API docs 接口文档: ${url}/docs    OpenAPI: ${url}/openapi.json    health: ${url}/healthz`,
  ];
  if (accounts.length > 0) {
    lines.push(`  Demo accounts 演示账号 (also in ${accountsFile}):`);
    for (const account of accounts) lines.push(`    ${account.role.padEnd(17)} ${credentials(account)}`);
    const operator = accounts.find((a) => a.publicCode);
    if (operator?.publicCode) {
      lines.push(`  App 小程序 (H5): ${url}/app/#/pages/venue/index?code=${operator.publicCode}`);
      lines.push(`  QR profile 扫码页 (JSON): ${url}/v1/public/venues/${operator.publicCode}`);
    }
    const certificate = accounts.find((a) => a.certificateCode)?.certificateCode;
    if (certificate) {
      lines.push(`  Training certificate 培训合格证核验: ${url}/app/#/training/verify/index?code=${certificate}`);
    }
  }
  for (const note of notes) lines.push(`  ${note}`);
  lines.push('');
  return lines.join('\n');
}
