/**
 * The README's "Configuration" part cannot drift: every BK_* variable that any program or test of the
 * repository reads or sets appears in README.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const SKIPPED = new Set(['node_modules', 'dist', 'dist-h5', 'artifacts', 'data', 'coverage', '.git']);
const SOURCE = /\.(ts|tsx|js|mjs|cjs|json|md)$|^run$/;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (SOURCE.test(entry.name) && path !== join(root, 'README.md')) yield path;
  }
}

describe('README.md', () => {
  it('documents every BK_* variable the repository reads or sets', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const undocumented = new Map<string, string>();
    for (const file of sourceFiles(root)) {
      for (const [name] of readFileSync(file, 'utf8').matchAll(/\bBK_[A-Z][A-Z0-9_]*\b/g)) {
        if (!readme.includes(`\`${name}\``) && !undocumented.has(name)) undocumented.set(name, file.slice(root.length));
      }
    }
    expect(Object.fromEntries(undocumented)).toEqual({});
  });
});
