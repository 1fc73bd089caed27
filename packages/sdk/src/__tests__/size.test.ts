/**
 * Size where users pay it: named imports from the built package (packages/sdk/dist), bundled, minified and gzipped
 * as a partner's bundler would. Needs the build (`pnpm --filter @brightkitchen/sdk build`; CI builds first).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgets, distFile, measure } from '../../scripts/measure-dist.mjs';

describe('bundle size of the built SDK', () => {
  it('has a build to measure', () => {
    expect(existsSync(distFile('.')), 'run `pnpm --filter @brightkitchen/sdk build` first').toBe(true);
  });

  it.each(budgets.map((b) => [b.name, b] as const))('%s stays within its budget', async (_name, budget) => {
    const { gzip, inputs } = await measure(budget);
    const largest = inputs.slice(0, 8).map((i) => `${i.bytes} B ${i.path.replace(/^.*node_modules\//, '')}`);
    expect(gzip / 1024, `largest parts:\n${largest.join('\n')}`).toBeLessThanOrEqual(budget.budgetKB);
  });

  it('leaves out what the imports do not use: the consumer subset has no client, rules or dayjs', async () => {
    const consumer = budgets.find((b) => b.imports.includes('RatingInputSchema'));
    const { inputs } = await measure(consumer ?? { entry: '.', imports: ['RatingInputSchema'] });
    const paths = inputs.filter((i) => i.bytes > 0).map((i) => i.path);
    expect(paths.filter((p) => /dist\/(client|rules|listing|training)\/|dayjs|mitt|@noble/.test(p))).toEqual([]);
  });
});
