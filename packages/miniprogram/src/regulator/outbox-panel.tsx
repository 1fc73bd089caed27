/** What the regulator's outbox holds (inspections and their images saved on the phone), what was refused, and a send button. */
import { formatLocalTime, type OutboxItem, type RejectedItem } from '@brightkitchen/sdk';
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { refusalText } from '../lib/error-text';
import { regulatorClient } from '../lib/regulator-client';

const KIND_TITLES: Readonly<Record<string, string>> = { inspection: '检查记录', 'ledger-photo': '照片/签名' };

function itemTitle(item: OutboxItem): string {
  const at = formatLocalTime(item.enqueuedAt, { style: 'time', timeZone: 'Asia/Shanghai' });
  return `${KIND_TITLES[item.kind] ?? '记录'} · ${at}`;
}

export function RegulatorOutbox() {
  const client = regulatorClient();
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

  if (pending.length === 0 && rejected.length === 0) return null;
  const inspections = pending.filter((p) => p.kind === 'inspection').length;
  return (
    <View className="card outbox" data-testid="regulator-outbox">
      {pending.length > 0 ? (
        <>
          <Text className="card-title" data-testid="outbox-pending">
            {`待上传：检查记录 ${inspections} 份（共 ${pending.length} 项）`}
          </Text>
          <Text className="muted">已保存在手机上，联网后自动上传，只会提交一次。</Text>
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
