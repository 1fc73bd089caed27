/** Pulls a district's open data through the SDK: every page of grades and rating summaries. */
import type { BrightKitchenClient, OpenGrade, Region } from '@brightkitchen/sdk';

/** The region named by id, code or name (partners may list regions). */
export async function findRegion(client: BrightKitchenClient, wanted: string): Promise<Region | undefined> {
  const { items } = await client.regions.list();
  return (
    items.find((r) => r.id === wanted) ?? items.find((r) => r.code === wanted) ?? items.find((r) => r.name === wanted)
  );
}

/** Every venue of the region (a city includes its districts), following `nextCursor`. */
export async function districtGrades(client: BrightKitchenClient, regionId: string): Promise<OpenGrade[]> {
  const all: OpenGrade[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.openData.grades({ regionId, limit: 500, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
