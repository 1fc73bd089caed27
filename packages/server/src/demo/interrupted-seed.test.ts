/**
 * A seeding stopped half-way leaves a mark; the next start removes what it wrote and seeds the whole city again.
 * Every table a seeding fills must be one the discard empties (SEEDED_TABLES), or a second seeding would collide.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../accounts/index.js';
import { DATABASES, startTestServer, type TestServer } from '../testing/test-server.js';
import { discardInterruptedSeed, markSeedingBegun, SEEDED_TABLES } from './interrupted-seed.js';
import { seedDemoCity } from './seed.js';

const SMALL = { venues: 11, days: 2 } as const;

describe.each(DATABASES)('an interrupted demo seeding on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { BK_DEVICES: 'off' });
  });
  afterAll(() => server?.close());

  const count = async (table: string) => {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
      server.database.db,
    );
    return Number(rows[0]?.n ?? 0);
  };
  const mark = () =>
    server.database.db.selectFrom('engine_cursors').select('value').where('name', '=', 'demo-seed').executeTakeFirst();

  it('stops between two writes, leaving its mark on a half city', async () => {
    const stop = new AbortController();
    const seeding = seedDemoCity(server.database, {
      ...SMALL,
      signal: stop.signal,
      onProgress: ({ phase, done }) => {
        if (phase === 'ledgers' && done === 3) stop.abort(new Error('SIGTERM'));
      },
    });
    await expect(seeding).rejects.toThrow('SIGTERM');
    expect(await mark()).toBeDefined();
    expect(await count('venues')).toBe(SMALL.venues);
    expect(await count('ratings')).toBe(0);
  });

  it('is undone by the next start, which then seeds the whole city', async () => {
    expect(await discardInterruptedSeed(server.database)).toBe(true);
    for (const table of SEEDED_TABLES) expect(await count(table), table).toBe(0);
    expect(await mark()).toBeUndefined();
    expect(await discardInterruptedSeed(server.database)).toBe(false);

    const result = await seedDemoCity(server.database, SMALL);
    expect(result.counts.venues).toBe(SMALL.venues);
    expect(await count('ratings')).toBe(result.counts.ratings);
    expect(await mark()).toBeUndefined();
    // A complete city is left alone.
    expect(await discardInterruptedSeed(server.database)).toBe(false);
    expect(await count('venues')).toBe(SMALL.venues);
  });

  it('fills only tables the discard empties', async () => {
    const tables = await server.database.db.introspection.getTables();
    const filled: string[] = [];
    for (const { name } of tables) if ((await count(name)) > 0) filled.push(name);
    expect(filled.filter((name) => !(SEEDED_TABLES as readonly string[]).includes(name))).toEqual([]);
  });
});

describe('the seeding mark', () => {
  it('is only set on a fresh database: rows someone made are never discarded', async () => {
    const server = await startTestServer('sqlite', { BK_DEVICES: 'off' });
    try {
      await createUser(server.database, { role: 'admin', displayName: 'Ops', login: 'ops' });
      expect(await markSeedingBegun(server.database.db, new Date().toISOString())).toBe(false);
      expect(await discardInterruptedSeed(server.database)).toBe(false);
    } finally {
      await server.close();
    }
  });
});
