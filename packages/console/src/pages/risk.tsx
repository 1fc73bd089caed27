/**
 * 风险排名: venues by their learned risk score, each score explained (intercept + Σ coefficient × value), the
 * model's quality (AUC on held-back inspections) and the policy pins, and the week's plan with sampling suggestions.
 */
import { RISK_FACTOR_LABELS, type RiskVenue } from '@brightkitchen/sdk/warehouse';
import { useState } from 'react';
import { warehouse } from '../api';
import { DataTable } from '../components/data-table';
import { PolicyEditor } from '../components/policy-editor';
import { useLoad } from '../components/use-load';
import { num, time } from '../format';
import { go } from '../router';
import { Loaded } from './loaded';

export function RiskPage() {
  const [state, reload] = useLoad(() =>
    Promise.all([warehouse.ranking({ limit: 50 }), warehouse.model(), warehouse.plan()]),
  );
  const [open, setOpen] = useState<RiskVenue | null>(null);
  return (
    <Loaded state={state}>
      {([ranking, model, plan]) => (
        <>
          <section className="panel" data-testid="risk-model">
            <h2>风险模型</h2>
            <p>
              {model.source === 'learned'
                ? `由本地区 ${model.inspections} 次检查（关键项不合格 ${model.keyFailed} 次）拟合的逻辑回归，`
                : `本地区检查不足 30 次，使用默认先验权重，`}
              {`留出 ${model.heldOut} 次检查验证 AUC = ${num(ranking.model.auc, 3)}；拟合于 ${time(ranking.model.fittedAt)}。`}
            </p>
            {Object.keys(model.pins ?? {}).length > 0 ? (
              <p className="policy">{`政策固定权重：${Object.entries(model.pins ?? {})
                .map(([code, w]) => `${RISK_FACTOR_LABELS[code as keyof typeof RISK_FACTOR_LABELS]?.zh ?? code} = ${w}`)
                .join('；')}`}</p>
            ) : null}
            <PolicyEditor
              model={model}
              onChanged={() => {
                setOpen(null);
                reload();
              }}
            />
          </section>
          <DataTable
            title="风险排名（分数越高越优先检查）"
            file="风险排名"
            rows={ranking.items}
            onRow={setOpen}
            columns={[
              { title: '排名', value: (r) => r.rank },
              { title: '单位', value: (r) => r.name },
              { title: '风险分（logit）', value: (r) => r.score.toFixed(2) },
              {
                title: '主要因素',
                value: (r) =>
                  [...r.factors]
                    .sort((a, b) => b.contribution - a.contribution)
                    .slice(0, 2)
                    .map((f) => RISK_FACTOR_LABELS[f.code].zh)
                    .join('、'),
              },
            ]}
          />
          {open ? (
            <section className="panel" data-testid="risk-breakdown">
              <header className="panel-head">
                <h2>{`${open.name}：风险分 ${open.score.toFixed(2)} = 截距 ${ranking.model.intercept.toFixed(2)} + 各因素贡献之和`}</h2>
                <div className="panel-actions">
                  <button type="button" onClick={() => go(`venue/${open.venueId}`)}>
                    打开单位
                  </button>
                </div>
              </header>
              <table>
                <thead>
                  <tr>
                    <th>因素</th>
                    <th>取值</th>
                    <th>系数</th>
                    <th>贡献</th>
                    <th>权重来源</th>
                  </tr>
                </thead>
                <tbody>
                  {open.factors.map((f) => (
                    <tr key={f.code}>
                      <td>{RISK_FACTOR_LABELS[f.code].zh}</td>
                      <td>{f.value.toFixed(2)}</td>
                      <td>{(ranking.model.coefficients[f.code] ?? 0).toFixed(3)}</td>
                      <td>{f.contribution.toFixed(3)}</td>
                      <td>
                        {f.code in (model.pins ?? {}) ? '政策固定' : model.source === 'learned' ? '拟合' : '先验'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          <DataTable
            title={`本周检查计划（${plan.weekOf} 起，${plan.inspectors} 名检查员 × 每人 ${plan.capacity} 家）`}
            file="本周检查计划"
            rows={plan.districts.flatMap((d) => d.venues.map((v) => ({ district: d.name, venue: v })))}
            onRow={(r) => go(`venue/${r.venue.venueId}`)}
            columns={[
              { title: '区县', value: (r) => r.district },
              { title: '区内排名', value: (r) => r.venue.rank },
              { title: '单位', value: (r) => r.venue.name },
              { title: '风险分', value: (r) => r.venue.score.toFixed(2) },
              { title: '检查', value: (r) => (r.venue.inspectedOn ? `已检查 ${r.venue.inspectedOn}` : '未检查') },
            ]}
          />
          <PlanVisits venues={plan.districts.flatMap((d) => d.venues)} />
          <DataTable
            title="抽检建议"
            file="抽检建议"
            rows={plan.sampling}
            columns={[
              { title: '单位', value: (r) => r.name },
              { title: '方向', value: (r) => r.reason.zh },
              { title: '依据次数', value: (r) => r.evidence },
            ]}
          />
        </>
      )}
    </Loaded>
  );
}

/** 去检查: a link per planned venue to record its inspection; 已检查 {day} once it is inspected this week. */
function PlanVisits({ venues }: { venues: readonly { venueId: string; name: string; inspectedOn: string | null }[] }) {
  if (venues.length === 0) return null;
  return (
    <section className="panel" data-testid="plan-visits">
      <h2>本周待检查</h2>
      <ul>
        {venues.map((v) => (
          <li key={v.venueId}>
            {v.name}{' '}
            {v.inspectedOn ? (
              <span className="muted">已检查 {v.inspectedOn}</span>
            ) : (
              <a href={`#/inspections/new/${v.venueId}`}>去检查</a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
