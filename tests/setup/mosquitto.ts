/**
 * Starts a throwaway Mosquitto (Debian's `mosquitto` package) on a free loopback port for the run,
 * so the ingestion suites also test against an external broker. Anonymous access, no persistence.
 * Set BK_TEST_MQTT_URL to use a running broker instead; without the binary the external-broker
 * suites are skipped (the embedded broker is always tested).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findMosquitto, freePort, runMosquitto } from '../../packages/server/src/testing/local-services.js';

export { findMosquitto };

export interface RunningMosquitto {
  url: string;
  stop(): void;
}

export async function startMosquitto(): Promise<RunningMosquitto | undefined> {
  const bin = findMosquitto();
  if (!bin) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'bk-mosquitto-'));
  const port = await freePort();
  const broker = await runMosquitto(bin, dir, port, [
    `listener ${port} 127.0.0.1`,
    'allow_anonymous true',
    'persistence false',
    'log_dest none',
    'max_queued_messages 100000',
  ]);
  return { url: `mqtt://127.0.0.1:${port}`, stop: broker.stop };
}
