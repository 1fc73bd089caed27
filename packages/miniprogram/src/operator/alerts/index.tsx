/**
 * Alerts of the venue: live over the realtime topic (MQTT over WebSocket at `<api>/mqtt`), polled every 10 s
 * whenever realtime is not connected. Acknowledge, then resolve with the corrective action taken.
 */
import type { Alert, Severity } from '@brightkitchen/sdk';
import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/states';
import { errorText } from '../../lib/error-text';
import { currentVenue } from '../../lib/operator-venue';
import { operatorClient } from '../client';

export const POLL_MS = 10_000;
/** The server publishes a venue's alert events here (read-only for its members). */
export const alertTopic = (venueId: string) => `bk/venues/${venueId}/events`;

const SEVERITY_TEXT: Readonly<Record<Severity, string>> = { info: '提示', warning: '警告', critical: '严重' };

type State = { s: 'loading' } | { s: 'error'; error: unknown } | { s: 'ready'; alerts: readonly Alert[] };

export default function AlertsPage() {
  const venue = currentVenue();
  const venueId = venue?.id ?? '';
  const [state, setState] = useState<State>({ s: 'loading' });
  const [live, setLive] = useState(() => operatorClient().socket.status === 'online');
  const visible = useRef(true);
  const loadRef = useRef(load);
  loadRef.current = load;

  async function load() {
    try {
      const page = await operatorClient().alerts.list({ venueId, limit: 100 });
      setState({ s: 'ready', alerts: page.items.filter((a) => a.state !== 'resolved') });
    } catch (error) {
      setState((s) => (s.s === 'ready' ? s : { s: 'error', error }));
    }
  }

  useDidShow(() => {
    visible.current = true;
    void load();
  });
  useDidHide(() => {
    visible.current = false;
  });

  useEffect(() => {
    if (!venueId) return;
    const client = operatorClient();
    let unsubscribe: (() => Promise<void>) | null = null;
    let dropped = false;
    const stopFollowing = client.onRealtimeStatus((status) => {
      setLive(status === 'online');
      if (status === 'offline') dropped = true;
      // Back online after a drop: what was published meanwhile is fetched once.
      if (status === 'online' && dropped) {
        dropped = false;
        if (visible.current) void loadRef.current();
      }
    });
    client.socket
      .subscribe(alertTopic(venueId), () => void loadRef.current())
      .then((u) => {
        unsubscribe = u;
      })
      .catch(() => {});
    const timer = setInterval(() => {
      const online = client.socket.status === 'online';
      setLive(online);
      if (!online && visible.current) void loadRef.current();
    }, POLL_MS);
    return () => {
      stopFollowing();
      clearInterval(timer);
      void unsubscribe?.();
    };
  }, [venueId]);

  if (state.s === 'loading') return <Loading />;
  if (state.s === 'error') return <ErrorState error={state.error} onRetry={load} />;
  return (
    <View className="page">
      <Text className="muted" data-testid="realtime-status" data-live={live}>
        {live ? '实时推送已连接' : '每 10 秒自动刷新'}
      </Text>
      {state.alerts.length === 0 ? <Empty text="暂无待处理告警" /> : null}
      {state.alerts.map((a) => (
        <AlertCard key={a.id} alert={a} onChanged={load} />
      ))}
    </View>
  );
}

function AlertCard({ alert, onChanged }: { alert: Alert; onChanged: () => Promise<void> }) {
  const [action, setAction] = useState('');
  const [resolving, setResolving] = useState(false);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const snapshot = typeof alert.details?.snapshotUrl === 'string' ? alert.details.snapshotUrl : undefined;

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
    <View className={`card alert alert-${alert.severity}`} data-alert-id={alert.id}>
      <View className="row-between">
        <Text className={`tag tag-${alert.severity}`}>{SEVERITY_TEXT[alert.severity]}</Text>
        <Text className="muted">{alert.state === 'open' ? '待确认' : '已确认，待处理'}</Text>
      </View>
      <Text className="alert-message">{alert.message.zh}</Text>
      <Text className="muted">{alert.openedAt.slice(0, 16).replace('T', ' ')}</Text>
      {snapshot ? <Image className="snapshot" src={snapshot} mode="widthFix" /> : null}
      {alert.state === 'open' ? (
        <Button
          className="btn btn-primary"
          disabled={busy}
          onClick={() => run(() => operatorClient().alerts.ack(alert.id))}
        >
          确认收到
        </Button>
      ) : null}
      {resolving ? (
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
