/**
 * The secrets of the demo kitchen's devices (`BK_DATA_DIR/demo-devices.json`, mode 0600): the server
 * keeps only their hashes, and the simulator must log in again after a restart.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_DEVICES_FILE = 'demo-devices.json';

/** Platform device id → secret. */
export type DemoDeviceSecrets = Record<string, string>;

export function readDemoDeviceSecrets(dataDir: string): DemoDeviceSecrets {
  const file = join(dataDir, DEMO_DEVICES_FILE);
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { secrets?: DemoDeviceSecrets };
    return parsed.secrets ?? {};
  } catch {
    return {};
  }
}

export function writeDemoDeviceSecrets(dataDir: string, secrets: DemoDeviceSecrets): void {
  writeFileSync(join(dataDir, DEMO_DEVICES_FILE), `${JSON.stringify({ secrets }, null, 2)}\n`, { mode: 0o600 });
}
