/** Staff: health and training certificate status, and who must not handle food today. */
import { licenceStatus, localDay, type StaffRole } from '@brightkitchen/sdk';
import { Text, View } from '@tarojs/components';
import { Empty, ErrorState, Loading } from '../../components/states';
import { currentVenue } from '../../lib/operator-venue';
import { useAsync } from '../../lib/use-async';
import { operatorClient } from '../client';

const ROLE_TEXT: Readonly<Record<StaffRole, string>> = {
  food_safety_manager: '食品安全管理员',
  chef: '厨师长',
  cook: '厨师',
  helper: '帮厨',
  cleaner: '保洁',
  principal: '负责人',
  manager: '经理',
};

export function certificateText(expiresOn: string | undefined, today: string): { text: string; bad: boolean } {
  if (!expiresOn) return { text: '无', bad: true };
  const status = licenceStatus(expiresOn, today);
  if (status === 'expired') return { text: `已过期（${expiresOn}）`, bad: true };
  if (status === 'expiring') return { text: `即将到期（${expiresOn}）`, bad: false };
  return { text: `有效至 ${expiresOn}`, bad: false };
}

export default function StaffPage() {
  const venue = currentVenue();
  const today = localDay(Date.now(), venue?.timeZone);
  const { state, reload } = useAsync(
    () => operatorClient().venues.staff.list(venue?.id ?? '', { date: today, limit: 500 }),
    `${venue?.id}:${today}`,
  );
  if (state.status === 'error' && !state.data) return <ErrorState error={state.error} onRetry={reload} />;
  if (!state.data) return <Loading />;
  const staff = state.data.items;
  const unfit = staff.filter((s) => s.unfit);
  return (
    <View className="page">
      <View className={`card ${unfit.length ? 'card-warn' : ''}`}>
        <Text className="card-title">今日不宜上岗</Text>
        <Text>{unfit.length ? unfit.map((s) => s.name).join('、') : '无'}</Text>
      </View>
      {staff.length === 0 ? <Empty text="尚未登记从业人员" /> : null}
      {staff.map((s) => {
        const health = certificateText(s.healthCertificate.expiresOn, today);
        const training = certificateText(s.trainingCertificate?.expiresOn, today);
        return (
          <View key={s.id} className="card">
            <View className="row-between">
              <Text className="card-title">{s.name}</Text>
              {s.unfit ? <Text className="tag tag-critical">今日不宜上岗</Text> : null}
            </View>
            <Text className="muted">{ROLE_TEXT[s.role] ?? s.role}</Text>
            <Text className={health.bad ? 'field-message' : ''}>{`健康证：${health.text}`}</Text>
            <Text className={training.bad ? 'field-message' : ''}>{`培训合格证：${training.text}`}</Text>
          </View>
        );
      })}
    </View>
  );
}
