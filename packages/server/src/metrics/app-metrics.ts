/**
 * What the platform did, read from the counters its parts keep anyway, at scrape time (nothing on their hot
 * paths): ingestion, alerts opened, notifications delivered and failed, database statements and pool, the broker.
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Database } from '../db/index.js';
import type { DevicesRuntime } from '../devices/runtime.js';

export interface MetricSources {
  readonly database: Database;
  /** BK_DEVICES: without devices there is no broker to report on. */
  readonly devicesEnabled: boolean;
  /** Read at each scrape: the runtime is registered after the metrics. */
  devices(): DevicesRuntime;
}

type Labels = Record<string, string>;

/** A counter that mirrors a running total kept elsewhere (`read` gives every label set and its value). */
function mirrored(
  registry: Registry,
  name: string,
  help: string,
  labelNames: readonly string[],
  read: () => Iterable<readonly [Labels, number]>,
): void {
  new Counter({
    name,
    help,
    labelNames,
    registers: [registry],
    collect() {
      this.reset();
      for (const [labels, value] of read()) this.inc(labels, value);
    },
  });
}

const one = (value: number): [readonly [Labels, number]] => [[{}, value]];

export function registerAppMetrics(registry: Registry, sources: MetricSources): void {
  const ingest = () => sources.devices().stats.snapshot();
  mirrored(registry, 'bk_ingest_messages_total', 'MQTT and HTTP messages ingestion accepted.', [], () =>
    one(ingest().messages),
  );
  mirrored(registry, 'bk_ingest_events_total', 'Normalized events the vendor adapters produced.', [], () =>
    one(ingest().events),
  );
  mirrored(registry, 'bk_ingest_readings_stored_total', 'Readings written to the database.', [], () =>
    one(ingest().readingsStored),
  );
  mirrored(registry, 'bk_ingest_conversion_failures_total', 'Messages an adapter could not convert.', [], () =>
    one(ingest().conversionFailures),
  );
  mirrored(registry, 'bk_ingest_dropped_total', 'Messages dropped, by reason (unknown device …).', ['reason'], () => {
    const byReason = new Map<string, number>();
    for (const d of ingest().dropped.byTopic) byReason.set(d.reason, (byReason.get(d.reason) ?? 0) + d.count);
    return [...byReason].map(([reason, n]) => [{ reason }, n] as const);
  });
  mirrored(registry, 'bk_alerts_opened_total', 'Alerts opened, by source (sensor, device, ledger …).', ['source'], () =>
    [...sources.devices().alertBook.openedBySource].map(([source, n]) => [{ source }, n] as const),
  );
  mirrored(
    registry,
    'bk_notifications_total',
    'Alert notifications tried, by channel and outcome (delivered, failed).',
    ['channel', 'outcome'],
    () =>
      [...sources.devices().dispatcher.outcomes].flatMap(([channel, n]) => [
        [{ channel, outcome: 'delivered' }, n.delivered] as const,
        [{ channel, outcome: 'failed' }, n.failed] as const,
      ]),
  );

  const { queries, pool } = sources.database;
  if (queries) {
    mirrored(registry, 'bk_db_queries_total', 'Statements run through the query builder.', [], () =>
      one(queries.count),
    );
    mirrored(registry, 'bk_db_query_errors_total', 'Statements that failed.', [], () => one(queries.errors));
    mirrored(registry, 'bk_db_query_seconds_total', 'Time spent in statements (÷ queries: the mean).', [], () =>
      one(queries.seconds),
    );
  }
  if (pool) {
    new Gauge({
      name: 'bk_db_pool_connections',
      help: 'PostgreSQL pool: connections open, idle, and callers waiting for one.',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        this.set({ state: 'open' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
  }
  if (!sources.devicesEnabled) return;
  new Gauge({
    name: 'bk_broker_up',
    help: 'The MQTT broker is started (embedded) or connected (external): 1, else 0.',
    registers: [registry],
    collect() {
      this.set(sources.devices().bus?.reachable() ? 1 : 0);
    },
  });
}
