/**
 * The demo's published red and black lists: last month's, for the home district, computed with the documented
 * formula from the seeded month and published by its regulator — what a consumer sees on the
 * lists page and as a badge on a listed venue's page right after `pnpm start`.
 */
import { monthPeriod } from '@brightkitchen/sdk/listing';
import type { Database } from '../db/index.js';
import { computeDraft, publishDraft } from '../listings/service.js';

export async function seedDemoLists(
  database: Database,
  target: { readonly regionId: string; readonly regulatorId: string; readonly now: Date },
): Promise<{ readonly red: number; readonly black: number }> {
  const draft = await computeDraft(
    database,
    () => undefined,
    target.regulatorId,
    { regionId: target.regionId, period: monthPeriod(target.now, 1) },
    target.now,
  );
  const published = await publishDraft(database, draft.id, target.regulatorId, target.now);
  return { red: published.red.length, black: published.black.length };
}
