/** The regions a regulator may write for (its own and those under them; an admin: every region), for the forms. */
import type { Me, Region } from '@brightkitchen/sdk';
import { client } from '../api';

export async function writableRegions(): Promise<readonly Region[]> {
  const [me, regions] = await Promise.all([
    client.request<Me>({ method: 'GET', path: '/v1/me' }),
    client.regions.list({ limit: 200 }),
  ]);
  if (me.user.role === 'admin') return regions.items;
  const overseen = new Set(me.regionIds);
  return regions.items.filter((r) => overseen.has(r.id) || (r.parentId !== undefined && overseen.has(r.parentId)));
}

/** A `datetime-local` value read as Asia/Shanghai (UTC+8, no daylight saving) → ISO instant. */
export const shanghaiInstant = (local: string) => new Date(`${local}:00+08:00`).toISOString();

/** An instant as a `datetime-local` value in Asia/Shanghai. */
export const shanghaiLocal = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16);
