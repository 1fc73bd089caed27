import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { ApiErrorCode } from '../../contract/errors.js';
import { ApiError } from './api-error.js';
import { BrightKitchenError, type ClientErrorCode, isBrightKitchenError } from './bright-kitchen-error.js';
import { errorFromResponse } from './from-response.js';
import { NetworkError } from './network-error.js';
import { RuleError } from './rule-error.js';

describe('errors', () => {
  it('serialize to the wire shape with their class name', () => {
    const text = { zh: '无权访问', en: 'You may not do this' };
    const error = new ApiError('FORBIDDEN', text, 403, { venueId: 'v1' });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ApiError',
      code: 'FORBIDDEN',
      message: text,
      status: 403,
      details: { venueId: 'v1' },
    });
    expect(new NetworkError('down').toJSON()).toEqual({
      name: 'NetworkError',
      code: 'NETWORK_ERROR',
      message: { zh: 'down', en: 'down' },
    });
  });

  it('carry the message in both languages, the English half as the standard message', () => {
    const error = errorFromResponse(409, {
      code: 'RATING_ALREADY_TODAY',
      message: { zh: '今天已经评价过该单位', en: 'You already rated this venue today' },
    });
    expect(error).toMatchObject({ code: 'RATING_ALREADY_TODAY', status: 409 });
    expect(error.text).toEqual({ zh: '今天已经评价过该单位', en: 'You already rated this venue today' });
    expect(error.message).toBe('You already rated this venue today');
    // The code is the registry's union: a typo would not compile.
    const code: ApiErrorCode | ClientErrorCode = error.code;
    expect(code).toBe('RATING_ALREADY_TODAY');
  });

  it('read a body that is not ours (a proxy page, a plain-string message) without losing the status', () => {
    expect(errorFromResponse(502, 'Bad Gateway')).toMatchObject({
      code: 'HTTP_502',
      status: 502,
      text: { zh: '服务器返回 HTTP 502', en: 'The server answered HTTP 502' },
    });
    expect(errorFromResponse(404, { code: 'NOT_FOUND', message: 'not found' }).text).toEqual({
      zh: 'not found',
      en: 'not found',
    });
  });

  it('keep their class chain for instanceof within one realm', () => {
    const rule = errorFromResponse(422, {
      code: 'LEDGER_RULE_VIOLATION',
      message: { zh: 'x', en: 'x' },
      details: { issues: [{ code: 'SAMPLE_UNDERWEIGHT', path: 'weightGrams', message: { zh: '', en: '' } }] },
    });
    expect(rule).toBeInstanceOf(RuleError);
    expect(rule).toBeInstanceOf(BrightKitchenError);
    expect(rule).toBeInstanceOf(Error);
    expect(errorFromResponse(404, { code: 'NOT_FOUND', message: { zh: 'x', en: 'x' } })).toBeInstanceOf(ApiError);
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
