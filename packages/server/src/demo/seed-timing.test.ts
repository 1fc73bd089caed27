import { it } from 'vitest';
import { startTestServer } from '../testing/test-server.js';
import { seedDemoCity } from './seed.js';

it('times the full seed', async () => {
  const server = await startTestServer('sqlite');
  const r = await seedDemoCity(server.database, { onProgress: (p) => p.phase !== 'ledgers' && console.log(p.phase, Date.now()) });
  console.log(r.ms, r.counts);
  await server.close();
}, 120_000);
