/**
 * The header's region picker: the regions the signed-in regulator oversees and their districts (an admin: every
 * region), or all of them at once. Choosing one reloads the page's data for it.
 */
import type { Me, Region } from '@brightkitchen/sdk';
import { chooseRegion, chosenRegion, client } from '../api';
import { useLoad } from './use-load';

async function regionsInReach(): Promise<readonly Region[]> {
  const [me, regions] = await Promise.all([
    client.request<Me>({ method: 'GET', path: '/v1/me' }),
    client.regions.list({ limit: 200 }),
  ]);
  if (me.user.role === 'admin') return regions.items;
  const overseen = new Set(me.regionIds);
  return regions.items.filter((r) => overseen.has(r.id) || (r.parentId !== undefined && overseen.has(r.parentId)));
}

export function RegionPicker({ onChange }: { onChange: () => void }) {
  const [state] = useLoad(regionsInReach);
  const regions = state.status === 'ok' ? state.data : [];
  return (
    <label className="region-picker">
      <span>辖区</span>
      <select
        aria-label="辖区"
        value={chosenRegion() ?? ''}
        onChange={(event) => {
          chooseRegion(event.target.value || undefined);
          onChange();
        }}
      >
        <option value="">全部辖区</option>
        {regions.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}
