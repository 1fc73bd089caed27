/**
 * A real server on 127.0.0.1 (random port) for tests, on SQLite (temp dir) or PostgreSQL
 * (a fresh database per server when BK_TEST_DATABASE_URL is set). Requests go over real HTTP.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { loadConfig, type ServerConfig } from '../config.js';
import type { Database, DialectKind } from '../db/index.js';

/** The databases every suite runs on: SQLite always, PostgreSQL when BK_TEST_DATABASE_URL is set. */
export const DATABASES: readonly DialectKind[] = process.env.BK_TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * PostgreSQL test servers are two instances on one database behind a round-robin balancer, as a cluster runs
 * (`BK_TEST_CLUSTER=0`: one). On PostgreSQL one instance runs the same code as a member of a cluster (it shares
 * through the database either way), so the pair covers it.
 */
export const TEST_CLUSTER = process.env.BK_TEST_CLUSTER !== '0';

/** The one token secret of every PostgreSQL test server (instances sharing a database share it). */
export const TEST_TOKEN_SECRET = 'bk-test-token-secret-0123456789abcdef';

export interface TestResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface RequestOptions {
  readonly method?: string;
  readonly token?: string;
  readonly body?: unknown;
  /** Sent as is (no JSON encoding). */
  readonly rawBody?: string | Uint8Array;
  readonly headers?: Record<string, string>;
}

export interface TestServer {
  readonly app: FastifyInstance;
  /** Every instance: `app`, and on PostgreSQL its twin (TEST_CLUSTER; a suite driving a clock sets it on both). */
  readonly instances: readonly FastifyInstance[];
  readonly baseUrl: string;
  readonly config: ServerConfig;
  readonly database: Database;
  request<T = unknown>(path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** The routes a balancer sends to the instance running the live video (BK_VIDEO=on). */
const VIDEO_PATH = /^\/v1\/(live|recordings)\/|\/kitchen\.jpg(\?|$)|\/cameras\/[^/]+\/playback(\?|$)/;

/** Suites make many calls from one loopback address as a few users; the limits' own suite sets them low. */
const HIGH_LIMITS = {
  BK_LIMIT_LOGIN_PER_IP: '100000',
  BK_LIMIT_PUBLIC_PER_IP: '1000000',
  BK_LIMIT_CONSUMER_DAILY: 'ratings=100000,notices=100000,complaints=100000,photoBytes=10000000000',
  BK_LIMIT_SMS_PER_IP: '100000',
  BK_LIMIT_SMS_PER_PHONE: '100000',
} as const;

export async function startTestServer(kind: DialectKind, env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bk-server-test-'));
  let dropDatabase = async () => {};
  let databaseUrl = '';
  if (kind === 'postgres') {
    const adminUrl = process.env.BK_TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('BK_TEST_DATABASE_URL is not set');
    const created = await createPostgresDatabase(adminUrl);
    databaseUrl = created.url;
    dropDatabase = created.drop;
  }
  const config = loadConfig({
    BK_DATA_DIR: dataDir,
    BK_DATABASE_URL: databaseUrl,
    ...(kind === 'postgres' ? { BK_TOKEN_SECRET: TEST_TOKEN_SECRET } : {}),
    BK_LOG_LEVEL: 'silent',
    BK_WECHAT_APPID: 'wx-test-app',
    BK_WECHAT_SECRET: 'wx-test-secret',
    ...HIGH_LIMITS,
    ...env,
  });
  const app = await buildApp(config, { logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = address.replace('[::1]', '127.0.0.1');
  // PostgreSQL (unless BK_TEST_CLUSTER=0): a second instance on the same PostgreSQL database (own data folder, same secrets), and
  // `request` alternates between the two as a round-robin balancer would. `app` stays the first (it leads the
  // clock work, and suites drive its devices runtime) and runs the live video: the twin has BK_VIDEO=elsewhere, and
  // the balancer sends the video routes to `app`, as docs/deploy.md tells a balancer to.
  const twinDir = kind === 'postgres' && TEST_CLUSTER ? mkdtempSync(join(tmpdir(), 'bk-twin-')) : '';
  const twin = twinDir
    ? await buildApp(
        loadConfig({
          ...Object.fromEntries(Object.entries(env)),
          BK_DATA_DIR: twinDir,
          BK_DATABASE_URL: databaseUrl,
          BK_TOKEN_SECRET: config.tokenSecret,
          BK_LEDGER_SIGNING_KEY: config.ledgerSigningKey,
          BK_LOG_LEVEL: 'silent',
          BK_WECHAT_APPID: config.wechat.appId,
          BK_WECHAT_SECRET: config.wechat.secret,
          ...HIGH_LIMITS,
          ...env,
          ...(config.video.offered ? { BK_VIDEO: 'elsewhere' } : {}),
        }),
        { logger: false },
      )
    : undefined;
  const bases = [baseUrl];
  if (twin) bases.push((await twin.listen({ port: 0, host: '127.0.0.1' })).replace('[::1]', '127.0.0.1'));
  let turn = 0;

  return {
    app,
    baseUrl,
    config,
    database: app.ctx.database,
    instances: twin ? [app, twin] : [app],
    async request<T>(path: string, options: RequestOptions = {}): Promise<TestResponse<T>> {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | Uint8Array | undefined = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const base = VIDEO_PATH.test(path) ? baseUrl : (bases[turn++ % bases.length] ?? baseUrl);
      const res = await fetch(`${base}${path}`, {
        method: options.method ?? (body === undefined ? 'GET' : 'POST'),
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const text = await res.text();
      // A person's next request comes later than the cluster's notifications take to arrive (under a millisecond
      // here): after a write, the balancer waits until every instance has them, so a suite's next line is that request.
      if (twin && (options.method ?? (body === undefined ? 'GET' : 'POST')) !== 'GET') {
        await Promise.all([app, twin].map((instance) => instance.ctx.cluster.sync()));
      }
      let parsed: unknown = text;
      if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
      return { status: res.status, headers: res.headers, body: parsed as T };
    },
    async close() {
      await twin?.close();
      if (twinDir) rmSync(twinDir, { recursive: true, force: true });
      await app.close();
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
