/**
 * 本周计划: the week's targeted inspections from the risk ranking (top venues per district), each with the reasons
 * the ranking gives and whether it was inspected this week; a venue opens its 检查 page. Search and scan are one
 * tap away, and what waits in the outbox is shown.
 */

import type { InspectionPlan } from '@brightkitchen/sdk/warehouse';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { PRESSABLE } from '../../components/a11y';
import { Empty, ErrorState, Loading } from '../../components/states';
import { regulatorClient } from '../../lib/regulator-client';
import { RegulatorOutbox } from '../outbox-panel';
import { planReasons } from '../plan-reasons';
import { requireRegulator } from '../require-login';
import { inspectUrl } from '../urls';
import '../regulator.css';

type State = { s: 'loading' } | { s: 'error'; error: unknown } | { s: 'ready'; plan: InspectionPlan };

export default function PlanPage() {
  const [state, setState] = useState<State>({ s: 'loading' });

  async function load() {
    if (!(await requireRegulator())) return;
    try {
      const plan = await regulatorClient().request<InspectionPlan>({ method: 'GET', path: '/v1/risk/plan' });
      setState({ s: 'ready', plan });
    } catch (error) {
      setState({ s: 'error', error });
    }
  }
  useDidShow(() => {
    void load();
  });

  async function signOut() {
    await regulatorClient().auth.logout();
    await Taro.reLaunch({ url: '/regulator/login/index' });
  }

  return (
    <View className="page">
      <View className="actions">
        <Button className="btn btn-primary" onClick={() => Taro.navigateTo({ url: '/regulator/find/index' })}>
          查找单位 / 扫码
        </Button>
      </View>
      <RegulatorOutbox />
      {state.s === 'loading' ? <Loading /> : null}
      {state.s === 'error' ? <ErrorState error={state.error} onRetry={load} /> : null}
      {state.s === 'ready' ? (
        <>
          <Text className="muted">{`自 ${state.plan.weekOf} 起的一周 · 按风险排名，每区 ${state.plan.inspectors} 名检查员`}</Text>
          {state.plan.districts.length === 0 ? <Empty text="本周暂无检查计划" /> : null}
          {state.plan.districts.map((d) => (
            <View key={d.regionId} className="card" data-testid="plan-district">
              <Text className="card-title">{`${d.name}（${d.venues.length} 家）`}</Text>
              {d.venues.map((venue) => {
                const reasons = planReasons(venue.factors);
                return (
                  <View
                    key={venue.venueId}
                    className="plan-venue"
                    data-testid="plan-venue"
                    data-venue-id={venue.venueId}
                    {...PRESSABLE}
                    onClick={() => Taro.navigateTo({ url: inspectUrl(venue.venueId, venue.name) })}
                  >
                    <View className="row-between">
                      <Text className="plan-name">{`${venue.rank}. ${venue.name}`}</Text>
                      <Text className={venue.inspectedOn ? 'success-text' : 'tag tag-warning'}>
                        {venue.inspectedOn ? `已检查 ${venue.inspectedOn}` : '待检查'}
                      </Text>
                    </View>
                    {reasons.length > 0 ? (
                      <Text className="muted plan-reasons">{`原因：${reasons.join('；')}`}</Text>
                    ) : null}
                  </View>
                );
              })}
            </View>
          ))}
        </>
      ) : null}
      <View className="link-row">
        <Text className="link" onClick={signOut}>
          退出登录
        </Text>
      </View>
    </View>
  );
}
