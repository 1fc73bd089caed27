/**
 * Alerts of the venue, newest first, with their history (resolved ones stay) and filters by state, kind and date:
 * live over the realtime topic (MQTT over WebSocket at `<api>/mqtt`), polled every 10 s whenever realtime is not
 * connected. Acknowledge, then resolve with the corrective action taken.
 */
import { type Alert, localDay } from '@brightkitchen/sdk';
import { Button, Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/states';
import { currentVenue } from '../../lib/operator-venue';
import { operatorClient } from '../client';
import { AlertCard } from './alert-card';
import {
  type AlertFilters,
  alertQuery,
  DEFAULT_FILTERS,
  emptyText,
  RANGE_CHOICES,
  SOURCE_CHOICES,
  STATE_CHOICES,
} from './alert-filters';
import './alerts.css';

export const POLL_MS = 10_000;
/** The server publishes a venue's alert events here (read-only for its members). */
export const alertTopic = (venueId: string) => `bk/venues/${venueId}/events`;

type State =
  | { s: 'loading' }
  | { s: 'error'; error: unknown }
  | { s: 'ready'; alerts: readonly Alert[]; nextCursor: string | null };

export default function AlertsPage() {
  const venue = currentVenue();
  const venueId = venue?.id ?? '';
  const [state, setState] = useState<State>({ s: 'loading' });
  const [filters, setFilters] = useState<AlertFilters>(DEFAULT_FILTERS);
  const [more, setMore] = useState(false);
  const [live, setLive] = useState(() => operatorClient().socket.status === 'online');
  const visible = useRef(true);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const loadRef = useRef(load);
  loadRef.current = load;

  /** The first page under the filters (again after a change, a push, a poll); what was paged further is dropped. */
  async function load(shown: AlertFilters = filtersRef.current) {
    try {
      const query = alertQuery(venueId, shown, localDay(Date.now(), venue?.timeZone));
      const page = await operatorClient().alerts.list(query);
      if (shown !== filtersRef.current) return;
      setState({ s: 'ready', alerts: page.items, nextCursor: page.nextCursor });
    } catch (error) {
      setState((s) => (s.s === 'ready' ? s : { s: 'error', error }));
    }
  }

  async function loadMore() {
    if (state.s !== 'ready' || !state.nextCursor || more) return;
    setMore(true);
    try {
      const shown = filtersRef.current;
      const query = alertQuery(venueId, shown, localDay(Date.now(), venue?.timeZone));
      const page = await operatorClient().alerts.list({ ...query, cursor: state.nextCursor });
      if (shown !== filtersRef.current) return;
      setState((s) =>
        s.s === 'ready' ? { s: 'ready', alerts: [...s.alerts, ...page.items], nextCursor: page.nextCursor } : s,
      );
    } catch {
      // The list stays as it is; the button stays for another try.
    } finally {
      setMore(false);
    }
  }

  function choose(next: Partial<AlertFilters>) {
    const chosen = { ...filtersRef.current, ...next };
    filtersRef.current = chosen;
    setFilters(chosen);
    setState({ s: 'loading' });
    void load(chosen);
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

  const chips = <T extends string>(
    label: string,
    choices: readonly (readonly [T, string])[],
    on: T,
    key: keyof AlertFilters,
  ) => (
    <View className="chips alert-filter" role="radiogroup" aria-label={label}>
      {choices.map(([value, text]) => (
        <View
          key={value}
          className={`chip chip-small ${value === on ? 'chip-on' : ''}`}
          role="radio"
          aria-checked={value === on}
          onClick={() => choose({ [key]: value } as Partial<AlertFilters>)}
        >
          <Text>{text}</Text>
        </View>
      ))}
    </View>
  );

  return (
    <View className="page">
      <Text className="muted" data-testid="realtime-status" data-live={live}>
        {live ? '实时推送已连接' : '每 10 秒自动刷新'}
      </Text>
      <View className="card alert-filters">
        {chips('按状态筛选', STATE_CHOICES, filters.state, 'state')}
        {chips('按类型筛选', SOURCE_CHOICES, filters.source, 'source')}
        {chips('按日期筛选', RANGE_CHOICES, filters.range, 'range')}
      </View>
      {state.s === 'loading' ? <Loading /> : null}
      {state.s === 'error' ? <ErrorState error={state.error} onRetry={() => void load()} /> : null}
      {state.s === 'ready' && state.alerts.length === 0 ? <Empty text={emptyText(filters)} /> : null}
      {state.s === 'ready'
        ? state.alerts.map((a) => (
            <AlertCard key={a.id} alert={a} timeZone={venue?.timeZone} onChanged={() => load()} />
          ))
        : null}
      {state.s === 'ready' && state.nextCursor ? (
        <Button className="btn" disabled={more} onClick={loadMore}>
          {more ? '加载中…' : '加载更早的告警'}
        </Button>
      ) : null}
    </View>
  );
}
