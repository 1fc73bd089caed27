/** 台账: today's venues with something missing (least complete first), and rates by district. */
import { REQUIREMENT_MESSAGES, VENUE_KIND_LABELS } from '@brightkitchen/sdk';
import { warehouse } from '../api';
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
        </>
      )}
    </Loaded>
  );
}
