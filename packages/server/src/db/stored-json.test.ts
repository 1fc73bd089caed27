import { parseProfileOverride, VenueSchema } from '@brightkitchen/sdk';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CorruptStoredValue, readEach, readJson, storedValue } from './stored-json.js';

const at = { table: 'things', column: 'data', id: 't1' };
const Thing = v.object({ name: v.string(), n: v.number() });

describe('readJson', () => {
  it('answers the typed value of a stored value of the right shape', () => {
    expect(readJson(Thing, '{"name":"a","n":1}', at)).toEqual({ ok: true, value: { name: 'a', n: 1 } });
  });

  it('answers a failure naming the place and the reason for bad JSON, a wrong shape, or nothing', () => {
    const bad = readJson(Thing, '{"name":', at);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/^corrupt stored value in things\.data of t1: not JSON/);
    const wrong = readJson(Thing, '{"name":"a","n":"1"}', at);
    expect(wrong.ok || wrong.error.reason).toMatch(/^n: /);
    const missing = readJson(VenueSchema, null, at);
    expect(missing.ok || missing.error.reason).toBe('missing');
  });

  it('takes a check answering a ParseResult (a region’s rule overrides)', () => {
    expect(readJson(parseProfileOverride, '{"ledger":{"sample":{"minGrams":200}}}', at).ok).toBe(true);
    const unknown = readJson(parseProfileOverride, '{"ledger":{"sample":{"grams":200}}}', at);
    expect(unknown.ok || unknown.error.reason).toMatch(/ledger\.sample\.grams/);
  });
});

describe('storedValue and readEach', () => {
  const convert = (text: string) => storedValue(readJson(Thing, text, { ...at, id: text }));

  it('a single read throws the typed failure (answered 500 INTERNAL)', () => {
    expect(() => convert('[]')).toThrow(CorruptStoredValue);
  });

  it('a list skips and reports the damaged rows, keeping the others in order', () => {
    const reported: string[] = [];
    const items = readEach(['{"name":"a","n":1}', 'oops', '{"name":"b","n":2}'], convert, (message) =>
      reported.push(message),
    );
    expect(items.map((i) => i.name)).toEqual(['a', 'b']);
    expect(reported).toEqual([expect.stringMatching(/things\.data of oops: not JSON .*\(skipped\)$/)]);
  });

  it('lets other errors through', () => {
    const boom = () => {
      throw new Error('boom');
    };
    expect(() => readEach([1], boom, () => {})).toThrow('boom');
  });
});
