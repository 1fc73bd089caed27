/**
 * Staff: health and training certificate status, and who must not handle food today. The manager adds people, edits
 * them and marks who left (kept below, out of the way).
 */
import { hasLeft, licenceStatus, localDay, type StaffOnDay } from '@brightkitchen/sdk';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/states';
import { currentVenue } from '../../lib/operator-venue';
import { useAsync } from '../../lib/use-async';
import { operatorClient } from '../client';
import { isVenueManager } from '../venue-manager';
import { ROLE_TEXT } from './roles';

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
  const [editor, setEditor] = useState(false);
  const [showLeft, setShowLeft] = useState(false);
  useEffect(() => {
    void isVenueManager().then(setEditor);
  }, []);
  // Back from adding or editing someone: the list is read again.
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void reload();
    shownOnce.current = true;
  });
  if (state.status === 'error' && !state.data) return <ErrorState error={state.error} onRetry={reload} />;
  if (!state.data) return <Loading />;
  const all = state.data.items;
  const staff = all.filter((s) => !hasLeft(s, today));
  const left = all.filter((s) => hasLeft(s, today));
  const unfit = staff.filter((s) => s.unfit);
  const edit = (id?: string) => Taro.navigateTo({ url: `/operator/staff-edit/index${id ? `?id=${id}` : ''}` });
  return (
    <View className="page">
      <View className={`card ${unfit.length ? 'card-warn' : ''}`}>
        <Text className="card-title">今日不宜上岗</Text>
        <Text>{unfit.length ? unfit.map((s) => s.name).join('、') : '无'}</Text>
      </View>
      {editor ? (
        <Button className="btn btn-primary" onClick={() => edit()}>
          添加员工
        </Button>
      ) : null}
      {staff.length === 0 ? <Empty text="尚未登记从业人员" /> : null}
      {staff.map((s) => (
        <StaffCard key={s.id} staff={s} today={today} onEdit={editor ? () => edit(s.id) : undefined} />
      ))}
      {left.length > 0 ? (
        <View className="link-row" onClick={() => setShowLeft(!showLeft)}>
          <Text className="link">{showLeft ? '收起已离职人员' : `已离职 ${left.length} 人（档案保留）`}</Text>
        </View>
      ) : null}
      {showLeft
        ? left.map((s) => (
            <StaffCard key={s.id} staff={s} today={today} onEdit={editor ? () => edit(s.id) : undefined} />
          ))
        : null}
    </View>
  );
}

function StaffCard({
  staff: s,
  today,
  onEdit,
}: {
  staff: StaffOnDay;
  today: string;
  onEdit?: (() => void) | undefined;
}) {
  const gone = hasLeft(s, today);
  const health = certificateText(s.healthCertificate.expiresOn, today);
  const training = certificateText(s.trainingCertificate?.expiresOn, today);
  return (
    <View className="card" data-staff-id={s.id}>
      <View className="row-between">
        <Text className="card-title">{s.name}</Text>
        {gone ? <Text className="tag">{`已于 ${s.leftOn} 离职`}</Text> : null}
        {s.leftOn && !gone ? <Text className="tag tag-warning">{`最后工作日 ${s.leftOn}`}</Text> : null}
        {!gone && s.unfit ? <Text className="tag tag-critical">今日不宜上岗</Text> : null}
      </View>
      <Text className="muted">{ROLE_TEXT[s.role] ?? s.role}</Text>
      {gone ? null : (
        <>
          <Text className={health.bad ? 'field-message' : ''}>{`健康证：${health.text}`}</Text>
          <Text className={training.bad ? 'field-message' : ''}>{`培训合格证：${training.text}`}</Text>
        </>
      )}
      {onEdit ? (
        <Button className="btn" onClick={onEdit}>
          编辑
        </Button>
      ) : null}
    </View>
  );
}
