/**
 * The venue page a consumer sees after scanning: one request (GET /v1/public/venues/{code}) loads everything. It
 * imports no SDK client (see lib/public-profile.ts): this is the page that has to show fast.
 */
import { RATING_ASPECTS, VENUE_KIND_LABELS } from '@brightkitchen/sdk';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect } from 'react';
import { GradeBadge } from '../../components/drawn-face';
import { LiveKitchen } from '../../components/live-kitchen';
import { ErrorState, Loading } from '../../components/states';
import { publicCodeFromQuery } from '../../lib/public-code';
import { fetchPublicProfile } from '../../lib/public-profile';
import {
  LIST_BADGE_TEXT,
  ledgerStatements,
  licenceText,
  satisfactionText,
  violationStatement,
} from '../../lib/statements';
import { useAsync } from '../../lib/use-async';
import { onVenueChanged } from '../../lib/venue-changed';

const ASPECT_TEXT = { dishes: '菜品', hygiene: '卫生', service: '服务' } as const;

export default function VenuePage() {
  const router = useRouter();
  const code = publicCodeFromQuery(router.params) ?? '';
  const { state, reload } = useAsync(() => fetchPublicProfile(code), code);
  // Rated (or reported) from here: show the new summary on return.
  useEffect(() => onVenueChanged((changed) => changed === code && void reload()), [code, reload]);

  if (!code) return <ErrorState error={new Error('no code')} title="链接里没有门店码，请重新扫描餐厅的二维码" home />;
  if (state.status === 'error' && !state.data) return <ErrorState error={state.error} onRetry={reload} home />;
  if (!state.data) return <Loading />;
  const p = state.data;
  // `page`: a page's path (`pages/rate`; the report form is in the `consumer` subpackage).
  const go = async (page: string, extra = '') => {
    await Taro.navigateTo({
      url: `/${page}/index?code=${encodeURIComponent(code)}&venueId=${encodeURIComponent(p.venueId)}&name=${encodeURIComponent(p.name)}${extra}`,
    });
  };

  return (
    <View className="page venue">
      <View className="card venue-head">
        <View className="venue-title-row">
          <Text className="venue-name">{p.name}</Text>
          {p.listStatus ? <Text className={`badge badge-${p.listStatus}`}>{LIST_BADGE_TEXT[p.listStatus]}</Text> : null}
        </View>
        <Text className="muted">{VENUE_KIND_LABELS[p.kind]?.zh}</Text>
        <Text className={`tag tag-licence-${p.licence.status}`}>{licenceText(p.licence.status)}</Text>
      </View>

      <View className="card">
        <Text className="card-title">食品安全等级</Text>
        <View className="grade-row">
          <GradeBadge face={p.grade.dynamic?.face ?? 'none'} />
          <Text className="grade-annual">
            {p.grade.annual && p.grade.annual.grade !== 'none'
              ? `${p.grade.annual.year} 年度等级 ${p.grade.annual.grade}`
              : '暂无年度等级'}
          </Text>
        </View>
      </View>

      <LiveKitchen live={p.liveVideo} onExpired={() => void reload()} />

      <View className="card">
        <Text className="card-title">顾客评价</Text>
        <Text className="rating-summary" data-testid="rating-summary">
          {satisfactionText(p.rating.satisfactionRate, p.rating.count)}
        </Text>
        {p.rating.count > 0
          ? RATING_ASPECTS.map((aspect) => {
              const f = p.rating.aspects[aspect];
              return (
                <Text key={aspect} className="muted">
                  {`${ASPECT_TEXT[aspect]}：满意 ${f.satisfied} 人，一般 ${f.neutral} 人，不满意 ${f.dissatisfied} 人`}
                </Text>
              );
            })
          : null}
      </View>

      <View className="card">
        <Text className="card-title">今日台账</Text>
        {ledgerStatements(p.ledgersToday).map((line) => (
          <Text key={line} className="statement">
            {line}
          </Text>
        ))}
      </View>

      <View className="card">
        <Text className="card-title">AI 智能抓拍</Text>
        <Text className="statement">{violationStatement(p.violations.last7Days, 7)}</Text>
        <Text className="muted">{violationStatement(p.violations.last30Days, 30)}</Text>
      </View>

      <View className="actions">
        <Button className="btn btn-primary" onClick={() => go('pages/rate')}>
          评价
        </Button>
        <Button className="btn" onClick={() => go('consumer/report', '&type=notice')}>
          告知
        </Button>
        <Button className="btn btn-warn" onClick={() => go('consumer/report', '&type=complaint')}>
          投诉
        </Button>
      </View>
      {state.status === 'loading' ? <Text className="muted center">正在刷新…</Text> : null}
    </View>
  );
}
