/**
 * Vitest global setup: starts the real services the suites need (PostgreSQL today) and hands
 * their addresses to the tests through environment variables.
 */
import { type RunningPostgres, startPostgres } from './postgres.js';

let postgres: RunningPostgres | undefined;

export async function setup(): Promise<void> {
  if (!process.env.BK_TEST_DATABASE_URL && process.env.BK_SKIP_POSTGRES !== '1') {
    postgres = await startPostgres();
    process.env.BK_TEST_DATABASE_URL = postgres.url;
  }
}

export async function teardown(): Promise<void> {
  postgres?.stop();
}
