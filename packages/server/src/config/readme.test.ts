/** Every variable of the server's table has its row, default included, in the README's "Configuration". */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultText, SERVER_VARIABLES } from './variables.js';

const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
const section = readme.slice(
  readme.indexOf('\n## Configuration'),
  readme.indexOf('\n## ', readme.indexOf('\n## Configuration') + 1),
);

describe('README.md "Configuration"', () => {
  it('has a row with the default of every server variable', () => {
    const rows = new Map(
      section
        .split('\n')
        .filter((line) => line.startsWith('| `BK_'))
        .map((line) => [line.slice(3, line.indexOf('`', 3)), line] as const),
    );
    for (const [name, variable] of Object.entries(SERVER_VARIABLES)) {
      const row = rows.get(name);
      expect(row, `README.md has no row for ${name}`).toBeDefined();
      expect(row, `${name}'s default in README.md`).toContain(defaultText(variable));
      if ('flag' in variable) expect(row, `${name}'s flag in README.md`).toContain(`--${variable.flag}`);
    }
  });
});
