/** Today: the day's ledgers with what is missing, the outbox, alerts, and the venue switcher. */
import { LEDGER_KIND_LABELS, LEDGER_KINDS, type LedgerKind, type Venue } from '@brightkitchen/sdk';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { ErrorState, Loading } from '../../components/states';
import { type CurrentVenue, setCurrentVenue } from '../../lib/operator-venue';
import { TrainingReminder } from '../../training/reminder';
import { operatorClient } from '../client';
import { UnreadDuties } from '../duties/unread-hint';
import { OutboxPanel } from '../outbox-panel';
import { RectificationsDue } from '../rectification/due-card';
import { requireOperator } from '../require-login';

type Counts = Partial<Record<LedgerKind, { done: number; expected?: number }>>;
type State =
  | { s: 'loading' }
  | { s: 'error'; error: unknown }
  | { s: 'ready'; venue: CurrentVenue; venues: readonly Venue[]; counts: Counts | null; openAlerts: number };

/** Accompanying meals are a school and kindergarten duty. */
export function kindsFor(venueKind: string | undefined): readonly LedgerKind[] {
  const school = venueKind === 'school_canteen' || venueKind === 'kindergarten_canteen';
  return LEDGER_KINDS.filter((k) => k !== 'accompanying_meal' || school);
}

export default function TodayPage() {
  const [state, setState] = useState<State>({ s: 'loading' });

  async function load() {
    const venue = await requireOperator();
    if (!venue) return;
    const client = operatorClient();
    try {
      const [venues, today, alerts] = await Promise.all([
        client.venues.list({ limit: 100 }),
        client.ledgers.today(venue.id).catch(() => null),
        client.alerts.list({ venueId: venue.id, state: 'open', limit: 100 }).catch(() => null),
      ]);
      setState({
        s: 'ready',
        venue,
        venues: venues.items,
        counts: (today?.kinds as Counts | undefined) ?? null,
        openAlerts: alerts?.items.length ?? 0,
      });
    } catch (error) {
      setState({ s: 'error', error });
    }
  }

  useDidShow(() => {
    void load();
  });

  if (state.s === 'loading') return <Loading />;
  if (state.s === 'error') return <ErrorState error={state.error} onRetry={load} />;
  const { venue, venues, counts, openAlerts } = state;

  function switchTo(v: Venue) {
    setCurrentVenue({ id: v.id, name: v.name, kind: v.kind, timeZone: v.timeZone });
    void load();
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{venue.name}</Text>
        {venues.length > 1 ? (
          <View className="chips" aria-label="切换单位">
            {venues.map((v) => (
              <View key={v.id} className={`chip ${v.id === venue.id ? 'chip-on' : ''}`} onClick={() => switchTo(v)}>
                <Text>{v.name}</Text>
              </View>
            ))}
          </View>
        ) : null}
      </View>

      <RectificationsDue venueId={venue.id} />
      <UnreadDuties venueId={venue.id} />
      <TrainingReminder venueId={venue.id} />

      <View className="grid">
        <View className="grid-item" onClick={() => Taro.navigateTo({ url: '/operator/alerts/index' })}>
          <Text>告警</Text>
          {openAlerts > 0 ? (
            <Text className="count-badge" data-testid="alert-badge">
              {openAlerts}
            </Text>
          ) : null}
        </View>
        <View className="grid-item" onClick={() => Taro.navigateTo({ url: '/operator/staff/index' })}>
          <Text>员工</Text>
        </View>
        <View className="grid-item" onClick={() => Taro.navigateTo({ url: '/operator/devices/index' })}>
          <Text>设备</Text>
        </View>
        <View className="grid-item" onClick={() => Taro.navigateTo({ url: '/training/courses/index' })}>
          <Text>培训考试</Text>
        </View>
      </View>

      <Text className="section-title">今日台账</Text>
      {counts === null ? (
        <Text className="muted">离线中，暂时无法获取今日完成情况；填写的记录会先保存在手机上。</Text>
      ) : null}
      {kindsFor(venue.kind).map((kind) => {
        const c = counts?.[kind];
        const done = c?.done ?? 0;
        const missing = counts !== null && (c?.expected !== undefined ? done < c.expected : done === 0);
        return (
          <View
            key={kind}
            className={`cell ${missing ? 'cell-missing' : ''}`}
            // Today's saved records, to open and add to; offline, straight to the form (it saves on the phone).
            onClick={() =>
              Taro.navigateTo({
                url: counts === null ? `/operator/ledger/index?kind=${kind}` : `/operator/records/index?kind=${kind}`,
              })
            }
          >
            <Text className="cell-title">{LEDGER_KIND_LABELS[kind].zh}</Text>
            <Text className={missing ? 'cell-status missing' : 'cell-status'}>
              {counts === null
                ? '填写'
                : c?.expected !== undefined
                  ? `${done}/${c.expected}`
                  : done > 0
                    ? `已记 ${done} 条`
                    : '未记录'}
            </Text>
          </View>
        );
      })}

      <OutboxPanel />

      <Button
        className="btn"
        onClick={async () => {
          await operatorClient().auth.logout();
          setCurrentVenue(null);
          await Taro.redirectTo({ url: '/operator/login/index' });
        }}
      >
        退出登录
      </Button>
    </View>
  );
}
