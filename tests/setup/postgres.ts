/**
 * Starts a throwaway PostgreSQL cluster for the test run (initdb + pg_ctl on a free loopback port, fsync off),
 * so the README's test command needs nothing started by hand. Set BK_TEST_DATABASE_URL to use an
 * existing server instead, or BK_SKIP_POSTGRES=1 to run the SQLite suites only.
 */
import {
  findPostgresBin,
  type RunningPostgres,
  startThrowawayPostgres,
} from '../../packages/server/src/testing/local-services.js';

export type { RunningPostgres };

export async function startPostgres(): Promise<RunningPostgres> {
  if (!findPostgresBin()) {
    throw new Error(
      'PostgreSQL is not installed: run `apt-get install -y postgresql`, or set BK_SKIP_POSTGRES=1 to test SQLite only',
    );
  }
  return startThrowawayPostgres({ durable: false });
}
