/**
 * One rectification notice (责令整改通知书) for the operator: what was found, the obligation, what to do and by
 * when; earlier answers and the regulator's remarks; and, while it is open, the answer form — what was done and
 * photos, saved to the outbox (photos first) and sent when online.
 */
import {
  LEDGER_PHOTO_MAX_BYTES,
  RECTIFICATION_PHOTOS_MAX,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATE_LABELS,
  type Rectification,
} from '@brightkitchen/sdk';
import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { named, PRESSABLE } from '../../components/a11y';
import { ErrorState, Loading } from '../../components/states';
import { refusalText } from '../../lib/error-text';
import { type PickedPhoto, pickPhotos } from '../../lib/photos';
import { operatorClient } from '../client';
import { requireOperator } from '../require-login';
import { deadlineText } from './deadline';
import { saveResponse } from './save-response';

const LIMITS = { count: RECTIFICATION_PHOTOS_MAX, maxBytes: LEDGER_PHOTO_MAX_BYTES };

type State = { s: 'loading' } | { s: 'error'; error: unknown } | { s: 'ready'; r: Rectification };
type Sent = { state: 'waiting' | 'sent' | 'refused'; text: string };

export default function RectificationPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [state, setState] = useState<State>({ s: 'loading' });
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<readonly PickedPhoto[]>([]);
  const [message, setMessage] = useState('');
  const [sent, setSent] = useState<Sent | null>(null);
  const [saving, setSaving] = useState(false);

  async function load() {
    const venue = await requireOperator();
    if (!venue) return;
    try {
      setState({ s: 'ready', r: await operatorClient().rectifications.get(id) });
    } catch (error) {
      setState({ s: 'error', error });
    }
  }
  useDidShow(() => {
    void load();
  });

  if (state.s === 'loading') return <Loading />;
  if (state.s === 'error') return <ErrorState error={state.error} onRetry={load} />;
  const { r } = state;

  async function addPhotos() {
    try {
      const picked = await pickPhotos(photos.length, LIMITS);
      setPhotos((p) => [...p, ...picked.photos]);
      setMessage(picked.tooLarge > 0 ? `有 ${picked.tooLarge} 张照片过大，没有添加` : '');
    } catch {
      // Cancelled by the person: nothing to say.
    }
  }

  async function submit() {
    if (saving) return;
    if (!text.trim()) return setMessage('请写明整改情况');
    if (photos.length === 0) return setMessage('请至少附一张整改后的照片');
    setSaving(true);
    setMessage('');
    try {
      const saved = await saveResponse(operatorClient(), r.venueId, r.id, text.trim(), photos);
      setSent({ state: 'waiting', text: '已保存，联网后自动提交' });
      const [answer, ...photoOutcomes] = await Promise.all([
        saved.answer.settled,
        ...saved.photos.map((p) => p.settled),
      ]);
      const refused = [answer, ...photoOutcomes].find((o) => o?.state === 'failed');
      setSent(
        refused?.state === 'failed'
          ? { state: 'refused', text: `未被接受：${refusalText(refused.error)}` }
          : { state: 'sent', text: '整改情况已提交，等待监管部门复核' },
      );
      if (answer?.state === 'sent') void load();
    } catch (error) {
      setMessage(`未能保存在手机上：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  }

  const lastReview = r.reviews[r.reviews.length - 1];
  return (
    <View className="page">
      <View className="card" data-testid="rectification">
        <Text className="card-title">责令整改通知书</Text>
        <Text className={r.overdue ? 'field-message' : 'muted'} data-testid="rectification-deadline">
          {deadlineText(r)}
        </Text>
        <Text className="muted">{`状态：${RECTIFICATION_STATE_LABELS[r.state]} · 来源：${RECTIFICATION_SOURCE_LABELS[r.source.kind]}`}</Text>
        <Text className="section-title">依据</Text>
        <Text>{r.obligation}</Text>
        <Text className="section-title">发现的问题</Text>
        <Text>{r.findings}</Text>
        <Text className="section-title">整改要求</Text>
        <Text>{r.requirement}</Text>
        {r.reinspectOn ? <Text className="muted">{`计划复查日期：${r.reinspectOn}`}</Text> : null}
      </View>

      {lastReview?.decision === 'reject' && r.state === 'open' ? (
        <View className="card card-warn" data-testid="rectification-rejected">
          <Text className="card-title">复核未通过，请重新整改</Text>
          <Text>{lastReview.remark ?? ''}</Text>
        </View>
      ) : null}

      {r.responses.length > 0 ? (
        <View className="card">
          <Text className="card-title">已提交的整改情况</Text>
          {r.responses.map((resp) => (
            <Text key={resp.at} className="muted">{`${resp.text}（照片 ${resp.photos.length} 张）`}</Text>
          ))}
        </View>
      ) : null}

      {sent ? (
        <View className="card center" data-testid="rectification-sent">
          <Text className={sent.state === 'refused' ? 'field-message' : 'success-text'}>{sent.text}</Text>
        </View>
      ) : r.state === 'open' ? (
        <View className="card">
          <Text className="card-title">回复整改情况</Text>
          <Textarea
            className="textarea"
            {...named('整改情况')}
            value={text}
            maxlength={2000}
            placeholder="写明采取了哪些措施，例如：生熟分柜存放，已标注日期"
            onInput={(e) => setText(e.detail.value)}
          />
          <View className="photos">
            {photos.map((p, i) => (
              <Image
                key={p.preview}
                className="photo"
                src={p.preview}
                mode="aspectFill"
                {...PRESSABLE}
                aria-label={`第 ${i + 1} 张照片，点按删除`}
                onClick={() => setPhotos(photos.filter((_, j) => j !== i))}
              />
            ))}
            {photos.length < RECTIFICATION_PHOTOS_MAX ? (
              <View className="photo photo-add" {...PRESSABLE} aria-label="添加整改照片" onClick={addPhotos}>
                <Text>＋ 照片</Text>
              </View>
            ) : null}
          </View>
          {message ? (
            <Text className="field-message" data-testid="rectification-message">
              {message}
            </Text>
          ) : null}
          <Button className="btn btn-primary btn-large" loading={saving} onClick={submit}>
            提交整改情况
          </Button>
        </View>
      ) : null}
    </View>
  );
}
