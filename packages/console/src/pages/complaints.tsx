/** 投诉与告知: counts by district and day, how fast operators answer, and the overdue ones. */

import { warehouse } from '../api';
import { DataTable } from '../components/data-table';
import { useLoad } from '../components/use-load';
import { num, time } from '../format';
import { go } from '../router';
import { Loaded } from './loaded';

const STATE_TEXT: Record<string, string> = {
  submitted: '待处理',
  in_progress: '处理中',
  resolved: '已办结',
  rejected: '不予受理',
  sent: '待答复',
  answered: '已答复',
  closed: '已关闭',
};

export function ComplaintsPage() {
  const [state] = useLoad(() => warehouse.complaints());
  return (
    <Loaded state={state}>
      {(report) => (
        <>
          <section className="panel">
            <h2>{`${report.from} 至 ${report.to}：投诉 ${report.complaints} 件，告知 ${report.notices} 条`}</h2>
            <p className="muted">{`告知答复用时：中位 ${num(report.answerP50Hours, 1)} 小时，90% 在 ${num(report.answerP90Hours, 1)} 小时内`}</p>
          </section>
          <DataTable
            title="超期未办结"
            file="超期投诉告知"
            rows={report.overdue}
            onRow={(r) => go(`venue/${r.venueId}`)}
            columns={[
              { title: '类型', value: (r) => (r.what === 'complaint' ? '投诉' : '告知') },
              { title: '单位', value: (r) => r.name },
              { title: '状态', value: (r) => STATE_TEXT[r.state] ?? r.state },
              { title: '提交时间', value: (r) => time(r.createdAt) },
            ]}
          />
          <DataTable
            title="各区县投诉与告知"
            file="投诉告知-区县"
            rows={report.byDistrict}
            columns={[
              { title: '区县', value: (r) => r.name },
              { title: '投诉', value: (r) => r.complaints },
              { title: '告知', value: (r) => r.notices },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}
