/** What waits in the outbox (saved on the phone, not yet on the server), what the server refused, and a send button. */
import {
  formatLocalTime,
  LEDGER_KIND_LABELS,
  type LedgerKind,
  type OutboxItem,
  type RejectedItem,
} from '@brightkitchen/sdk';
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { refusalText } from '../lib/error-text';
import { currentVenue } from '../lib/operator-venue';
import { operatorClient } from './client';

export function itemTitle(item: OutboxItem): string {
  const kind = (item.body as { kind?: string } | null)?.kind;
  const label = kind && kind in LEDGER_KIND_LABELS ? LEDGER_KIND_LABELS[kind as LedgerKind].zh : '记录';
  return `${label} · ${formatLocalTime(item.enqueuedAt, { style: 'time', timeZone: currentVenue()?.timeZone })}`;
}

export function OutboxPanel() {
  const client = operatorClient();
  const [pending, setPending] = useState<readonly OutboxItem[]>([]);
  const [rejected, setRejected] = useState<readonly RejectedItem[]>([]);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    const refresh = () => {
      void client.outbox.pending().then(setPending);
      void client.outbox.rejected().then(setRejected);
    };
    refresh();
    const events = ['queued', 'sent', 'failed', 'retrying', 'drained'] as const;
    for (const e of events) client.outbox.events.on(e, refresh);
    return () => {
      for (const e of events) client.outbox.events.off(e, refresh);
    };
  }, [client]);

  async function sendNow() {
    setSending(true);
    try {
      await client.outbox.flush();
    } finally {
      setSending(false);
    }
  }

  if (pending.length === 0 && rejected.length === 0) {
    return (
      <View className="card outbox outbox-empty">
        <Text className="muted">所有记录均已上传</Text>
      </View>
    );
  }
  return (
    <View className="card outbox">
      {pending.length > 0 ? (
        <>
          <Text className="card-title" data-testid="outbox-pending">{`待上传 ${pending.length} 条`}</Text>
          <Text className="muted">已保存在手机上，联网后自动上传，关闭小程序也不会丢失。</Text>
          {pending.map((item) => (
            <View key={item.id} className="row-between">
              <Text>{itemTitle(item)}</Text>
              <Text className="muted">{item.attempts > 0 ? `已重试 ${item.attempts} 次` : '等待上传'}</Text>
            </View>
          ))}
          <Button className="btn" loading={sending} disabled={sending} onClick={sendNow}>
            立即上传
          </Button>
        </>
      ) : null}
      {rejected.map((r) => (
        <View key={r.item.id} className="rejected" role="alert">
          <Text className="field-message">{`${itemTitle(r.item)} 未被接受：${refusalText(r.error)}`}</Text>
          <Text
            className="link"
            onClick={() => client.outbox.dismiss(r.item.id).then(() => setRejected((x) => x.filter((y) => y !== r)))}
          >
            知道了
          </Text>
        </View>
      ))}
    </View>
  );
}
