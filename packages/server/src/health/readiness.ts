/**
 * Readiness: may this instance take traffic? Only when its database answers, every migration of this build has run
 * and, with devices on, its MQTT broker is started (embedded) or connected (external). Liveness (`/healthz`) asks
 * none of this: a database outage should take an instance out of the balancer, not get it restarted.
 */
import { sql } from 'kysely';
import { type Database, pendingMigrations } from '../db/index.js';
import type { MqttBus } from '../mqtt/bus.js';

/** `ok`, `off` (devices off: no broker to ask), or what failed. */
export type CheckResult = 'ok' | 'off' | 'failed' | 'timed out' | 'not checked' | `pending: ${string}` | 'unreachable';

export interface Readiness {
  readonly ready: boolean;
  readonly checks: { readonly database: CheckResult; readonly migrations: CheckResult; readonly broker: CheckResult };
  /** The reasons behind a failed check, for the log (not the answer: they may name hosts). */
  readonly errors: readonly unknown[];
}

export interface ReadinessSources {
  readonly database: Database;
  /** Undefined when devices are off. */
  readonly bus: MqttBus | undefined;
}

/** A probe waits this long for the database, then counts it as failed. */
const DATABASE_TIMEOUT_MS = 2000;

class TimedOut extends Error {}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function checkReadiness({ database, bus }: ReadinessSources): Promise<Readiness> {
  const errors: unknown[] = [];
  let databaseCheck: CheckResult = 'ok';
  let migrations: CheckResult = 'not checked';
  try {
    await within(sql`select 1`.execute(database.db), DATABASE_TIMEOUT_MS);
  } catch (error) {
    errors.push(error);
    databaseCheck = error instanceof TimedOut ? 'timed out' : 'failed';
  }
  if (databaseCheck === 'ok') {
    try {
      const pending = await within(pendingMigrations(database), DATABASE_TIMEOUT_MS);
      migrations = pending.length === 0 ? 'ok' : `pending: ${pending.join(', ')}`;
    } catch (error) {
      errors.push(error);
      migrations = error instanceof TimedOut ? 'timed out' : 'failed';
    }
  }
  const broker: CheckResult = bus === undefined ? 'off' : bus.reachable() ? 'ok' : 'unreachable';
  const checks = { database: databaseCheck, migrations, broker };
  const ready = databaseCheck === 'ok' && migrations === 'ok' && (broker === 'ok' || broker === 'off');
  return { ready, checks, errors };
}
