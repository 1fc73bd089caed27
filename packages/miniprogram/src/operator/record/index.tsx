/**
 * One saved ledger record, read-only: every field as filled in, the rules' findings, and its corrections. A record
 * is never changed: a correction is a new record that names it and why; the corrected one shows 已更正 with a link
 * to its correction, and the correction links back.
 */
import { formatLocalTime, LEDGER_KIND_LABELS, type LedgerKind, type LedgerListEntry } from '@brightkitchen/sdk';
import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ErrorState, Loading } from '../../components/states';
import { shownFields, withStaffName } from '../../ledger-form/display';
import { useFetchedImage } from '../../lib/fetched-image';
import { currentVenue } from '../../lib/operator-venue';
import { operatorClient } from '../client';
import '../records.css';

type State =
  | { s: 'loading' }
  | { s: 'error'; error: unknown }
  | { s: 'ready'; entry: LedgerListEntry; names: ReadonlyMap<string, string> };

export default function RecordPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const venue = currentVenue();
  const timeZone = venue?.timeZone;
  const [state, setState] = useState<State>({ s: 'loading' });

  async function load() {
    if (!venue) return;
    try {
      const client = operatorClient();
      const entry = await client.ledgers.get(venue.id, id);
      const unnamed = entry.record.kind === 'morning_check' && !entry.record.staffName;
      const staff = unnamed ? await client.venues.staff.list(venue.id, { limit: 500 }).catch(() => null) : null;
      setState({ s: 'ready', entry, names: new Map((staff?.items ?? []).map((s) => [s.id, s.name] as const)) });
    } catch (error) {
      setState({ s: 'error', error });
    }
  }

  useDidShow(() => {
    void load();
  });

  if (state.s === 'loading') return <Loading />;
  if (state.s === 'error') return <ErrorState error={state.error} onRetry={() => void load()} />;
  const { entry } = state;
  const kind = entry.kind as LedgerKind;
  const record = withStaffName(entry.record as unknown as Readonly<Record<string, unknown>>, state.names);
  const open = (recordId: string) => Taro.navigateTo({ url: `/operator/record/index?id=${recordId}` });

  return (
    <View className="page" data-record-id={entry.id}>
      <View className="card">
        <View className="row-between">
          <Text className="card-title">{LEDGER_KIND_LABELS[kind].zh}</Text>
          {entry.correctedBy ? <Text className="tag tag-corrected">已更正</Text> : null}
        </View>
        <Text className="muted">{`第 ${entry.seq} 条 · 保存于 ${formatLocalTime(entry.createdAt, { timeZone })}`}</Text>
        {entry.correctedBy ? (
          <View className="correction-note" data-testid="corrected-by">
            <Text>{`这条记录已于 ${formatLocalTime(entry.correctedBy.createdAt, { timeZone })} 更正`}</Text>
            <Text className="muted">{`更正原因：${entry.correctedBy.reason}`}</Text>
            <Text className="link" onClick={() => open(entry.correctedBy?.recordId ?? '')}>
              {`查看更正后的记录（第 ${entry.correctedBy.seq} 条）`}
            </Text>
          </View>
        ) : null}
        {entry.record.corrects ? (
          <View className="correction-note" data-testid="corrects">
            <Text>这是一条更正记录</Text>
            <Text className="muted">{`更正原因：${entry.record.corrects.reason}`}</Text>
            <Text className="link" onClick={() => open(entry.record.corrects?.recordId ?? '')}>
              查看被更正的原记录
            </Text>
          </View>
        ) : null}
      </View>

      <View className="card">
        {shownFields(kind, record, timeZone).map((f) => (
          <View key={f.path} className="record-field-block">
            <View className="record-field">
              <Text className="record-field-label">{f.label}</Text>
              <Text className="record-field-value">{f.text}</Text>
            </View>
            {f.photoRef && venue ? <LedgerPhoto venueId={venue.id} refId={f.photoRef} label={f.label} /> : null}
          </View>
        ))}
      </View>

      {entry.issues.length > 0 ? (
        <View className="card card-warn">
          <Text className="card-title">规则提示</Text>
          {entry.issues.map((issue) => (
            <Text key={`${issue.code}:${issue.path}`} className="statement">
              {issue.message.zh}
            </Text>
          ))}
        </View>
      ) : null}

      {entry.correctedBy ? null : (
        <Button
          className="btn btn-primary btn-large"
          onClick={() => Taro.navigateTo({ url: `/operator/ledger/index?kind=${kind}&corrects=${entry.id}` })}
        >
          更正这条记录
        </Button>
      )}
      <Text className="muted">台账记录保存后不能修改或删除；发现填错时请提交更正，原记录保留并标注“已更正”。</Text>
    </View>
  );
}

function LedgerPhoto({ venueId, refId, label }: { venueId: string; refId: string; label: string }) {
  // Stored photos are JPEG or PNG; the decoder reads the bytes whatever the label says.
  const image = useFetchedImage(`photo:${refId}`, 'image/jpeg', () => operatorClient().ledgers.photo(venueId, refId));
  if (image.s !== 'shown') return null;
  return <Image className="record-photo" src={image.src} mode="widthFix" aria-label={label} />;
}
