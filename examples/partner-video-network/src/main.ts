/**
 * Runs the bridge from environment variables:
 * BK_BASE_URL, BK_PARTNER_KEY, BK_PARTNER_SECRET, SIP_PORT (5060), CAMERAS_FILE (JSON: gbId → { venueId, name }),
 * OUTBOX (./data/partner-outbox.json).
 */
import { readFileSync } from 'node:fs';
import { createPartnerBridge } from './partner-bridge.js';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const bridge = createPartnerBridge({
  platform: { baseURL: env('BK_BASE_URL'), keyId: env('BK_PARTNER_KEY'), secret: env('BK_PARTNER_SECRET') },
  sip: { port: Number(env('SIP_PORT', '5060')) },
  cameras: JSON.parse(readFileSync(env('CAMERAS_FILE'), 'utf8')),
  violationMap: { 'video:6': 'stranger', 'video:2': 'ignore' },
  outboxPath: env('OUTBOX', './data/partner-outbox.json'),
  log: (message) => process.stdout.write(`${message}\n`),
});
await bridge.start();
process.stdout.write(`GB/T 28181 listener on UDP ${bridge.sip.address()?.port} → ${env('BK_BASE_URL')}\n`);
process.once('SIGINT', () => void bridge.stop().then(() => process.exit(0)));
