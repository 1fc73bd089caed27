/**
 * The reference: the warehouse's aggregations in DuckDB (in memory) over the same rows, copied from the platform's
 * database once (not timed). Each query does the work of one panel — the same groupings, windows and caps — so
 * the table compares a row store behind an HTTP API with a columnar engine answering directly.
 */

import { dayRequirements, type VenueKind } from '@brightkitchen/sdk';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Database } from '../../packages/server/src/db/index.js';

type Column = readonly [name: string, type: 'VARCHAR' | 'DOUBLE'];

async function copy(
  duck: DuckDBConnection,
  table: string,
  columns: readonly Column[],
  rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>,
): Promise<number> {
  await duck.run(`create table ${table}_raw (${columns.map(([n, t]) => `${n} ${t}`).join(', ')})`);
  const appender = await duck.createAppender(`${table}_raw`);
  let n = 0;
  for await (const row of rows) {
    row.forEach((value, i) => {
      if (value === null || value === undefined) appender.appendNull();
      else if (columns[i]?.[1] === 'DOUBLE') appender.appendDouble(Number(value));
      else appender.appendVarchar(String(value));
    });
    appender.endRow();
    n += 1;
  }
  appender.closeSync();
  return n;
}

/** Reads a table in pages of 50,000 (a city's year of rows does not fit one result comfortably). */
async function* pages(
  database: Database,
  table: string,
  columns: readonly string[],
): AsyncIterable<readonly unknown[]> {
  const { db } = database;
  for (let offset = 0; ; offset += 50_000) {
    // biome-ignore lint/suspicious/noExplicitAny: a generic copier over the schema's tables.
    const rows: Record<string, unknown>[] = await (db as any)
      .selectFrom(table)
      .select(columns)
      .orderBy(columns[0])
      .limit(50_000)
      .offset(offset)
      .execute();
    for (const r of rows) yield columns.map((c) => r[c]);
    if (rows.length < 50_000) return;
  }
}

export async function loadDuck(database: Database): Promise<{ duck: DuckDBConnection; rows: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  const v = (n: string): Column => [n, 'VARCHAR'];
  const d = (n: string): Column => [n, 'DOUBLE'];
  let rows = 0;
  const venues: { id: string; kind: string }[] = [];
  rows += await copy(
    duck,
    'venues',
    [v('id'), v('region_id'), v('kind')],
    (async function* () {
      for await (const r of pages(database, 'venues', ['id', 'region_id', 'kind'])) {
        venues.push({ id: String(r[0]), kind: String(r[2]) });
        yield r;
      }
    })(),
  );
  rows += await copy(duck, 'staff', [v('venue_id'), v('left_on')], pages(database, 'staff', ['venue_id', 'left_on']));
  rows += await copy(
    duck,
    'ledger_records',
    [v('venue_id'), v('local_day'), v('kind')],
    pages(database, 'ledger_records', ['venue_id', 'local_day', 'kind']),
  );
  rows += await copy(
    duck,
    'alerts',
    [
      v('venue_id'),
      v('source'),
      v('type'),
      v('severity'),
      v('state'),
      v('opened_at'),
      v('acknowledged_at'),
      v('resolved_at'),
    ],
    pages(database, 'alerts', [
      'venue_id',
      'source',
      'type',
      'severity',
      'state',
      'opened_at',
      'acknowledged_at',
      'resolved_at',
    ]),
  );
  rows += await copy(
    duck,
    'devices',
    [v('id'), v('venue_id'), v('kind'), v('location_kind')],
    pages(database, 'devices', ['id', 'venue_id', 'kind', 'location_kind']),
  );
  rows += await copy(
    duck,
    'device_status',
    [v('device_id'), d('online'), v('last_seen_at')],
    pages(database, 'device_status', ['device_id', 'online', 'last_seen_at']),
  );
  rows += await copy(
    duck,
    'complaints',
    [v('venue_id'), v('state'), v('created_at')],
    pages(database, 'complaints', ['venue_id', 'state', 'created_at']),
  );
  rows += await copy(
    duck,
    'notices',
    [v('venue_id'), v('state'), v('created_at'), v('answered_at')],
    pages(database, 'notices', ['venue_id', 'state', 'created_at', 'answered_at']),
  );
  rows += await copy(
    duck,
    'ratings',
    [v('venue_id'), v('local_day'), v('dishes'), v('hygiene'), v('service')],
    pages(database, 'ratings', ['venue_id', 'local_day', 'dishes', 'hygiene', 'service']),
  );
  rows += await copy(
    duck,
    'inspections',
    [v('venue_id'), v('date'), d('score'), d('key_failures'), d('other_failures')],
    pages(database, 'inspections', ['venue_id', 'date', 'score', 'key_failures', 'other_failures']),
  );
  // Typed tables, as a warehouse would keep them.
  await duck.run(`create table venues as select * from venues_raw`);
  await duck.run(`create table staff as select venue_id, left_on::date as left_on from staff_raw`);
  await duck.run(
    `create table ledger_records as select venue_id, local_day::date as local_day, kind from ledger_records_raw`,
  );
  await duck.run(`create table alerts as select venue_id, source, type, severity, state, opened_at::timestamptz as opened_at,
    acknowledged_at::timestamptz as acknowledged_at, resolved_at::timestamptz as resolved_at from alerts_raw`);
  await duck.run(
    `create table devices as select d.*, s.online, s.last_seen_at::timestamptz as last_seen_at from devices_raw d left join device_status_raw s on s.device_id = d.id`,
  );
  await duck.run(
    `create table complaints as select venue_id, state, created_at::timestamptz as created_at from complaints_raw`,
  );
  await duck.run(
    `create table notices as select venue_id, state, created_at::timestamptz as created_at, answered_at::timestamptz as answered_at from notices_raw`,
  );
  await duck.run(
    `create table ratings as select venue_id, local_day::date as local_day, dishes, hygiene, service from ratings_raw`,
  );
  await duck.run(
    `create table inspections as select venue_id, date::date as date, score, key_failures, other_failures from inspections_raw`,
  );
  // Each enrolled venue's expected records per ledger kind (the SDK's requirements; staff counted in SQL below).
  await duck.run(`create table kind_needs (kind varchar, ledger_kind varchar, per_staff double, fixed double)`);
  const appender = await duck.createAppender('kind_needs');
  for (const kind of new Set(venues.map((x) => x.kind))) {
    const withOne = dayRequirements({ kind: kind as VenueKind, staffOnDuty: 1 });
    for (const r of withOne) {
      appender.appendVarchar(kind);
      appender.appendVarchar(r.ledgerKind);
      appender.appendDouble(r.code === 'REQ_MORNING_CHECK_EACH_STAFF' ? 1 : 0);
      appender.appendDouble(r.code === 'REQ_MORNING_CHECK_EACH_STAFF' ? 0 : r.expected);
      appender.endRow();
    }
  }
  appender.closeSync();
  return { duck, rows };
}

/** The reference queries, one per panel; `$from`, `$to`, `$today`, `$from90` are local days. */
export function referenceQueries(days: { from: string; to: string; today: string; from90: string; from3y: string }) {
  const needs = `with staffed as (select venue_id, count(*) as staff from staff where left_on is null or left_on >= date '${days.to}' group by 1),
    needs as (select v.id as venue_id, v.region_id, v.kind, n.ledger_kind, n.per_staff * s.staff + n.fixed as expected
      from venues v join staffed s on s.venue_id = v.id join kind_needs n on n.kind = v.kind)`;
  const completion = (from: string, to: string) => `${needs},
    counts as (select venue_id, local_day, kind, count(*) as n from ledger_records where local_day between date '${from}' and date '${to}' group by all),
    days as (select unnest(generate_series(date '${from}', date '${to}', interval 1 day))::date as day)
    select n.region_id, n.kind, d.day, sum(n.expected) as expected, sum(least(coalesce(c.n, 0), n.expected)) as done
    from needs n cross join days d left join counts c on c.venue_id = n.venue_id and c.local_day = d.day and c.kind = n.ledger_kind
    group by grouping sets ((n.region_id), (n.kind), (d.day), ())`;
  return {
    overview: `select
      (select count(*) from alerts where state <> 'resolved') as open_alerts,
      (select count(*) from alerts where opened_at >= timestamptz '${days.today} 00:00:00+08') as today,
      (select count(*) from complaints where state in ('submitted','in_progress')) as complaints,
      (select count(*) filter (where online = 1) from devices) as online,
      (select avg(((dishes='satisfied')::int + (hygiene='satisfied')::int + (service='satisfied')::int) / 3.0) from ratings where local_day >= date '${days.today}' - 29)`,
    completion: completion(days.from, days.to),
    completionToday: `${needs},
      counts as (select venue_id, kind, count(*) as n from ledger_records where local_day = date '${days.today}' group by all)
      select * from (select n.venue_id, sum(n.expected) as expected, sum(least(coalesce(c.n, 0), n.expected)) as done
        from needs n left join counts c on c.venue_id = n.venue_id and c.kind = n.ledger_kind group by 1)
      where done < expected order by done / expected, venue_id`,
    alerts: `with a as (select a.*, v.region_id, (a.opened_at at time zone 'Asia/Shanghai') as local from alerts a join venues v on v.id = a.venue_id
        where a.opened_at >= timestamptz '${days.from} 00:00:00+08' and a.opened_at < timestamptz '${days.to} 00:00:00+08' + interval 1 day)
      select
        (select list(struct_pack(type, n)) from (select type, count(*) n from a group by 1)) as by_type,
        (select list(struct_pack(region_id, n)) from (select region_id, count(*) n from a group by 1)) as by_region,
        (select list(struct_pack(h, n)) from (select hour(local) h, count(*) n from a group by 1)) as by_hour,
        (select list(struct_pack(d, n)) from (select local::date d, count(*) n from a group by 1)) as by_day,
        (select list(struct_pack(venue_id, type, n)) from (select venue_id, type, count(*) n from a group by 1, 2 having n >= 3)) as repeats,
        (select list(struct_pack(venue_id, p50, p90)) from (select venue_id,
            quantile_cont(epoch(acknowledged_at - opened_at) / 60, 0.5) p50, quantile_cont(epoch(acknowledged_at - opened_at) / 60, 0.9) p90
            from a group by 1)) as response`,
    devices: `select v.region_id, count(*) as devices, count(*) filter (where online = 1) as online,
        count(*) filter (where online is distinct from 1) as silent
      from devices d join venues v on v.id = d.venue_id group by rollup (v.region_id)`,
    complaints: `select v.region_id, c.state, (c.created_at at time zone 'Asia/Shanghai')::date as day, count(*)
      from complaints c join venues v on v.id = c.venue_id
      where c.created_at >= timestamptz '${days.from} 00:00:00+08' group by grouping sets ((1), (2), (3))`,
    ratings: `select v.region_id, date_trunc('week', local_day) as week, count(*) as ratings,
        avg(((dishes='satisfied')::int + (hygiene='satisfied')::int + (service='satisfied')::int) / 3.0) as satisfaction
      from ratings r join venues v on v.id = r.venue_id where local_day >= date '${days.from}' group by grouping sets ((1, 2), (2), (r.venue_id))`,
    ranking: `with i as (select venue_id, sum(key_failures) k, sum(other_failures) o, max(date) last_day,
          arg_max(score, date) last_score from inspections where date >= date '${days.from3y}' and date < date '${days.today}' + 1 group by 1),
        l as (select venue_id, count(*) n from ledger_records where local_day >= date '${days.today}' - 30 group by 1),
        a as (select venue_id, count(*) filter (where resolved_at is null) unresolved, count(*) filter (where source = 'violation' and opened_at >= now() - interval 30 day) violations,
          count(*) filter (where source = 'sensor' and opened_at >= now() - interval 30 day) excursions
          from alerts where opened_at >= timestamptz '${days.from90} 00:00:00+08' group by 1),
        c as (select venue_id, count(*) n from complaints where created_at >= timestamptz '${days.from90} 00:00:00+08' group by 1),
        r as (select venue_id, avg(((dishes='dissatisfied')::int + (hygiene='dissatisfied')::int + (service='dissatisfied')::int) / 3.0) d
          from ratings where local_day >= date '${days.from90}' group by 1)
      select v.id, -2.5 + 0.8 * ln(1 + coalesce(i.k, 0)) + 0.3 * ln(1 + coalesce(i.o, 0)) + 0.3 * (10 - coalesce(i.last_score, 10))
          + 0.3 * least(3, coalesce(date '${days.today}' - i.last_day, 1095) / 365.0) + 0.5 * (i.last_day is null)::int
          + 0.4 * ln(1 + coalesce(a.unresolved, 0)) + 0.3 * ln(1 + coalesce(a.violations, 0)) + 0.3 * ln(1 + coalesce(a.excursions, 0))
          + 0.5 * ln(1 + coalesce(c.n, 0)) + 1.0 * coalesce(r.d, 0) - 0.001 * coalesce(l.n, 0) as score
      from venues v left join i on i.venue_id = v.id left join l on l.venue_id = v.id left join a on a.venue_id = v.id
        left join c on c.venue_id = v.id left join r on r.venue_id = v.id
      order by score desc`,
  };
}
