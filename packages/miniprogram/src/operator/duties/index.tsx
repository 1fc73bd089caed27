/**
 * The legal duties and operating procedures (法定义务/操作规范) the regulator pushed to this venue, unread first:
 * open one to read it whole, then 「我已阅读」 records the venue's read receipt (the regulator sees who has not read
 * them). Read ones show who read them and when, in the venue's zone.
 */
import { createDutiesClient, DUTY_CATEGORY_LABELS, type VenueDuty } from '@brightkitchen/sdk';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { PRESSABLE } from '../../components/a11y';
import { Empty, ErrorState, Loading, Notice } from '../../components/states';
import { errorText } from '../../lib/error-text';
import type { CurrentVenue } from '../../lib/operator-venue';
import { operatorClient } from '../client';
import { requireOperator } from '../require-login';
import { localTime } from './read-time';

type State =
  | { s: 'loading' }
  | { s: 'error'; error: unknown }
  | { s: 'ready'; venue: CurrentVenue; items: readonly VenueDuty[] };

export default function DutiesPage() {
  const [state, setState] = useState<State>({ s: 'loading' });
  const [open, setOpen] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function load() {
    const venue = await requireOperator();
    if (!venue) return;
    try {
      const answer = await createDutiesClient(operatorClient()).forVenue(venue.id);
      setState({ s: 'ready', venue, items: answer.items });
    } catch (error) {
      setState({ s: 'error', error });
    }
  }
  useDidShow(() => {
    void load();
  });

  if (state.s === 'loading') return <Loading />;
  if (state.s === 'error') return <ErrorState error={state.error} onRetry={load} />;
  const { venue, items } = state;

  async function markRead(duty: VenueDuty) {
    setBusy(true);
    setMessage('');
    try {
      const read = await createDutiesClient(operatorClient()).markRead(venue.id, duty.id);
      setState({ s: 'ready', venue, items: items.map((d) => (d.id === read.id ? read : d)) });
      setMessage('已记录阅读，监管部门可看到本单位已阅');
    } catch (error) {
      setMessage(errorText(error).title);
    } finally {
      setBusy(false);
    }
  }

  const unread = items.filter((d) => !d.readAt).length;
  return (
    <View className="page" data-testid="duties">
      <Text className="section-title">{unread > 0 ? `未读 ${unread} 条` : '全部已读'}</Text>
      <Notice text={message} testId="duty-message" />
      {items.length === 0 ? <Empty text="监管部门暂未推送法定义务或操作规范" /> : null}
      {items.map((d) => (
        <View key={d.id} className={`card ${d.readAt ? '' : 'card-warn'}`} data-testid="duty-item">
          <View {...PRESSABLE} onClick={() => setOpen(open === d.id ? null : d.id)}>
            <Text className="card-title">{`【${DUTY_CATEGORY_LABELS[d.category]}】${d.title}`}</Text>
            <Text className="muted">
              {d.readAt
                ? `${d.readBy ?? ''} 已阅读 ${localTime(d.readAt, venue.timeZone)}`
                : `未读 · ${d.regionName}发布于 ${localTime(d.publishedAt, venue.timeZone)}`}
            </Text>
          </View>
          {open === d.id || !d.readAt ? (
            <View>
              <Text>{d.body}</Text>
              {d.basis ? <Text className="muted">{`依据：${d.basis}`}</Text> : null}
              {d.link ? <Text className="muted" userSelect>{`详情：${d.link}`}</Text> : null}
            </View>
          ) : null}
          {d.readAt ? null : (
            <Button className="btn btn-primary" disabled={busy} onClick={() => void markRead(d)}>
              我已阅读
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}
