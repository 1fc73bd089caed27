import { it } from 'vitest';
import { startTestServer } from '../packages/server/src/testing/test-server.js';
import { seedTwoVenueCity } from './support/two-venue-city.js';
it('scratch', async () => {
  const s = await startTestServer('sqlite');
  const city = await seedTwoVenueCity(s);
  const res = await s.request(`/v1/venues/${city.a.venueId}/ledgers`, { token: city.staffer.token, body: { kind: 'purchase_inspection' }, headers: { 'idempotency-key': 'abcdefghij' } });
  console.log('RES', res.status, JSON.stringify(res.body).slice(0, 900));
  await s.close();
});
