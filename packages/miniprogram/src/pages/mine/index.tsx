/** "Mine": the person's notices and complaints with their status and the operator's answer. */
import {
  type Complaint,
  type ComplaintState,
  formatLocalTime,
  type Notice,
  type NoticeState,
} from '@brightkitchen/sdk';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { PRESSABLE } from '../../components/a11y';
import { Empty, ErrorState, Loading } from '../../components/states';
import { consumerClient } from '../../lib/client';
import { ensureConsumerLogin, SIGN_IN_NAME, SignInCancelled } from '../../lib/consumer-login';

const NOTICE_STATE_TEXT: Readonly<Record<NoticeState, string>> = {
  sent: '待答复',
  answered: '已答复',
  closed: '已关闭',
};
const COMPLAINT_STATE_TEXT: Readonly<Record<ComplaintState, string>> = {
  submitted: '已提交',
  in_progress: '处理中',
  resolved: '已办结',
  rejected: '不予受理',
};

type Mine = { notices: readonly Notice[]; complaints: readonly Complaint[] };
type State = { s: 'anonymous' } | { s: 'loading' } | { s: 'error'; error: unknown } | { s: 'ready'; mine: Mine };

export default function MinePage() {
  const [state, setState] = useState<State>({ s: 'loading' });

  async function load(login: boolean) {
    const client = consumerClient();
    if (!login && !(await client.auth.session())) return setState({ s: 'anonymous' });
    setState({ s: 'loading' });
    try {
      if (login) await ensureConsumerLogin();
      const [notices, complaints] = await Promise.all([client.notices.list(), client.complaints.list()]);
      setState({ s: 'ready', mine: { notices: notices.items, complaints: complaints.items } });
    } catch (error) {
      setState(error instanceof SignInCancelled ? { s: 'anonymous' } : { s: 'error', error });
    }
  }

  useDidShow(() => {
    void load(false);
  });

  return (
    <View className="page">
      {state.s === 'anonymous' ? (
        <View className="card center">
          <Text className="muted">登录后查看您提交的告知和投诉</Text>
          <Button className="btn btn-primary" onClick={() => load(true)}>
            {`${SIGN_IN_NAME}登录`}
          </Button>
        </View>
      ) : null}
      {state.s === 'loading' ? <Loading /> : null}
      {state.s === 'error' ? <ErrorState error={state.error} onRetry={() => load(true)} /> : null}
      {state.s === 'ready' ? (
        <>
          <Text className="section-title">我的告知</Text>
          {state.mine.notices.length === 0 ? <Empty text="还没有告知记录" /> : null}
          {state.mine.notices.map((n) => (
            <View key={n.id} className="card" data-testid="my-notice">
              <View className="row-between">
                <Text className="card-title">{n.venueName ?? n.subject}</Text>
                <Text className={`tag tag-${n.state}`}>{NOTICE_STATE_TEXT[n.state]}</Text>
              </View>
              <Text className="muted">{`${formatLocalTime(n.sentAt, { style: 'relative', timeZone: n.timeZone })} 发出`}</Text>
              <Text>{n.body}</Text>
              {n.answer ? (
                <Text className="answer">
                  {`商户答复（${formatLocalTime(n.answeredAt ?? n.sentAt, { style: 'relative', timeZone: n.timeZone })}）${n.answer}`}
                </Text>
              ) : null}
            </View>
          ))}
          <Text className="section-title">我的投诉</Text>
          {state.mine.complaints.length === 0 ? <Empty text="还没有投诉记录" /> : null}
          {state.mine.complaints.map((c) => (
            <View key={c.id} className="card" data-testid="my-complaint">
              <View className="row-between">
                <Text className="card-title">{c.venueName ?? '投诉'}</Text>
                <Text className={`tag tag-${c.state}`}>{COMPLAINT_STATE_TEXT[c.state]}</Text>
              </View>
              <Text className="muted">{`${formatLocalTime(c.submittedAt, { style: 'relative', timeZone: c.timeZone })} 提交`}</Text>
              <Text>{c.text}</Text>
              {c.photos.length > 0 || c.location ? (
                <Text className="muted">
                  {[c.photos.length > 0 ? `附照片 ${c.photos.length} 张` : '', c.location ? '附位置' : '']
                    .filter(Boolean)
                    .join('，')}
                </Text>
              ) : null}
            </View>
          ))}
        </>
      ) : null}
      <View className="link-row" {...PRESSABLE} onClick={() => Taro.navigateTo({ url: '/operator/login/index' })}>
        <Text className="link">商户入口</Text>
      </View>
    </View>
  );
}
