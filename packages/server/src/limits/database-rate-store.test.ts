import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { databaseRateStore } from './database-rate-store.js';

const MINUTE = 60_000;

/** Counts one request of `address` and answers the count the limiter compares with its maximum. */
function hit(store: FastifyRateLimitStore, address: string): Promise<number> {
  return new Promise((resolve, reject) =>
    store.incr(address, (error, result) => (error || !result ? reject(error) : resolve(result.current)), MINUTE, 1000),
  );
}

describe('the shared rate counters of a cluster (PostgreSQL)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('postgres');
  });
  afterAll(() => server.close());

  // Two stores on one database stand for two instances behind a balancer.
  const instances = () => {
    const ctors = [0, 1].map(() => databaseRateStore(server.database, { batched: new Set(['public']) }));
    const stores = ctors.map((Store) => new Store({}).child({ groupId: 'public' } as never));
    const logins = ctors.map((Store) => new Store({}).child({ groupId: 'login' } as never));
    return { ctors, stores, logins };
  };

  it('counts an address’s public requests on both instances together once they have flushed', async () => {
    const { ctors, stores } = instances();
    const [a, b] = stores as [FastifyRateLimitStore, FastifyRateLimitStore];
    const [A, B] = ctors as [ReturnType<typeof databaseRateStore>, ReturnType<typeof databaseRateStore>];
    const address = `198.51.100.${Math.floor(Math.random() * 200)}`;
    for (let i = 0; i < 3; i++) await hit(a, address);
    expect(await hit(b, address)).toBe(1);
    expect(await hit(b, address)).toBe(2);
    await A.flush();
    await B.flush();
    // B's flush read A's three: its next request counts all six.
    expect(await hit(b, address)).toBe(6);
    await B.flush();
    await hit(a, address);
    await A.flush();
    // A learns of B's requests at its own next flush: seven so far, and this is the eighth.
    expect(await hit(a, address)).toBe(8);
    for (const ctor of ctors) ctor.close();
  });

  it('counts logins exactly, every request in the database', async () => {
    const { ctors, logins } = instances();
    const [a, b] = logins as [FastifyRateLimitStore, FastifyRateLimitStore];
    const address = `203.0.113.${Math.floor(Math.random() * 200)}`;
    expect(await hit(a, address)).toBe(1);
    expect(await hit(b, address)).toBe(2);
    expect(await hit(a, address)).toBe(3);
    for (const ctor of ctors) ctor.close();
  });
});
