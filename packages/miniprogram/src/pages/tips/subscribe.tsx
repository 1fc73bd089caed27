/**
 * Opt in to the region's consumer alerts by WeChat: each tap asks WeChat for one subscribe message
 * (`requestSubscribeMessage`, one-time template) and, when accepted, tells the server (stored per consumer and
 * region, so it survives restarts). WeChat only: the h5 app has no subscribe messages, and nothing shows there.
 */
import type { TipSubscription } from '@brightkitchen/sdk';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { consumerClient } from '../../lib/client';
import { ensureConsumerLogin } from '../../lib/consumer-login';

export function AlertSubscription({ regionId }: { regionId: string }) {
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [mine, setMine] = useState<TipSubscription | undefined>();
  const [said, setSaid] = useState('');

  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    let live = true;
    const client = consumerClient();
    client.auth
      .session()
      .then((session) => (session?.user.role === 'consumer' ? client.tips.subscriptions() : null))
      .then((s) => {
        if (!live || !s) return;
        setTemplateId(s.templateId);
        setMine(s.items.find((i) => i.regionId === regionId));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [regionId]);

  if (process.env.TARO_ENV !== 'weapp') return null;

  async function subscribe() {
    try {
      await ensureConsumerLogin();
      const client = consumerClient();
      const template = templateId ?? (await client.tips.subscriptions()).templateId;
      if (!template) {
        setSaid('消费预警订阅暂未开放');
        return;
      }
      setTemplateId(template);
      const answer = (await Taro.requestSubscribeMessage({ tmplIds: [template] } as never)) as unknown as Record<
        string,
        string
      >;
      if (answer[template] !== 'accept') {
        setSaid('未订阅：可在右上角「设置」中打开订阅消息');
        return;
      }
      setMine(await client.tips.subscribe(regionId));
      setSaid('已订阅：有新的消费预警会通过微信通知您');
    } catch {
      setSaid('订阅未成功，请稍后再试');
    }
  }

  return (
    <View className="card" data-testid="tips-subscribe">
      <Text className="card-title">订阅消费预警</Text>
      <Text className="muted">
        {mine && mine.remaining > 0
          ? `已订阅，还可接收 ${mine.remaining} 条预警通知`
          : '订阅后，本地区发布新的消费预警时会通过微信通知您（每次订阅可接收一条）'}
      </Text>
      <Button className="btn btn-primary" onClick={() => void subscribe()}>
        {mine && mine.remaining > 0 ? '再订阅一条' : '订阅'}
      </Button>
      {said ? <Text className="muted">{said}</Text> : null}
    </View>
  );
}
