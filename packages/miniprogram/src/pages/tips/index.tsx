/**
 * Food-safety tips and consumer alerts: those in force for the region of the venue the consumer last scanned
 * (`GET /v1/public/tips?regionId=`, its own and its city's; consumer alerts first), kept on the phone for offline
 * reading, then the regulator's standing advice. Before any scan, the standing advice only, with a word on how to
 * see the local ones. In WeChat, a consumer may opt in to receive new consumer alerts as subscribe messages.
 */
import { formatLocalTime, type PublicTip, type PublicTips } from '@brightkitchen/sdk';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { GradeBadge } from '../../components/drawn-face';
import { consumerClient } from '../../lib/client';
import { tipsRegion } from '../../lib/tips-region';
import { AlertSubscription } from './subscribe';

export const TIPS: readonly { title: string; body: string }[] = [
  { title: '看证照', body: '就餐前看门口公示的食品经营许可证是否在有效期内，扫码可查。' },
  { title: '看等级', body: '门口公示的笑脸越大越放心，扫码可看最新一次检查的等级。' },
  { title: '看后厨', body: '扫码可看后厨实时画面和今日晨检、消毒、留样记录。' },
  { title: '慎食野生菌', body: '不采摘、不购买、不食用来历不明的野生菌，误食后立即就医。' },
  { title: '生熟分开', body: '家中处理食材时生熟分开、烧熟煮透，剩菜及时冷藏并彻底加热。' },
  { title: '发现问题', body: '看到后厨违规可在单位页面「告知」商户或「投诉」至市场监管部门，也可拨打 12315。' },
];

const storageKey = (regionId: string) => `bk-consumer:tips:${regionId}`;

function stored(regionId: string): PublicTips | null {
  try {
    const raw = Taro.getStorageSync(storageKey(regionId)) as string;
    return raw ? (JSON.parse(raw) as PublicTips) : null;
  } catch {
    return null;
  }
}

interface State {
  readonly regionId: string | null;
  readonly tips: PublicTips | null;
  /** The last refresh failed: what is shown (if anything) was kept on the phone. */
  readonly offline: boolean;
}

function initial(): State {
  const regionId = tipsRegion();
  return { regionId, tips: regionId ? stored(regionId) : null, offline: false };
}

/** Still in force now (a kept copy may hold some that ended since). */
const current = (items: readonly PublicTip[]) => items.filter((t) => Date.parse(t.validUntil) > Date.now());

function TipCard({ tip }: { tip: PublicTip }) {
  const alert = tip.kind === 'consumer_alert';
  return (
    <View className={`card ${alert ? 'card-warn' : ''}`} data-testid={alert ? 'consumer-alert' : 'region-tip'}>
      <Text className="card-title">{tip.title}</Text>
      <Text>{tip.body}</Text>
      <Text className="muted">{`${tip.regionName} · 至 ${formatLocalTime(tip.validUntil, { style: 'dateTime', timeZone: 'Asia/Shanghai' })}`}</Text>
      {tip.link ? (
        <Text className="muted" userSelect>
          {tip.link}
        </Text>
      ) : null}
    </View>
  );
}

export default function TipsPage() {
  const [state, setState] = useState<State>(initial);

  useDidShow(() => {
    const regionId = tipsRegion();
    if (!regionId) {
      setState({ regionId: null, tips: null, offline: false });
      return;
    }
    setState((s) => (s.regionId === regionId ? s : { regionId, tips: stored(regionId), offline: false }));
    consumerClient()
      .request<PublicTips>({ method: 'GET', path: '/v1/public/tips', query: { regionId } })
      .then((tips) => {
        setState({ regionId, tips, offline: false });
        Taro.setStorageSync(storageKey(regionId), JSON.stringify(tips));
      })
      .catch(() => setState((s) => ({ ...s, offline: true })));
  });

  const items = state.tips ? current(state.tips.items) : [];
  const alerts = items.filter((t) => t.kind === 'consumer_alert');
  const tips = items.filter((t) => t.kind === 'tip');

  return (
    <View className="page">
      {state.regionId === null ? <Text className="muted">扫码后显示当地消费预警</Text> : null}
      {state.offline ? <Text className="muted">{state.tips ? '离线，显示上次内容' : '离线，暂无当地预警'}</Text> : null}

      {alerts.length > 0 ? (
        <View data-testid="consumer-alerts">
          <Text className="section-title">消费预警</Text>
          {alerts.map((tip) => (
            <TipCard key={tip.id} tip={tip} />
          ))}
        </View>
      ) : null}
      {state.regionId ? <AlertSubscription regionId={state.regionId} /> : null}
      {tips.length > 0 ? (
        <View>
          <Text className="section-title">当地贴士</Text>
          {tips.map((tip) => (
            <TipCard key={tip.id} tip={tip} />
          ))}
        </View>
      ) : null}

      <Text className="section-title">食品安全小贴士</Text>
      {TIPS.map((tip) => (
        <View key={tip.title} className="card">
          <Text className="card-title">{tip.title}</Text>
          <Text>{tip.body}</Text>
          {tip.title === '看等级' ? (
            <View className="grade-legend">
              <GradeBadge face="excellent" size="small" />
              <GradeBadge face="good" size="small" />
              <GradeBadge face="average" size="small" />
            </View>
          ) : null}
        </View>
      ))}
      <Text className="muted center">消费提示由市场监管部门发布</Text>
    </View>
  );
}
