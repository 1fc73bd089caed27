/**
 * docs/api.md's error codes cannot drift from the SDK's registries: its generated section is what
 * `pnpm docs:api` writes from API_ERRORS and the FIELD_* issue codes today.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_DOC, withCurrentSection } from '../scripts/docs-api.js';

describe('docs/api.md', () => {
  it('lists every API error code and field issue code as the SDK defines them (else run `pnpm docs:api`)', () => {
    const doc = readFileSync(API_DOC, 'utf8');
    expect(doc).toBe(withCurrentSection(doc));
  });
});
