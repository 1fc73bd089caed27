/**
 * The tenant-isolation matrix: every route of GET /openapi.json × every caller — the consumer, staff and
 * manager on venue A's side and on venue B's, A's regulator and another district's, a partner key, an
 * admin, nobody, a forged token, an expired token and another venue's token. Path parameters name
 * venue A's records; list filters ask for venue A. Who may act must not get 401/403/404; who may not
 * must; and nothing private to venue A ever reaches B's side.
 * A route without a matrix entry fails the suite: new routes are covered as they appear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeWechat, startFakeWechat } from '../packages/server/src/testing/fake-wechat.js';
import { DATABASES, startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { type Caller, callAs } from './support/as-caller.js';
import { fillPath, type OpenApiRoute, openApiRoutes } from './support/openapi.js';
import {
  B_SIDE,
  BAD_TOKENS,
  CALLERS,
  type CallerName,
  callersOf,
  MATRIX,
  type MatrixEntry,
  ORDERED_KEYS,
  pathValues,
  queryOf,
} from './support/route-matrix.js';
import { seedTwoVenueCity, type TwoVenueCity } from './support/two-venue-city.js';

describe.each(DATABASES)('tenant isolation on %s', (kind) => {
  let server: TestServer;
  let wechat: FakeWechat;
  let city: TwoVenueCity;
  let routes: Map<string, OpenApiRoute>;
  let callers: Record<CallerName, Caller>;

  beforeAll(async () => {
    wechat = await startFakeWechat('wx-test-app', 'wx-test-secret');
    server = await startTestServer(kind, { BK_WECHAT_API_BASE: wechat.baseUrl });
    city = await seedTwoVenueCity(server);
    routes = new Map((await openApiRoutes(server)).map((r) => [r.key, r]));
    callers = callersOf(server, city);
  });
  afterAll(async () => {
    await server?.close();
    await wechat?.close();
  });

  it('has a matrix entry for every route of the OpenAPI document, and no entry without a route', () => {
    const documented = [...routes.keys()].sort();
    expect(documented.filter((key) => !(key in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((key) => !routes.has(key))).toEqual([]);
  });

  it.each(ORDERED_KEYS)('%s: every caller gets what its role allows, and nothing of venue A leaks', async (key) => {
    const route = routes.get(key);
    if (!route) return; // reported by the coverage test above
    const entry = MATRIX[key] as MatrixEntry;
    const isPublic = entry.allow.includes('anonymous');
    const mayAct = (name: CallerName) => (BAD_TOKENS.includes(name) ? isPublic : entry.allow.includes(name));
    // Refusals first: a refused write must not change what the allowed callers then meet.
    const order = [...CALLERS].sort((x, y) => Number(mayAct(x)) - Number(mayAct(y)));
    const problems: string[] = [];

    for (const name of order) {
      const call = entry.call ? await entry.call({ server, city, wechat }) : {};
      const fresh = entry.params ? await entry.params({ server, city, wechat }) : {};
      const path = fillPath(route.path, { ...pathValues(city), ...fresh }) + queryOf(route, city);
      const res = await callAs(server, callers[name], path, { method: route.method, ...call });
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      if (mayAct(name)) {
        if ([401, 403, 404].includes(res.status) || res.status >= 500) {
          problems.push(`${name} may act but got ${res.status} ${text.slice(0, 160)}`);
        }
      } else if (!isPublic && (name === 'anonymous' || BAD_TOKENS.includes(name))) {
        if (res.status !== 401) problems.push(`${name} must get 401, got ${res.status}`);
      } else if (![401, 403, 404].includes(res.status)) {
        problems.push(`${name} may not act but got ${res.status} ${text.slice(0, 160)}`);
      }

      if (B_SIDE.includes(name) && !isPublic) {
        const leaked = city.a.privateMarks.filter((mark) => text.includes(mark));
        if (leaked.length) problems.push(`${name} saw venue A's ${leaked.join(', ')}`);
        const items = (res.body as { items?: unknown } | null)?.items;
        if (Array.isArray(items)) {
          const ofA = items.filter((item: { id?: string; venueId?: string }) =>
            [item.id, item.venueId].includes(city.a.venueId),
          );
          if (ofA.length) problems.push(`${name} listed ${ofA.length} item(s) of venue A`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
