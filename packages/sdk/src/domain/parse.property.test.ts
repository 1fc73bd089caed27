import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FIELD_ISSUE_CODES } from '../contract/errors-fields.js';
import { exportedSchemas } from './__tests__/exported-schemas.js';
import * as fx from './__tests__/fixtures.js';
import * as domain from './index.js';
import { parse } from './parse.js';

const schemas = exportedSchemas.map(([, schema]) => schema);

const codes = new Set<string>(FIELD_ISSUE_CODES);

function wellFormed(result: ReturnType<typeof parse>): boolean {
  if (result.ok) return true;
  return (
    result.issues.length > 0 &&
    result.issues.every(
      (issue) =>
        codes.has(issue.code) && typeof issue.path === 'string' && issue.message.zh !== '' && issue.message.en !== '',
    )
  );
}

describe('parse on random input', () => {
  it('never throws and always answers a value or well-formed issues', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...schemas),
        fc.anything({ withNullPrototype: true, withMap: true, withSet: true }),
        (schema, input) => wellFormed(parse(schema, input)),
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws on JSON a client could send', () => {
    fc.assert(
      fc.property(fc.constantFrom(...schemas), fc.jsonValue(), (schema, input) => wellFormed(parse(schema, input))),
      { numRuns: 3000 },
    );
  });

  it('points every issue of a corrupted venue at a field that exists in the input', () => {
    const keys = Object.keys(fx.venue);
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.boolean()),
        (key, value) => {
          const result = parse(domain.VenueSchema, { ...fx.venue, [key]: value });
          if (result.ok) return true;
          return result.issues.every((issue) => issue.path === key || issue.path.startsWith(`${key}.`));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
