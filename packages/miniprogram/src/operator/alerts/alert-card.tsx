/**
 * One alert as the manager reads it: how severe, what happened and when (the venue's wall clock), who it is about
 * (the staff member of a fever or symptom alert), the AI capture's snapshot, the recording around it, and what is left
 * to do — acknowledge,
 * then resolve with the corrective action; a resolved alert stays, with the action taken.
 */
import { type Alert, formatLocalTime, type Severity } from '@brightkitchen/sdk';
import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { errorText } from '../../lib/error-text';
import { useFetchedImage } from '../../lib/fetched-image';
import { operatorClient } from '../client';
import { SOURCE_TEXT } from './alert-filters';
import { AlertRecording } from './alert-recording';

const SEVERITY_TEXT: Readonly<Record<Severity, string>> = { info: '提示', warning: '警告', critical: '严重' };
const STATE_TEXT: Readonly<Record<Alert['state'], string>> = {
  open: '待确认',
  acknowledged: '已确认，待处理',
  resolved: '已处理',
};

export function AlertCard(props: { alert: Alert; timeZone?: string | undefined; onChanged: () => Promise<void> }) {
  const { alert, timeZone, onChanged } = props;
  const [action, setAction] = useState('');
  const [resolving, setResolving] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const when = (at: string) => formatLocalTime(at, { style: 'relative', timeZone });
  const resolved = alert.state === 'resolved';

  async function run(task: () => Promise<unknown>) {
    setBusy(true);
    setMessage('');
    try {
      await task();
      await onChanged();
    } catch (error) {
      setMessage(errorText(error).title);
    } finally {
      setBusy(false);
    }
  }

  return (
    <View
      className={`card alert alert-${resolved ? 'resolved' : alert.severity}`}
      data-alert-id={alert.id}
      data-state={alert.state}
    >
      <View className="row-between">
        <View className="alert-tags">
          <Text className={`tag tag-${alert.severity}`}>{SEVERITY_TEXT[alert.severity]}</Text>
          <Text className="tag">{SOURCE_TEXT[alert.source]}</Text>
        </View>
        <Text className={resolved ? 'alert-state alert-state-done' : 'alert-state'}>{STATE_TEXT[alert.state]}</Text>
      </View>
      <Text className="alert-message">{alert.message.zh}</Text>
      {alert.staff ? (
        <Text className="alert-staff" data-testid="alert-staff">{`员工：${alert.staff.name}`}</Text>
      ) : null}
      <Text className="muted">{`发生于 ${when(alert.openedAt)}`}</Text>
      {alert.snapshot ? <Snapshot alert={alert} /> : null}
      <AlertRecording alert={alert} />
      {resolved ? (
        <View className="alert-resolution">
          {alert.correctiveAction ? <Text>{`整改措施：${alert.correctiveAction}`}</Text> : null}
          {alert.resolvedAt ? <Text className="muted">{`处理于 ${when(alert.resolvedAt)}`}</Text> : null}
        </View>
      ) : null}
      {alert.state === 'open' ? (
        <Button
          className="btn btn-primary"
          disabled={busy}
          onClick={() => run(() => operatorClient().alerts.ack(alert.id))}
        >
          确认收到
        </Button>
      ) : null}
      {resolved ? null : resolving ? (
        <>
          <Textarea
            className="textarea"
            aria-label="整改措施"
            value={action}
            placeholder="采取了哪些整改措施？例如：已安排该员工休息，调整岗位"
            onInput={(e) => setAction(e.detail.value)}
          />
          <Button
            className="btn btn-primary"
            disabled={busy}
            onClick={() =>
              action.trim()
                ? run(() => operatorClient().alerts.resolve(alert.id, action.trim()))
                : setMessage('请填写整改措施')
            }
          >
            提交整改
          </Button>
        </>
      ) : (
        <Button className="btn" onClick={() => setResolving(true)}>
          处理完成
        </Button>
      )}
      {message ? (
        <View role="alert" className="field-message">
          <Text>{message}</Text>
        </View>
      ) : null}
    </View>
  );
}

/** The AI capture's image, fetched with the operator's token (an `<Image src>` cannot send one). */
function Snapshot({ alert }: { alert: Alert }) {
  const image = useFetchedImage(`alert:${alert.id}`, alert.snapshot?.contentType ?? 'image/jpeg', () =>
    operatorClient().alerts.snapshot(alert.id),
  );
  if (image.s === 'failed') return <Text className="muted">抓拍图片暂时无法加载</Text>;
  if (image.s === 'loading') return <Text className="muted">抓拍图片加载中…</Text>;
  return <Image className="snapshot" src={image.src} mode="widthFix" aria-label="AI 抓拍图片" />;
}
