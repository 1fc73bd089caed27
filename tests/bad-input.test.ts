/**
 * Bad input on every write route of GET /openapi.json, sent by a caller the route allows: malformed
 * JSON, a body that is not an object, missing fields, a wrong type in each field, a body over the
 * route's limit; and ledger rule breaches. Each is answered with the registry's code and stores
 * nothing (every table's row count is unchanged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_UPLOAD_BODY_LIMIT } from '../packages/server/src/imports/routes.js';
import { type FakeWechat, startFakeWechat } from '../packages/server/src/testing/fake-wechat.js';
import { purchase } from '../packages/server/src/testing/ledger-records.js';
import { DATABASES, startTestServer, type TestServer } from '../packages/server/src/testing/test-server.js';
import { type Caller, callAs } from './support/as-caller.js';
import { fillPath, type OpenApiRoute, openApiRoutes } from './support/openapi.js';
import { type CallerName, callersOf, MATRIX, type MatrixEntry, pathValues } from './support/route-matrix.js';
import { rowCounts } from './support/row-counts.js';
import { seedTwoVenueCity, type TwoVenueCity } from './support/two-venue-city.js';

const MiB = 1024 * 1024;

/** Routes with their own body limit (docs/api.md); the others take the server-wide one. */
const ROUTE_BODY_LIMITS: Readonly<Record<string, number>> = {
  'POST /v1/venues/{venueId}/ledgers': 1 * MiB,
  'POST /v1/venues/{venueId}/complaints': 12 * MiB,
  'POST /v1/venues/{venueId}/ledger-photos': 1 * MiB,
  'POST /v1/partner/violations': 4 * MiB,
  'POST /v1/training/questions/import': 7 * MiB,
  'POST /v1/imports/{kind}': REGISTER_UPLOAD_BODY_LIMIT,
};

/** Write routes this suite does not send JSON to, and why. */
const NOT_JSON: Readonly<Record<string, string>> = {
  'POST /v1/ingest/isapi/{deviceId}': 'a device push (XML or multipart, HTTP Basic): routes/devices/isapi.e2e.test.ts',
};

/** What `{}` answers where it is not VALIDATION_FAILED. */
const MISSING_FIELDS_CODE: Readonly<Record<string, string>> = {
  'POST /v1/alerts/{alertId}/resolve': 'ALERT_CORRECTIVE_ACTION_REQUIRED',
};

interface ErrorBody {
  code: string;
  details?: { issues?: { code: string; path: string }[] };
}

interface BadCase {
  readonly name: string;
  readonly body?: unknown;
  readonly rawBody?: string;
  readonly status: number;
  readonly code: string;
  /** Field issues expected in `details.issues`. */
  readonly issues?: boolean;
}

function wrongTypeOf(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'yes';
  return 'not an object';
}

function badCases(route: OpenApiRoute, valid: Record<string, unknown>, limit: number): BadCase[] {
  const cases: BadCase[] = [
    { name: 'malformed JSON', rawBody: '{"oops": ', status: 400, code: 'VALIDATION_FAILED' },
    { name: 'a JSON array instead of an object', rawBody: '[]', status: 400, code: 'VALIDATION_FAILED' },
  ];
  const required = (route.bodySchema?.required as string[] | undefined) ?? [];
  if (required.length > 0) {
    const code = MISSING_FIELDS_CODE[route.key] ?? 'VALIDATION_FAILED';
    cases.push({
      name: 'missing fields',
      body: {},
      status: code === 'VALIDATION_FAILED' ? 400 : 422,
      code,
      issues: true,
    });
    const [first, ...rest] = required;
    if (first && rest.length > 0 && first in valid) {
      const { [first]: _dropped, ...withoutFirst } = valid;
      cases.push({
        name: `missing ${first}`,
        body: withoutFirst,
        status: 400,
        code: 'VALIDATION_FAILED',
        issues: true,
      });
    }
  }
  for (const [field, value] of Object.entries(valid)) {
    cases.push({
      name: `wrong type of ${field}`,
      body: { ...valid, [field]: wrongTypeOf(value) },
      status: 400,
      code: 'VALIDATION_FAILED',
      issues: true,
    });
  }
  cases.push({
    name: `a body over ${limit} bytes`,
    rawBody: JSON.stringify({ ...valid, padding: 'x'.repeat(limit) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  });
  return cases;
}

describe.each(DATABASES)('bad input on every write route (%s)', (kind) => {
  let server: TestServer;
  let wechat: FakeWechat;
  let city: TwoVenueCity;
  let routes: OpenApiRoute[];
  let callers: Record<CallerName, Caller>;

  beforeAll(async () => {
    wechat = await startFakeWechat('wx-test-app', 'wx-test-secret');
    server = await startTestServer(kind, { BK_WECHAT_API_BASE: wechat.baseUrl });
    city = await seedTwoVenueCity(server);
    routes = await openApiRoutes(server);
    callers = callersOf(server, city);
  });
  afterAll(async () => {
    await server?.close();
    await wechat?.close();
  });

  /** Sends one request and checks the answer's code and that no table changed. */
  async function refuses(caller: Caller, path: string, method: string, bad: BadCase, headers = {}) {
    const before = await rowCounts(server);
    const res = await server.request<ErrorBody>(path, {
      method,
      headers: { ...headers, 'content-type': 'application/json', ...authHeaders(caller) },
      rawBody: bad.rawBody ?? JSON.stringify(bad.body),
    });
    expect({ case: bad.name, status: res.status, code: res.body?.code }).toEqual({
      case: bad.name,
      status: bad.status,
      code: bad.code,
    });
    if (bad.issues) expect(res.body.details?.issues?.length, bad.name).toBeGreaterThan(0);
    expect(await rowCounts(server), `${bad.name} stored something`).toEqual(before);
  }

  function authHeaders(caller: Caller): Record<string, string> {
    return caller.kind === 'token' ? { authorization: `Bearer ${caller.token}` } : {};
  }

  it('covers every write route of the OpenAPI document', () => {
    const writes = routes.filter((r) => r.method !== 'GET' && r.bodySchema);
    expect(writes.length).toBeGreaterThan(20);
    expect(writes.filter((r) => !(r.key in MATRIX)).map((r) => r.key)).toEqual([]);
  });

  it('answers every kind of bad body on every write route with its code, and stores nothing', async () => {
    const writes = routes.filter((r) => r.method !== 'GET' && r.bodySchema && !(r.key in NOT_JSON));
    for (const route of writes) {
      const entry = MATRIX[route.key] as MatrixEntry;
      // A user the route allows (partner routes are signed: sent through callAs below).
      const callerName = entry.allow.find((name) => name !== 'anonymous') ?? 'anonymous';
      const caller = callers[callerName];
      const call = entry.call ? await entry.call({ server, city, wechat }) : {};
      const valid = (call.body ?? {}) as Record<string, unknown>;
      const fresh = entry.params ? await entry.params({ server, city, wechat }) : {};
      const path = fillPath(route.path, { ...pathValues(city), ...fresh });
      const limit = ROUTE_BODY_LIMITS[route.key] ?? server.config.bodyLimit;
      for (const bad of badCases(route, valid, limit)) {
        if (caller.kind === 'partner') {
          const before = await rowCounts(server);
          const res = await callAs<ErrorBody>(server, caller, path, {
            method: route.method,
            body: bad.rawBody !== undefined ? JSON.parse(bad.rawBody.endsWith(': ') ? '{}' : bad.rawBody) : bad.body,
            ...(call.headers ? { headers: call.headers } : {}),
          });
          if (bad.name === 'malformed JSON') continue; // a signed body is valid JSON by construction
          expect({ route: route.key, case: bad.name, status: res.status, code: res.body.code }).toEqual({
            route: route.key,
            case: bad.name,
            status: bad.status,
            code: bad.code,
          });
          expect(await rowCounts(server)).toEqual(before);
          continue;
        }
        await refuses(caller, path, route.method, { ...bad, name: `${route.key}: ${bad.name}` }, call.headers);
      }
    }
  });

  describe('ledgers', () => {
    const ledgerPath = () => `/v1/venues/${city.a.venueId}/ledgers`;
    const staff = () => callers.staffA;

    it('refuses a rule breach with 422 LEDGER_RULE_VIOLATION and its issues, storing nothing', async () => {
      const before = await rowCounts(server);
      const res = await server.request<ErrorBody>(ledgerPath(), {
        token: city.staffer.token,
        body: purchase({ shelfLifeDays: 1 }),
        headers: { 'idempotency-key': 'bad-input-expired-1' },
      });
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('LEDGER_RULE_VIOLATION');
      expect(res.body.details?.issues?.map((i) => i.code)).toContain('LEDGER_PURCHASE_EXPIRED');
      expect(await rowCounts(server)).toEqual(before);
      // The key was not spent: the corrected record goes through under it.
      const fixed = await server.request(ledgerPath(), {
        token: city.staffer.token,
        body: purchase(),
        headers: { 'idempotency-key': 'bad-input-expired-1' },
      });
      expect(fixed.status).toBe(201);
    });

    it('refuses a write without Idempotency-Key, or for another venue, storing nothing', async () => {
      await refuses(staff(), ledgerPath(), 'POST', {
        name: 'no key',
        body: purchase(),
        status: 400,
        code: 'IDEMPOTENCY_KEY_REQUIRED',
      });
      await refuses(
        staff(),
        ledgerPath(),
        'POST',
        { name: 'bad key', body: purchase(), status: 400, code: 'VALIDATION_FAILED', issues: true },
        { 'idempotency-key': 'short' },
      );
      await refuses(
        staff(),
        ledgerPath(),
        'POST',
        {
          name: 'another venue',
          body: { ...purchase(), venueId: city.venues.restaurant },
          status: 400,
          code: 'VALIDATION_FAILED',
          issues: true,
        },
        { 'idempotency-key': 'bad-input-other-venue' },
      );
    });

    it('answers a batch rule breach per record, and a batch of only bad records stores nothing', async () => {
      const before = await rowCounts(server);
      const res = await server.request<{ results: { status: number; body: ErrorBody }[] }>(`${ledgerPath()}/batch`, {
        token: city.staffer.token,
        body: {
          records: [
            { idempotencyKey: 'bad-batch-0001', record: purchase({ shelfLifeDays: 1 }) },
            { idempotencyKey: 'bad-batch-0002', record: { ...purchase(), quantity: 'four' } },
          ],
        },
      });
      expect(res.status).toBe(200);
      expect(res.body.results.map((r) => [r.status, r.body.code])).toEqual([
        [422, 'LEDGER_RULE_VIOLATION'],
        [400, 'VALIDATION_FAILED'],
      ]);
      expect(res.body.results[0]?.body.details?.issues?.length).toBeGreaterThan(0);
      // A record missing what the regulations require is a rule breach too (422), not a shape problem.
      const missing = await server.request<ErrorBody>(ledgerPath(), {
        token: city.staffer.token,
        body: { kind: 'purchase_inspection' },
        headers: { 'idempotency-key': 'bad-input-missing-fields' },
      });
      expect([missing.status, missing.body.code]).toEqual([422, 'LEDGER_RULE_VIOLATION']);
      expect(missing.body.details?.issues?.map((i) => i.code)).toContain('LEDGER_PURCHASE_FIELD_MISSING');
      expect(await rowCounts(server)).toEqual(before);
    });

    it('refuses a correction of a missing record, of another kind, twice, or without a reason, storing nothing', async () => {
      const key = (n: string) => ({ 'idempotency-key': `bad-input-correction-${n}` });
      await refuses(
        staff(),
        ledgerPath(),
        'POST',
        {
          name: 'correcting no record of the venue',
          body: purchase({ corrects: { recordId: 'led_missing', reason: '数量有误' } }),
          status: 400,
          code: 'VALIDATION_FAILED',
          issues: true,
        },
        key('missing'),
      );
      await refuses(
        staff(),
        ledgerPath(),
        'POST',
        {
          name: 'correcting a morning check with a purchase',
          body: purchase({ corrects: { recordId: city.a.ledgerEntryId, reason: '数量有误' } }),
          status: 422,
          code: 'LEDGER_RULE_VIOLATION',
          issues: true,
        },
        key('kind'),
      );
      await refuses(
        staff(),
        ledgerPath(),
        'POST',
        {
          name: 'a correction without a reason',
          body: purchase({ corrects: { recordId: city.a.ledgerEntryId, reason: '' } }),
          status: 422,
          code: 'LEDGER_RULE_VIOLATION',
          issues: true,
        },
        key('reason'),
      );
    });
  });
});
