/**
 * The SDK as a partner installs it: packed with `pnpm pack`, checked by publint and Are the Types Wrong, unpacked into
 * a throwaway node_modules (its dependencies linked from this workspace, nothing downloaded), then required from
 * CommonJS, imported from an ES module and type-checked by TypeScript with `node16` and `bundler` resolution.
 * Needs the built dist (`pnpm --filter @brightkitchen/sdk build`; CI builds before testing).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const sdkDir = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

let work = '';
let tarball = '';
let consumer = '';

async function node(file: string, ...flags: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, [...flags, file], { cwd: consumer });
  return JSON.parse(stdout);
}

beforeAll(async () => {
  if (!existsSync(join(sdkDir, 'dist/index.js'))) {
    throw new Error('packages/sdk/dist is missing: run `pnpm --filter @brightkitchen/sdk build` first');
  }
  work = await mkdtemp(join(tmpdir(), 'bk-sdk-pack-'));
  await run('pnpm', ['pack', '--pack-destination', work], { cwd: sdkDir });
  const packed = (await readdir(work)).find((f) => f.endsWith('.tgz'));
  if (!packed) throw new Error(`pnpm pack wrote no tarball in ${work}`);
  tarball = join(work, packed);

  // A consumer project: the tarball unpacked as node_modules/@brightkitchen/sdk, its dependencies linked.
  consumer = join(work, 'consumer');
  const installed = join(consumer, 'node_modules/@brightkitchen/sdk');
  await mkdir(dirname(installed), { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', work]);
  await rename(join(work, 'package'), installed);
  const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const dependency of Object.keys(manifest.dependencies)) {
    const link = join(consumer, 'node_modules', dependency);
    await mkdir(dirname(link), { recursive: true });
    await symlink(await realpath(join(sdkDir, 'node_modules', dependency)), link, 'dir');
  }
}, 60_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed SDK', () => {
  it('passes publint (strict) with no message', async () => {
    const bytes = await readFile(tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer },
      strict: true,
    });
    expect(messages.map((m) => formatMessage(m, pkg) ?? m.code)).toEqual([]);
  });

  it('passes Are the Types Wrong for every entry and resolution mode', async () => {
    const cli = require.resolve('@arethetypeswrong/cli/package.json').replace(/package\.json$/, 'dist/index.js');
    const { stdout } = await run(process.execPath, [cli, tarball, '--format', 'json'], {
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as {
      problems: unknown[] | Record<string, unknown[]>;
      analysis: { entrypoints: Record<string, unknown> };
    };
    expect(Object.keys(report.analysis.entrypoints)).toEqual(
      expect.arrayContaining(['.', './node', './taro', './training', './listing', './warehouse']),
    );
    expect(Object.values(report.problems).flat()).toEqual([]);
  }, 30_000);

  it('ships the README, the LICENSE and no source or test file', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n');
    expect(files).toEqual(expect.arrayContaining(['package/README.md', 'package/LICENSE', 'package/package.json']));
    expect(files.filter((f) => /\.test\.|__tests__|\/src\//.test(f))).toEqual([]);
  });
});

/** What both module systems report: every entry loads, and an error from one entry is an instance of the core's class. */
const probe = (load: string) => `${load}
const taro = load('@brightkitchen/sdk/taro');
const error = new node.ApiError('NOT_FOUND', { zh: '未找到', en: 'Not found' }, 404);
process.stdout.write(JSON.stringify({
  nodeIsCore: error instanceof core.ApiError && error instanceof core.BrightKitchenError,
  taroIsCore: new taro.NetworkError('offline') instanceof core.BrightKitchenError,
  sameFunction: node.createClient === core.createClient && taro.parse === core.parse,
  sha256: core.sha256Hex('明厨亮灶'),
  rating: core.parse(core.RatingInputSchema, { faces: { dishes: 'satisfied', hygiene: 'neutral', service: 'satisfied' } }).ok,
  listing: typeof load('@brightkitchen/sdk/listing').scoreListing,
  training: typeof load('@brightkitchen/sdk/training').scoreExam,
  coreHasListing: 'scoreListing' in core,
}));
`;

const expected = {
  nodeIsCore: true,
  taroIsCore: true,
  sameFunction: true,
  // node:crypto's hex of '明厨亮灶': the chain's hash is the same in every build.
  sha256: '4be6670f694b89c36b9ff6a2dca499ff65a493a47d87c47261118cf264a54839',
  rating: true,
  listing: 'function',
  training: 'function',
  coreHasListing: false,
};

describe('the installed SDK at run time', () => {
  it('works from CommonJS require, without require(esm), with one copy of the code behind every entry', async () => {
    await writeFile(
      join(consumer, 'probe.cjs'),
      probe(`const load = require;
const core = require('@brightkitchen/sdk');
const node = require('@brightkitchen/sdk/node');`),
    );
    // Node < 20.19 and Jest cannot require an ES module: the CommonJS build must not need to.
    const result = await node('probe.cjs', '--no-experimental-require-module');
    expect(result).toEqual(expected);
  });

  it('works from an ES module import, with one copy of the code behind every entry', async () => {
    await writeFile(
      join(consumer, 'probe.mjs'),
      probe(`const entries = {
  '@brightkitchen/sdk/taro': await import('@brightkitchen/sdk/taro'),
  '@brightkitchen/sdk/listing': await import('@brightkitchen/sdk/listing'),
  '@brightkitchen/sdk/training': await import('@brightkitchen/sdk/training'),
};
const load = (name) => entries[name];
const core = await import('@brightkitchen/sdk');
const node = await import('@brightkitchen/sdk/node');`),
    );
    expect(await node('probe.mjs')).toEqual(expected);
  });
});

/** A partner's TypeScript file: every entry, a type from one entry used with a value from another. */
const consumerSource = `import { ApiError, type BrightKitchenClient, parse, RatingInputSchema, sha256Hex } from '@brightkitchen/sdk';
import { createNodeClient, ApiError as NodeApiError } from '@brightkitchen/sdk/node';
import { createTaroTransport, type TaroLike } from '@brightkitchen/sdk/taro';
import { scoreExam, type Question } from '@brightkitchen/sdk/training';
import { scoreListing, type ListingInput } from '@brightkitchen/sdk/listing';

export const client: BrightKitchenClient = createNodeClient({ baseURL: 'http://127.0.0.1:8080' });
export const isApiError = (e: unknown): e is ApiError => e instanceof NodeApiError;
export const rating = parse(RatingInputSchema, {});
export const faces: string | undefined = rating.ok ? rating.value.faces.dishes : undefined;
export const hash: string = sha256Hex(new Uint8Array([1, 2]));
export const transport = (taro: TaroLike) => createTaroTransport(taro);
export const score = (questions: Question[]) => scoreExam({ questions, passScore: 80 }, {}).score;
export const list = (input: ListingInput) => scoreListing(input).list;
`;

describe('the installed SDK in TypeScript', () => {
  const tsc = require.resolve('typescript/bin/tsc');
  // skipLibCheck as most projects set it: resolution and the consumer's use of every type are checked (a missing
  // `.d.cts` fails here); checking all 500 KB of declarations again would take 20 s on a busy machine.
  const strict = { strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ['ES2022', 'DOM'] };

  async function typecheck(name: string, compilerOptions: Record<string, unknown>, files: Record<string, string>) {
    const dir = join(consumer, name);
    await mkdir(dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
    const tsconfig = { compilerOptions: { ...strict, ...compilerOptions }, files: Object.keys(files) };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    return run(process.execPath, [tsc, '-p', dir]).then(
      () => '',
      (failure: { stdout?: string }) => failure.stdout ?? String(failure),
    );
  }

  it('type-checks with moduleResolution node16 (from an ES module and from CommonJS) and bundler', async () => {
    const [node16, bundler] = await Promise.all([
      typecheck(
        'node16',
        { module: 'node16', moduleResolution: 'node16' },
        { 'consumer.mts': consumerSource, 'consumer.cts': consumerSource },
      ),
      typecheck('bundler', { module: 'esnext', moduleResolution: 'bundler' }, { 'consumer.ts': consumerSource }),
    ]);
    expect({ node16, bundler }).toEqual({ node16: '', bundler: '' });
  }, 30_000);
});
