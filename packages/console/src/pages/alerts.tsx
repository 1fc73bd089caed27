/** 告警: by type and district, repeat offenders, who is slow to act, what is overdue — and each open alert's evidence. */
import type { Alert } from '@brightkitchen/sdk';
import { useState } from 'react';
import { client, warehouse } from '../api';
import { AlertEvidence } from '../components/alert-recording';
import { DataTable } from '../components/data-table';
import { useLoad } from '../components/use-load';
import { alertTypeText, LEVEL_TEXT, num, time } from '../format';
import { go } from '../router';
import { Loaded } from './loaded';

const STATE_TEXT: Record<Alert['state'], string> = { open: '待确认', acknowledged: '已确认', resolved: '已处理' };

export function AlertsPage() {
  const [state] = useLoad(() =>
    Promise.all([warehouse.alerts(), client.alerts.list({ state: 'unresolved', limit: 30 })]),
  );
  const [shown, setShown] = useState<Alert | null>(null);
  return (
    <Loaded state={state}>
      {([report, open]) => (
        <>
          <DataTable
            title="未处理告警"
            file="未处理告警"
            rows={open.items}
            onRow={setShown}
            columns={[
              { title: '发生时间', value: (a) => time(a.openedAt) },
              { title: '内容', value: (a) => a.message.zh },
              { title: '状态', value: (a) => STATE_TEXT[a.state] },
              { title: '抓拍', value: (a) => (a.snapshot ? '有' : '—') },
            ]}
          />
          {shown ? (
            <section className="panel" data-testid="alert-evidence">
              <header className="panel-head">
                <h2>{`${shown.message.zh}（${time(shown.openedAt)}）`}</h2>
                <div className="panel-actions">
                  <button type="button" onClick={() => go(`venue/${shown.venueId}`)}>
                    打开单位
                  </button>
                  <button type="button" onClick={() => go(`rectifications/new/${shown.venueId}/alert/${shown.id}`)}>
                    下达整改通知
                  </button>
                </div>
              </header>
              <AlertEvidence key={shown.id} alert={shown} />
            </section>
          ) : null}
          <DataTable
            title="超时未处理（已升级）"
            file="超时告警"
            rows={report.overdue}
            onRow={(r) => go(`venue/${r.venueId}`)}
            columns={[
              { title: '单位', value: (r) => r.name },
              { title: '类型', value: (r) => alertTypeText(r.type) },
              { title: '发生时间', value: (r) => time(r.openedAt) },
              { title: '已通知到', value: (r) => LEVEL_TEXT[r.level] },
            ]}
          />
          <DataTable
            title="响应最慢的单位（确认、处理用时）"
            file="告警响应"
            rows={report.responsiveness}
            onRow={(r) => go(`venue/${r.venueId}`)}
            columns={[
              { title: '单位', value: (r) => r.name },
              { title: '告警数', value: (r) => r.alerts },
              { title: '确认 p50（分）', value: (r) => num(r.ackP50Minutes) },
              { title: '确认 p90（分）', value: (r) => num(r.ackP90Minutes) },
              { title: '处理 p50（分）', value: (r) => num(r.resolveP50Minutes) },
              { title: '处理 p90（分）', value: (r) => num(r.resolveP90Minutes) },
              { title: '未确认', value: (r) => r.unacknowledged },
            ]}
          />
          <DataTable
            title="屡次告警的单位"
            file="屡次告警"
            rows={report.repeatOffenders}
            onRow={(r) => go(`venue/${r.venueId}`)}
            columns={[
              { title: '单位', value: (r) => r.name },
              { title: '类型', value: (r) => alertTypeText(r.type) },
              { title: '次数', value: (r) => r.count },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}
