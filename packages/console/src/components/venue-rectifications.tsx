/** The venue page's 整改与抽检: its rectification notices (overdue in red) and its sampling tasks, each opening its page. */
import { RECTIFICATION_STATE_LABELS, SAMPLING_STATE_LABELS } from '@brightkitchen/sdk';
import { client } from '../api';
import { Loaded } from '../pages/loaded';
import '../pages/regulatory.css';
import { go } from '../router';
import { useLoad } from './use-load';

export function VenueRectifications({ venueId }: { venueId: string }) {
  const [state] = useLoad(
    () =>
      Promise.all([client.rectifications.list({ venueId, limit: 50 }), client.sampling.list({ venueId, limit: 50 })]),
    venueId,
  );
  return (
    <section className="panel" data-testid="venue-rectifications">
      <h2>整改与抽检</h2>
      <Loaded state={state}>
        {([notices, tasks]) =>
          notices.items.length === 0 && tasks.items.length === 0 ? (
            <p className="muted">暂无整改通知与抽检任务</p>
          ) : (
            <table>
              <tbody>
                {notices.items.map((r) => (
                  <tr
                    key={r.id}
                    className={`clickable${r.overdue ? ' overdue' : ''}`}
                    onClick={() => go(`rectifications/${r.id}`)}
                  >
                    <td>整改通知</td>
                    <td>{r.obligation}</td>
                    <td>{`期限 ${r.deadline}${r.overdue ? '（已逾期）' : ''}`}</td>
                    <td>{RECTIFICATION_STATE_LABELS[r.state]}</td>
                  </tr>
                ))}
                {tasks.items.map((t) => (
                  <tr key={t.id} className="clickable" onClick={() => go('sampling')}>
                    <td>抽检</td>
                    <td>{t.foods.join('、')}</td>
                    <td>{`期限 ${t.deadline}`}</td>
                    <td>{SAMPLING_STATE_LABELS[t.state]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}
