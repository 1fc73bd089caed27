/**
 * Opt in to the region's consumer alerts by WeChat: each tap asks WeChat for one subscribe message
 * (`requestSubscribeMessage`, a one-time template) and, when accepted, tells the server, which keeps it per consumer
 * and region (`/v1/me/tip-subscriptions`). WeChat only: the h5 app has no subscribe messages. Plain requests and
 * few words: the main package is near its budget (a Chinese character costs six bytes in the weapp output).
 */
import type { TipSubscription, TipSubscriptions } from '@brightkitchen/sdk';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { consumerClient } from '../../lib/client';
import { ensureConsumerLogin } from '../../lib/consumer-login';

const PATH = '/v1/me/tip-subscriptions';

async function optIn(regionId: string): Promise<string> {
  await ensureConsumerLogin();
  const client = consumerClient();
  const { templateId } = await client.request<TipSubscriptions>({ method: 'GET', path: PATH });
  if (!templateId) return '暂未开放';
  const answer = (await Taro.requestSubscribeMessage({ tmplIds: [templateId] } as never)) as unknown as Record<
    string,
    string
  >;
  if (answer[templateId] !== 'accept') return '未订阅';
  const { remaining } = await client.request<TipSubscription>({ method: 'POST', path: PATH, body: { regionId } });
  return `已订阅，可收 ${remaining} 条`;
}

export function AlertSubscription({ regionId }: { regionId: string }) {
  const [said, setSaid] = useState('');
  if (process.env.TARO_ENV !== 'weapp') return null;
  return (
    <View className="card">
      <Button className="btn btn-primary" onClick={() => void optIn(regionId).then(setSaid, () => setSaid('订阅失败'))}>
        微信接收消费预警
      </Button>
      {said ? <Text className="muted">{said}</Text> : null}
    </View>
  );
}
