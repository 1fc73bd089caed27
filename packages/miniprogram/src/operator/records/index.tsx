/**
 * Today's records of one ledger kind, newest first, to open and read (and from there correct); a corrected record
 * is marked 已更正 and its correction 更正记录. A new record is one tap away.
 */
import {
  formatLocalTime,
  LEDGER_KIND_LABELS,
  LEDGER_KINDS,
  type LedgerKind,
  type LedgerListEntry,
  localDay,
} from '@brightkitchen/sdk';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Empty, ErrorState, Loading } from '../../components/states';
import { recordInstant, recordSummary, withStaffName } from '../../ledger-form/display';
import { currentVenue } from '../../lib/operator-venue';
import { operatorClient } from '../client';
import '../records.css';

type State =
  | { s: 'loading' }
  | { s: 'error'; error: unknown }
  | { s: 'ready'; entries: readonly LedgerListEntry[]; names: ReadonlyMap<string, string> };

export default function RecordsPage() {
  const { params } = useRouter();
  const kind = (LEDGER_KINDS as readonly string[]).includes(params.kind ?? '')
    ? (params.kind as LedgerKind)
    : 'morning_check';
  const venue = currentVenue();
  const timeZone = venue?.timeZone;
  const [state, setState] = useState<State>({ s: 'loading' });

  async function load() {
    if (!venue) return;
    const today = localDay(Date.now(), timeZone);
    try {
      const client = operatorClient();
      const [page, staff] = await Promise.all([
        client.ledgers.list(venue.id, { kind, from: today, to: today, limit: 200 }),
        kind === 'morning_check' ? client.venues.staff.list(venue.id, { limit: 500 }).catch(() => null) : null,
      ]);
      const names = new Map((staff?.items ?? []).map((s) => [s.id, s.name] as const));
      setState({ s: 'ready', entries: page.items, names });
    } catch (error) {
      setState((s) => (s.s === 'ready' ? s : { s: 'error', error }));
    }
  }

  useDidShow(() => {
    void load();
  });

  const add = () => Taro.navigateTo({ url: `/operator/ledger/index?kind=${kind}` });
  const title = LEDGER_KIND_LABELS[kind].zh;

  return (
    <View className="page">
      <Text className="section-title">{`今日${title}`}</Text>
      {state.s === 'loading' ? <Loading /> : null}
      {state.s === 'error' ? <ErrorState error={state.error} onRetry={() => void load()} /> : null}
      {state.s === 'ready' && state.entries.length === 0 ? <Empty text={`今天还没有${title}记录`} /> : null}
      {state.s === 'ready'
        ? state.entries.map((entry) => {
            const record = withStaffName(entry.record as unknown as Readonly<Record<string, unknown>>, state.names);
            const at = recordInstant(record) ?? entry.createdAt;
            return (
              <View
                key={entry.id}
                className={`record-row ${entry.correctedBy ? 'record-corrected' : ''}`}
                data-record-id={entry.id}
                onClick={() => Taro.navigateTo({ url: `/operator/record/index?id=${entry.id}` })}
              >
                <View className="record-row-head">
                  <Text className="record-time">{formatLocalTime(at, { style: 'time', timeZone })}</Text>
                  <View className="record-tags">
                    {entry.correctedBy ? <Text className="tag tag-corrected">已更正</Text> : null}
                    {entry.record.corrects ? <Text className="tag tag-correction">更正记录</Text> : null}
                    {entry.issues.length > 0 ? (
                      <Text className="tag tag-warning">{`${entry.issues.length} 项提示`}</Text>
                    ) : null}
                  </View>
                </View>
                <Text className="record-summary">{recordSummary(kind, record, timeZone)}</Text>
                <Text className="muted">{`第 ${entry.seq} 条 · 点按查看`}</Text>
              </View>
            );
          })
        : null}
      <Button className="btn btn-primary btn-large" onClick={add}>
        {`新增${title}`}
      </Button>
    </View>
  );
}
