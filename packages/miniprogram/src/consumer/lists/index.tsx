/**
 * The red and black lists (红黑榜) published for the region of the venue the consumer last scanned — or, failing
 * that, the nearest region above it (`GET /v1/public/lists?regionId=`). Before any scan there is no region yet:
 * the page says how to see the local lists. Tapping a venue opens its page.
 */
import { formatLocalTime, type PublicListEntry, type PublicLists, VENUE_KIND_LABELS } from '@brightkitchen/sdk';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { PRESSABLE } from '../../components/a11y';
import { GradeBadge } from '../../components/drawn-face';
import { Empty, ErrorState, Loading } from '../../components/states';
import { consumerClient } from '../../lib/client';
import { tipsRegion } from '../../lib/tips-region';

type State =
  | { readonly s: 'no-region' }
  | { readonly s: 'loading' }
  | { readonly s: 'ready'; readonly lists: PublicLists }
  | { readonly s: 'error'; readonly error: unknown };

const PERIOD_TEXT = (period: string) =>
  period.includes('Q')
    ? `${period.slice(0, 4)} 年第 ${period.slice(6)} 季度`
    : `${period.slice(0, 4)} 年 ${Number(period.slice(5))} 月`;

function Entry({ entry }: { entry: PublicListEntry }) {
  return (
    <View
      className={`card list-entry list-entry-${entry.list}`}
      data-testid={`list-${entry.list}`}
      {...PRESSABLE}
      onClick={() => Taro.navigateTo({ url: `/pages/venue/index?code=${encodeURIComponent(entry.publicCode)}` })}
    >
      <View className="venue-title-row">
        <Text className="card-title">{entry.name}</Text>
        <Text className={`badge badge-${entry.list}`}>{`${entry.score} 分`}</Text>
      </View>
      <Text className="muted">{VENUE_KIND_LABELS[entry.kind]?.zh}</Text>
      {entry.face ? <GradeBadge face={entry.face} size="small" /> : null}
      {entry.reasons.map((reason) => (
        <Text key={reason.zh}>{reason.zh}</Text>
      ))}
    </View>
  );
}

function Section({ title, entries, total }: { title: string; entries: readonly PublicListEntry[]; total: number }) {
  return (
    <View>
      <Text className="section-title">
        {total > entries.length ? `${title}（共 ${total} 家，显示前 ${entries.length} 家）` : `${title}（${total} 家）`}
      </Text>
      {entries.length === 0 ? <Empty text="本期无" /> : entries.map((e) => <Entry key={e.publicCode} entry={e} />)}
    </View>
  );
}

export default function ListsPage() {
  const [state, setState] = useState<State>({ s: 'loading' });

  const load = () => {
    const regionId = tipsRegion();
    if (!regionId) return setState({ s: 'no-region' });
    consumerClient()
      .publicVenues.lists(regionId)
      .then(
        (lists) => setState({ s: 'ready', lists }),
        (error: unknown) => setState({ s: 'error', error }),
      );
  };
  useDidShow(load);

  if (state.s === 'loading') return <Loading />;
  if (state.s === 'error') return <ErrorState error={state.error} onRetry={load} />;
  if (state.s === 'no-region') {
    return (
      <View className="page">
        <Empty text="扫描任一餐厅的二维码后，这里显示当地市场监管部门发布的红黑榜" />
      </View>
    );
  }
  const { lists } = state;
  if (!lists.period || !lists.publishedAt) {
    return (
      <View className="page">
        <Empty text="当地尚未发布红黑榜" />
      </View>
    );
  }
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title">{`${PERIOD_TEXT(lists.period)}${lists.scopeName ? ` · ${lists.scopeName}` : ''} 红黑榜`}</Text>
        <Text className="muted">{`市场监管部门 ${formatLocalTime(lists.publishedAt, { style: 'date', timeZone: 'Asia/Shanghai' })} 发布，依据检查等级、台账、AI 抓拍、顾客评价和投诉综合评定`}</Text>
      </View>
      <Section title="红榜" entries={lists.red} total={lists.redCount} />
      <Section title="黑榜" entries={lists.black} total={lists.blackCount} />
    </View>
  );
}
