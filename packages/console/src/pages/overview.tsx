/** 总览: the key figures of the regulator's regions today, alerts by hour and day, ledger completion by district. */
import { VENUE_KIND_LABELS } from '@brightkitchen/sdk';
import { warehouse } from '../api';
import { Chart } from '../components/chart';
import { DataTable } from '../components/data-table';
import { useLoad } from '../components/use-load';
import { pct } from '../format';
import { Loaded } from './loaded';

export function OverviewPage() {
  const [state] = useLoad(() => Promise.all([warehouse.overview(), warehouse.alerts(), warehouse.completion()]));
  return (
    <Loaded state={state}>
      {([o, alerts, completion]) => (
        <>
          <div className="figures" data-testid="overview-figures">
            <Figure label="监管单位" value={o.venues} note={`${o.enrolled} 家使用电子台账`} />
            <Figure label="今日台账完成率" value={pct(o.completionToday)} note={`${o.venuesMissingToday} 家有缺项`} />
            <Figure
              label="设备在线"
              value={`${o.devicesOnline}/${o.devices}`}
              note={`${o.equippedVenues} 家已接入设备`}
            />
            <Figure
              label="未处理告警"
              value={o.openAlerts}
              note={`${o.overdueAlerts} 条已超时升级`}
              warn={o.overdueAlerts > 0}
            />
            <Figure label="今日 AI 抓拍" value={o.violationsToday} note={`今日告警 ${o.alertsToday} 条`} />
            <Figure
              label="未办结投诉"
              value={o.openComplaints}
              note={`${o.overdueComplaints} 件超期`}
              warn={o.overdueComplaints > 0}
            />
            <Figure label="30 天满意度" value={pct(o.satisfaction30d)} note="顾客笑脸评价" />
            <Figure
              label="许可证"
              value={o.licencesExpired}
              note={`已过期；${o.licencesExpiring} 家 30 天内到期`}
              warn={o.licencesExpired > 0}
            />
          </div>
          <div className="grid-2">
            <section className="panel">
              <h2>
                告警按小时分布（{alerts.from} 至 {alerts.to}）
              </h2>
              <Chart
                label="告警按小时"
                option={{
                  tooltip: {},
                  xAxis: { type: 'category', data: alerts.byHour.map((_, h) => `${h}时`) },
                  yAxis: { type: 'value' },
                  series: [{ type: 'bar', name: '告警', data: alerts.byHour, itemStyle: { color: '#d9480f' } }],
                }}
              />
            </section>
            <section className="panel">
              <h2>各区县台账完成率</h2>
              <Chart
                label="各区县台账完成率"
                option={{
                  tooltip: { valueFormatter: (v: number) => `${v.toFixed(1)}%` },
                  xAxis: { type: 'category', data: completion.byDistrict.map((d) => d.name) },
                  yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
                  series: [
                    {
                      type: 'bar',
                      name: '完成率',
                      data: completion.byDistrict.map((d) => d.rate * 100),
                      itemStyle: { color: '#2b8a3e' },
                    },
                  ],
                }}
              />
            </section>
          </div>
          <section className="panel">
            <h2>每日告警与 AI 抓拍</h2>
            <Chart
              label="每日告警"
              option={{
                tooltip: { trigger: 'axis' },
                legend: {},
                xAxis: { type: 'category', data: alerts.byDay.map((d) => d.day.slice(5)) },
                yAxis: { type: 'value' },
                series: [
                  { type: 'line', name: '告警', data: alerts.byDay.map((d) => d.count) },
                  { type: 'line', name: 'AI 抓拍', data: alerts.byDay.map((d) => d.violations) },
                ],
              }}
            />
          </section>
          <DataTable
            title="按业态的台账完成率"
            file="台账完成率-业态"
            rows={completion.byKind}
            columns={[
              { title: '业态', value: (r) => VENUE_KIND_LABELS[r.kind]?.zh ?? r.kind },
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

function Figure({ label, value, note, warn }: { label: string; value: string | number; note: string; warn?: boolean }) {
  return (
    <div className={warn ? 'figure figure-warn' : 'figure'}>
      <div className="figure-label">{label}</div>
      <div className="figure-value">{value}</div>
      <div className="figure-note">{note}</div>
    </div>
  );
}
