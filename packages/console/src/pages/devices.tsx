/** 设备: the online rate by district, and equipped venues whose required sensors are silent or missing. */
import { REQUIRED_DEVICES } from '@brightkitchen/sdk/warehouse';
import { warehouse } from '../api';
import { DataTable } from '../components/data-table';
import { useLoad } from '../components/use-load';
import { pct, time } from '../format';
import { go } from '../router';
import { Loaded } from './loaded';

const REQUIRED = new Map<string, string>(REQUIRED_DEVICES.map((d) => [d.code, d.label.zh]));

export function DevicesPage() {
  const [state] = useLoad(() => warehouse.devices());
  return (
    <Loaded state={state}>
      {(report) => (
        <>
          <section className="panel">
            <h2>{`设备在线率 ${pct(report.rate)}（${report.online}/${report.devices} 台，${report.equippedVenues} 家单位已接入）`}</h2>
          </section>
          <DataTable
            title="各区县设备在线"
            file="设备在线-区县"
            rows={report.byDistrict}
            columns={[
              { title: '区县', value: (r) => r.name },
              { title: '设备', value: (r) => r.devices },
              { title: '在线', value: (r) => r.online },
              { title: '在线率', value: (r) => pct(r.devices === 0 ? null : r.online / r.devices) },
            ]}
          />
          <DataTable
            title="设备离线或缺失的单位"
            file="设备离线缺失"
            rows={report.venues}
            onRow={(r) => go(`venue/${r.venueId}`)}
            columns={[
              { title: '单位', value: (r) => r.name },
              {
                title: '离线设备（最后上报）',
                value: (r) =>
                  r.silent.map((d) => `${d.name}（${d.lastSeenAt ? time(d.lastSeenAt) : '从未上报'}）`).join('；') ||
                  '—',
              },
              { title: '缺少', value: (r) => r.missing.map((m) => REQUIRED.get(m) ?? m).join('、') || '—' },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}
