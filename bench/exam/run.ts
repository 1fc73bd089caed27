/**
 * `pnpm bench:exam` — 2,000 learners taking a 50-question exam at once: each starts (the paper), saves every
 * answer on its own after a moment's thought, then submits. p50/p99 of start, save and submit on the built
 * platform (SQLite, then PostgreSQL unless BK_SKIP_POSTGRES=1), against bare Fastify answering the same three
 * routes in the same run with the same load; then every answer sent is looked up in the store (none may be lost).
 * BENCH_LEARNERS (2000), BENCH_THINK_MS (mean think time between answers, 1500), BENCH_RAMP_MS (20000: the 2,000 start within 20 s, as a room of learners does).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type ServerConfig } from '../../packages/server/src/config.js';
import { openDatabase } from '../../packages/server/src/db/index.js';
import { startPostgres } from '../../tests/setup/postgres.js';
import { freePort, startProcess } from '../lib/processes.js';
import { printTable, type Row } from '../lib/table.js';
import { seedLearners } from './learners.js';
import { type LoadResult, percentile, runLearners } from './load.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = join(root, 'packages/server/dist/cli.js');
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 2000);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1500);
const RAMP_MS = Number(process.env.BENCH_RAMP_MS ?? 20_000);
const EXAM = 'nat-exam-basics';
const secret = randomBytes(32).toString('hex');

const dirs: string[] = [];
const tmp = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `bk-bench-exam-${name}-`));
  dirs.push(d);
  return d;
};

const ms = (v: number) => v.toFixed(1);

function row(name: string, r: LoadResult, lost: number | string): Row {
  return {
    run: name,
    'saves/s': (r.save.length / r.seconds).toFixed(0),
    'save p50': ms(percentile(r.save, 50)),
    'save p99': ms(percentile(r.save, 99)),
    'submit p50': ms(percentile(r.submit, 50)),
    'submit p99': ms(percentile(r.submit, 99)),
    'start p50': ms(percentile(r.start, 50)),
    'start p99': ms(percentile(r.start, 99)),
    failed: r.failures.length,
    'lost answers': lost,
  };
}

/** Every answer sent, looked up in the store: missing or different ones are lost. */
async function lostAnswers(config: ServerConfig, r: LoadResult): Promise<number> {
  const database = openDatabase(config.database);
  try {
    let lost = 0;
    const ids = [...r.sent.keys()];
    for (let i = 0; i < ids.length; i += 200) {
      const rows = await database.db
        .selectFrom('training_answers')
        .select(['attempt_id', 'question_id', 'answer'])
        .where('attempt_id', 'in', ids.slice(i, i + 200))
        .execute();
      const stored = new Map(rows.map((x) => [`${x.attempt_id}/${x.question_id}`, x.answer]));
      for (const id of ids.slice(i, i + 200)) {
        for (const [questionId, answer] of r.sent.get(id) ?? []) {
          if (stored.get(`${id}/${questionId}`) !== JSON.stringify(answer)) lost += 1;
        }
      }
    }
    const submitted = await database.db
      .selectFrom('training_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'submitted')
      .executeTakeFirst();
    if (Number(submitted?.n) !== r.submit.length) lost += Math.abs(r.submit.length - Number(submitted?.n));
    return lost;
  } finally {
    await database.close();
  }
}

async function platformRun(name: string, env: Record<string, string>): Promise<Row> {
  const dataDir = tmp(name);
  const fullEnv = { ...env, BK_DATA_DIR: dataDir, BK_TOKEN_SECRET: secret };
  const config = loadConfig(fullEnv, {});
  const learners = await seedLearners(config, LEARNERS);
  const port = await freePort();
  const server = await startProcess(
    [cli, 'start', '--port', String(port), '--log-level', 'warn'],
    `http://127.0.0.1:${port}/healthz`,
    { ...fullEnv, BK_DEVICES: 'off', BK_SIMULATOR: '0', BK_MQTT_PORT: '0', BK_MQTT_WS_PORT: '0' },
  );
  try {
    const result = await runLearners({
      base: `http://127.0.0.1:${port}`,
      tokens: learners.map((l) => l.token),
      examId: EXAM,
      thinkMs: THINK_MS,
      rampMs: RAMP_MS,
    });
    if (result.totals.some((t) => t !== 50)) throw new Error('a paper without 50 questions was scored');
    if (result.failures.length > 0) console.error(`${name}: ${result.failures.slice(0, 5).join('; ')}`);
    return row(`platform, ${name}`, result, await lostAnswers(config, result));
  } finally {
    await server.stop();
  }
}

try {
  const port = await freePort();
  const bare = await startProcess(
    ['--import', 'tsx', join(root, 'bench/exam/bare.ts')],
    `http://127.0.0.1:${port}/healthz`,
    {
      PORT: String(port),
    },
  ).catch(async () => {
    throw new Error('bare Fastify did not start');
  });
  let reference: Row;
  try {
    const result = await runLearners({
      base: `http://127.0.0.1:${port}`,
      tokens: Array.from({ length: LEARNERS }, () => 'reference'),
      examId: EXAM,
      thinkMs: THINK_MS,
      rampMs: RAMP_MS,
    });
    reference = row('bare Fastify (reference)', result, '—');
  } finally {
    await bare.stop();
  }
  const rows: Row[] = [reference, await platformRun('SQLite', {})];
  if (process.env.BK_SKIP_POSTGRES !== '1') {
    const pg = await startPostgres();
    try {
      rows.push(await platformRun('PostgreSQL', { BK_DATABASE_URL: pg.url }));
    } finally {
      pg.stop();
    }
  }
  printTable(
    `Exam: ${LEARNERS} learners at once, 50 questions each, answers saved one by one (think ${THINK_MS} ms on average), then submitted (ms; goal p99 ≤ 50, no lost answer)`,
    rows,
  );
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
