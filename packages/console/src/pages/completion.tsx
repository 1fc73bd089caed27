/** 台账: today's venues with something missing (least complete first), and rates by district, venue kind and day. */
import { REQUIREMENT_MESSAGES, VENUE_KIND_LABELS } from '@brightkitchen/sdk';
import { warehouse } from '../api';
import { Chart } from '../components/chart';
import { DataTable } from '../components/data-table';
import { useLoad } from '../components/use-load';
import { pct } from '../format';
import { go } from '../router';
import { Loaded } from './loaded';

export function CompletionPage() {
  const [state] = useLoad(() => Promise.all([warehouse.completionToday({ limit: 100 }), warehouse.completion()]));
  return (
    <Loaded state={state}>
      {([today, report]) => (
        <>
          <DataTable
            title={`今日缺项单位（${today.day}）`}
            file={`今日缺项-${today.day}`}
            rows={today.items}
            onRow={(r) => go(`venue/${r.venueId}`)}
            columns={[
              { title: '单位', value: (r) => r.name },
              { title: '业态', value: (r) => VENUE_KIND_LABELS[r.kind]?.zh ?? r.kind },
              { title: '完成率', value: (r) => pct(r.rate) },
              {
                title: '缺少',
                value: (r) =>
                  r.missing
                    .map((m) => `${REQUIREMENT_MESSAGES[m.code]?.zh ?? m.code} ${m.done}/${m.expected}`)
                    .join('；'),
              },
            ]}
          />
          <DataTable
            title={`各区县台账完成率（${report.from} 至 ${report.to}）`}
            file="台账完成率-区县"
            rows={report.byDistrict}
            columns={[
              { title: '区县', value: (r) => r.name },
              { title: '应记', value: (r) => r.expected },
              { title: '已记', value: (r) => r.done },
              { title: '完成率', value: (r) => pct(r.rate) },
            ]}
          />
          <section className="panel">
            <h2>完成率趋势</h2>
            <Chart
              label="完成率趋势"
              option={{
                tooltip: { valueFormatter: (v: number) => `${v.toFixed(1)}%` },
                xAxis: { type: 'category', data: report.byDay.map((d) => d.day.slice(5)) },
                yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                series: [
                  {
                    type: 'line',
                    name: '完成率',
                    data: report.byDay.map((d) => d.rate * 100),
                    itemStyle: { color: '#2b8a3e' },
                  },
                ],
              }}
            />
          </section>
          <DataTable
            title="各业态台账完成率"
            file="台账完成率-业态"
            rows={report.byKind}
            columns={[
              { title: '业态', value: (r) => VENUE_KIND_LABELS[r.kind]?.zh ?? r.kind },
              { title: '应记', value: (r) => r.expected },
              { title: '已记', value: (r) => r.done },
              { title: '完成率', value: (r) => pct(r.rate) },
            ]}
          />
          <DataTable
            title="每日台账完成率"
            file="台账完成率-每日"
            rows={report.byDay}
            columns={[
              { title: '日期', value: (r) => r.day },
              { title: '应记', value: (r) => r.expected },
              { title: '已记', value: (r) => r.done },
              { title: '完成率', value: (r) => pct(r.rate) },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}
