/** 满意度: the satisfaction trend by week, by district, and the least satisfied venues. */

import { warehouse } from '../api';
import { Chart } from '../components/chart';
import { DataTable } from '../components/data-table';
import { useLoad } from '../components/use-load';
import { pct } from '../format';
import { go } from '../router';
import { Loaded } from './loaded';

export function RatingsPage() {
  const [state] = useLoad(() => warehouse.ratings());
  return (
    <Loaded state={state}>
      {(report) => (
        <>
          <section className="panel">
            <h2>{`${report.from} 至 ${report.to}：${report.ratings} 次评价，满意度 ${pct(report.satisfaction)}`}</h2>
            <Chart
              label="满意度趋势"
              option={{
                tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(1)}%` },
                xAxis: { type: 'category', data: report.trend.map((p) => p.week.slice(5)) },
                yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                series: [{ type: 'line', name: '满意度', data: report.trend.map((p) => p.satisfaction * 100) }],
              }}
            />
          </section>
          <DataTable
            title="各区县满意度"
            file="满意度-区县"
            rows={report.byDistrict}
            columns={[
              { title: '区县', value: (r) => r.name },
              { title: '评价', value: (r) => r.ratings },
              { title: '满意度', value: (r) => pct(r.satisfaction) },
            ]}
          />
          <DataTable
            title="满意度最低的单位（至少 5 次评价）"
            file="满意度最低单位"
            rows={report.lowest}
            onRow={(r) => go(`venue/${r.venueId}`)}
            columns={[
              { title: '单位', value: (r) => r.name },
              { title: '评价', value: (r) => r.ratings },
              { title: '满意度', value: (r) => pct(r.satisfaction) },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}
