import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { BrightKitchenError, isBrightKitchenError } from './bright-kitchen-error.js';
import { errorFromResponse } from './from-response.js';
import { NetworkError } from './network-error.js';
import { RuleError } from './rule-error.js';

describe('errors', () => {
  it('serialize to the wire shape with their class name', () => {
    const error = new ApiError('FORBIDDEN', '无权访问 / You may not do this', 403, { venueId: 'v1' });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ApiError',
      code: 'FORBIDDEN',
      message: '无权访问 / You may not do this',
      status: 403,
      details: { venueId: 'v1' },
    });
    expect(new NetworkError('down').toJSON()).toEqual({ name: 'NetworkError', code: 'NETWORK_ERROR', message: 'down' });
  });

  it('keep their class chain for instanceof within one realm', () => {
    const rule = errorFromResponse(422, {
      code: 'LEDGER_RULE_VIOLATION',
      message: 'x',
      details: { issues: [{ code: 'SAMPLE_UNDERWEIGHT', path: 'weightGrams', message: { zh: '', en: '' } }] },
    });
    expect(rule).toBeInstanceOf(RuleError);
    expect(rule).toBeInstanceOf(BrightKitchenError);
    expect(rule).toBeInstanceOf(Error);
    expect(errorFromResponse(404, { code: 'NOT_FOUND', message: 'x' })).toBeInstanceOf(ApiError);
  });

  it('are recognised by the guard across realms, and nothing else is', () => {
    const foreign = runInNewContext(
      `const e = new Error('x'); e.name = 'ApiError'; e.code = 'FORBIDDEN'; e[Symbol.for('@brightkitchen/sdk/error')] = true; e`,
    ) as unknown;
    expect(foreign instanceof BrightKitchenError).toBe(false);
    expect(isBrightKitchenError(foreign)).toBe(true);
    expect(isBrightKitchenError(foreign, 'ApiError')).toBe(true);
    expect(isBrightKitchenError(foreign, 'RuleError')).toBe(false);
    expect(isBrightKitchenError(Object.assign(new Error('x'), { code: 'FORBIDDEN' }))).toBe(false);
    expect(isBrightKitchenError(null)).toBe(false);
  });
});
