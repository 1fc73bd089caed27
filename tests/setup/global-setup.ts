/**
 * Vitest global setup: starts the real services the suites need (PostgreSQL today) and hands
 * their addresses to the tests through environment variables.
 */
import { type RunningMosquitto, startMosquitto } from './mosquitto.js';
import { type RunningPostgres, startPostgres } from './postgres.js';

let postgres: RunningPostgres | undefined;
let mosquitto: RunningMosquitto | undefined;

export async function setup(): Promise<void> {
  if (!process.env.BK_TEST_DATABASE_URL && process.env.BK_SKIP_POSTGRES !== '1') {
    postgres = await startPostgres();
    process.env.BK_TEST_DATABASE_URL = postgres.url;
  }
  // An external MQTT broker for the ingestion suites (skipped when Mosquitto is not installed).
  if (!process.env.BK_TEST_MQTT_URL && process.env.BK_SKIP_MOSQUITTO !== '1') {
    mosquitto = await startMosquitto();
    if (mosquitto) process.env.BK_TEST_MQTT_URL = mosquitto.url;
  }
}

export async function teardown(): Promise<void> {
  postgres?.stop();
  mosquitto?.stop();
}
