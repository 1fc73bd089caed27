/** The region tree: a region with its ancestors (a city's courses reach its districts) or with what is under it. */
import type { Database } from '../db/index.js';

const PARENTS_TTL_MS = 60_000;
const parentsOf = new WeakMap<Database, { at: number; parents: Map<string, string | null> }>();

/**
 * The region and its ancestors, nearest first (at most 8 levels: a loop in the data cannot hang a request). The
 * region tree is read once a minute per instance: regions are added rarely, and a new one is only ever a leaf
 * whose own id comes first here anyway.
 */
export async function regionChain(database: Database, regionId: string): Promise<string[]> {
  let cached = parentsOf.get(database);
  if (!cached || Date.now() - cached.at > PARENTS_TTL_MS || !cached.parents.has(regionId)) {
    const rows = await database.db.selectFrom('regions').select(['id', 'parent_id']).execute();
    cached = { at: Date.now(), parents: new Map(rows.map((r) => [r.id, r.parent_id])) };
    parentsOf.set(database, cached);
  }
  const chain: string[] = [];
  let current: string | null | undefined = regionId;
  while (current && chain.length < 8 && !chain.includes(current)) {
    chain.push(current);
    current = cached.parents.get(current);
  }
  return chain;
}

/** Every region under the given ones (themselves included): a city's regulator sees its districts' figures. */
export async function regionsUnder({ db }: Database, roots: readonly string[]): Promise<string[]> {
  const all = await db.selectFrom('regions').select(['id', 'parent_id']).execute();
  const children = new Map<string, string[]>();
  for (const r of all) {
    if (r.parent_id) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r.id]);
  }
  const out = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...out];
}
