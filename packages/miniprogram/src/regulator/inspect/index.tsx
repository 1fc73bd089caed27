/**
 * 检查: the checklist in force for the venue, grouped by area, each item 符合 / 不符合 / 不适用 with a remark and
 * photos, key items marked; the inspector signs on the screen, the manager countersigns or declines with a reason;
 * then the record goes to the outbox (images first) and is sent once, and the grade it gave is shown.
 */
import {
  CHECKLIST_AREA_LABELS,
  CHECKLIST_AREAS,
  type Checklist,
  type ChecklistItem,
  INSPECTION_ITEM_PHOTOS_MAX,
  type InspectionRecorded,
  type InspectionResult,
  LEDGER_PHOTO_MAX_BYTES,
  localDay,
  NO_GRADE_REASON_MESSAGES,
  type NoGradeReason,
} from '@brightkitchen/sdk';
import { Button, Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { named, PRESSABLE } from '../../components/a11y';
import { GradeBadge } from '../../components/drawn-face';
import { ErrorState, Loading, Notice } from '../../components/states';
import { refusalText } from '../../lib/error-text';
import { pickPhotos } from '../../lib/photos';
import { regulatorClient } from '../../lib/regulator-client';
import { RegulatorOutbox } from '../outbox-panel';
import { requireRegulator } from '../require-login';
import { type DraftAnswer, previewScore, saveInspection } from '../save-inspection';
import { SignaturePad } from '../signature-pad';
import type { DrawnSignature } from '../signature-types';
import '../regulator.css';

const TIME_ZONE = 'Asia/Shanghai';
const RESULTS: readonly [InspectionResult, string][] = [
  ['conform', '符合'],
  ['nonconform', '不符合'],
  ['not_applicable', '不适用'],
];
const PHOTO_LIMITS = { count: INSPECTION_ITEM_PHOTOS_MAX, maxBytes: LEDGER_PHOTO_MAX_BYTES };

type State = { s: 'loading' } | { s: 'error'; error: unknown } | { s: 'ready'; checklist: Checklist };
type Sent = { s: 'queued' } | { s: 'sent'; recorded: InspectionRecorded } | { s: 'refused'; text: string };

export default function InspectPage() {
  const { params } = useRouter();
  const venueId = params.venueId ?? '';
  const venueName = decodeURIComponent(params.name ?? '');
  const [state, setState] = useState<State>({ s: 'loading' });
  const [answers, setAnswers] = useState<ReadonlyMap<string, DraftAnswer>>(new Map());
  const [inspectorSignature, setInspectorSignature] = useState<DrawnSignature | null>(null);
  const [managerMode, setManagerMode] = useState<'signed' | 'declined'>('signed');
  const [managerName, setManagerName] = useState('');
  const [managerSignature, setManagerSignature] = useState<DrawnSignature | null>(null);
  const [declineReason, setDeclineReason] = useState('');
  const [message, setMessage] = useState('');
  const [saving, setSaving] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);

  async function load() {
    if (!(await requireRegulator())) return;
    if (state.s === 'ready') return;
    try {
      setState({ s: 'ready', checklist: await regulatorClient().inspections.checklist(venueId) });
    } catch (error) {
      setState({ s: 'error', error });
    }
  }
  useDidShow(() => {
    void load();
  });

  if (state.s === 'loading') return <Loading />;
  if (state.s === 'error') return <ErrorState error={state.error} onRetry={load} />;
  const items = state.checklist.items;

  const update = (code: string, patch: Partial<DraftAnswer>) =>
    setAnswers((current) => {
      const next = new Map(current);
      const was = current.get(code);
      next.set(code, { result: was?.result ?? 'conform', ...was, ...patch });
      return next;
    });

  function restConform() {
    setAnswers((current) => {
      const next = new Map(current);
      for (const item of items) if (!next.has(item.code)) next.set(item.code, { result: 'conform' });
      return next;
    });
  }

  async function addPhotos(code: string) {
    const already = answers.get(code)?.photos ?? [];
    try {
      const picked = await pickPhotos(already.length, PHOTO_LIMITS);
      update(code, { photos: [...already, ...picked.photos] });
      setMessage(picked.tooLarge > 0 ? `有 ${picked.tooLarge} 张照片过大，没有添加` : '');
    } catch {
      // Cancelled by the person: nothing to say.
    }
  }

  async function submit() {
    if (saving || sent) return;
    const missing = items.filter((i) => !answers.has(i.code));
    if (missing.length > 0) return setMessage(`还有 ${missing.length} 项未检查（第一项：${missing[0]?.code}）`);
    const bare = items.find(
      (i) => answers.get(i.code)?.result === 'nonconform' && !answers.get(i.code)?.remark?.trim(),
    );
    if (bare) return setMessage(`不符合项 ${bare.code} 请写明问题`);
    if (!inspectorSignature) return setMessage('请检查人员签名并确认');
    if (managerMode === 'signed' && (!managerName.trim() || !managerSignature))
      return setMessage('请负责人填写姓名并签名确认，或选择拒签并写明理由');
    if (managerMode === 'declined' && !declineReason.trim()) return setMessage('请写明负责人拒签的理由');
    setSaving(true);
    setMessage('');
    try {
      const client = regulatorClient();
      const saved = await saveInspection(client, venueId, {
        date: localDay(Date.now(), TIME_ZONE),
        // In the checklist's order, whatever order the items were answered in.
        answers: new Map(
          items.flatMap((i) => {
            const a = answers.get(i.code);
            return a ? [[i.code, a] as const] : [];
          }),
        ),
        inspectorSignaturePng: inspectorSignature.dataBase64,
        countersign:
          managerMode === 'signed' && managerSignature
            ? { kind: 'signed', name: managerName, signaturePng: managerSignature.dataBase64 }
            : { kind: 'declined', reason: declineReason },
      });
      setSent({ s: 'queued' });
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => {});
      const outcomes = await Promise.all([saved.record.settled, ...saved.images.map((q) => q.settled)]);
      const refused = outcomes.find((o) => o.state === 'failed');
      const record = outcomes[0];
      if (refused?.state === 'failed') setSent({ s: 'refused', text: `未被接受：${refusalText(refused.error)}` });
      else if (record?.state === 'sent') setSent({ s: 'sent', recorded: record.result as InspectionRecorded });
    } catch (error) {
      setMessage(`未能保存在手机上：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  }

  if (sent) return <SentView venueName={venueName} sent={sent} />;

  const score = previewScore(items, answers);
  const failedKeys = items.filter((i) => i.key && answers.get(i.code)?.result === 'nonconform').length;
  return (
    <View className="page">
      <View className="card">
        <Text className="card-title" data-testid="inspect-venue">
          {venueName || '现场检查'}
        </Text>
        <Text className="muted">{`检查日期 ${localDay(Date.now(), TIME_ZONE)} · 共 ${items.length} 项，已检查 ${answers.size} 项`}</Text>
        <Text className="muted" data-testid="preview-score">
          {score === null
            ? '尚未检查任何项目'
            : `预计得分 ${score.toFixed(2)}${failedKeys > 0 ? ` · 关键项不符合 ${failedKeys} 项` : ''}`}
        </Text>
        <Button className="btn" onClick={restConform}>
          其余未检查项全部“符合”
        </Button>
      </View>
      {CHECKLIST_AREAS.map((area) => {
        const inArea = items.filter((i) => i.area === area);
        if (inArea.length === 0) return null;
        return (
          <View key={area} className="card">
            <Text className="area-title">{CHECKLIST_AREA_LABELS[area].zh}</Text>
            {inArea.map((item) => (
              <ItemRow
                key={item.code}
                item={item}
                answer={answers.get(item.code)}
                onResult={(result) => update(item.code, { result })}
                onRemark={(remark) => update(item.code, { remark })}
                onAddPhoto={() => addPhotos(item.code)}
                onRemovePhoto={(i) =>
                  update(item.code, { photos: (answers.get(item.code)?.photos ?? []).filter((_, j) => j !== i) })
                }
              />
            ))}
          </View>
        );
      })}

      <View className="card">
        <Text className="card-title">检查人员签名</Text>
        {inspectorSignature ? (
          <>
            <Image
              className="signed-preview"
              src={inspectorSignature.preview}
              mode="aspectFit"
              aria-label="检查人员签名"
            />
            <Button className="btn" onClick={() => setInspectorSignature(null)}>
              重新签名
            </Button>
          </>
        ) : (
          <SignaturePad
            label="检查人员签名"
            onDone={(signature) => {
              setInspectorSignature(signature);
              setMessage('');
            }}
          />
        )}
      </View>

      <View className="card">
        <Text className="card-title">被检查单位负责人</Text>
        <View className="chips" role="radiogroup" aria-label="负责人签字或拒签">
          {(
            [
              ['signed', '签字确认'],
              ['declined', '拒绝签字'],
            ] as const
          ).map(([mode, label]) => (
            <View
              key={mode}
              className={managerMode === mode ? 'chip chip-on' : 'chip'}
              role="radio"
              aria-checked={managerMode === mode}
              onClick={() => setManagerMode(mode)}
            >
              <Text>{label}</Text>
            </View>
          ))}
        </View>
        {managerMode === 'signed' ? (
          <>
            <Text className="field-label">负责人姓名</Text>
            <Input
              className="input"
              {...named('负责人姓名')}
              value={managerName}
              maxlength={64}
              placeholder="请输入负责人姓名"
              onInput={(e) => setManagerName(e.detail.value)}
            />
            {managerSignature ? (
              <>
                <Image
                  className="signed-preview"
                  src={managerSignature.preview}
                  mode="aspectFit"
                  aria-label="负责人签名"
                />
                <Button className="btn" onClick={() => setManagerSignature(null)}>
                  重新签名
                </Button>
              </>
            ) : (
              <SignaturePad
                label="负责人签名"
                onDone={(signature) => {
                  setManagerSignature(signature);
                  setMessage('');
                }}
              />
            )}
          </>
        ) : (
          <>
            <Text className="field-label">拒签理由</Text>
            <Textarea
              className="textarea"
              {...named('拒签理由')}
              value={declineReason}
              maxlength={200}
              placeholder="例如：负责人不在现场 / 对检查结果有异议"
              onInput={(e) => setDeclineReason(e.detail.value)}
            />
          </>
        )}
      </View>

      <Notice text={message} testId="inspect-message" />
      <Button className="btn btn-primary btn-large" loading={saving} disabled={saving} onClick={submit}>
        提交检查记录
      </Button>
    </View>
  );
}

function ItemRow({
  item,
  answer,
  onResult,
  onRemark,
  onAddPhoto,
  onRemovePhoto,
}: {
  readonly item: ChecklistItem;
  readonly answer: DraftAnswer | undefined;
  readonly onResult: (result: InspectionResult) => void;
  readonly onRemark: (remark: string) => void;
  readonly onAddPhoto: () => void;
  readonly onRemovePhoto: (index: number) => void;
}) {
  const failed = answer?.result === 'nonconform';
  const photos = answer?.photos ?? [];
  return (
    <View
      className={failed ? 'check-item check-item-failed' : 'check-item'}
      data-testid="check-item"
      data-code={item.code}
      data-result={answer?.result ?? ''}
    >
      <Text className="check-title">
        {item.key ? <Text className="key-mark">关键项</Text> : null}
        {`${item.code} ${item.title.zh}（${item.score} 分）`}
      </Text>
      <View className="result-row" role="radiogroup" aria-label={`${item.code} 检查结果`}>
        {RESULTS.map(([result, label]) => (
          <View
            key={result}
            className={answer?.result === result ? 'chip chip-on' : 'chip'}
            role="radio"
            aria-checked={answer?.result === result}
            aria-label={`${item.code} ${label}`}
            onClick={() => onResult(result)}
          >
            <Text>{label}</Text>
          </View>
        ))}
      </View>
      {answer && answer.result !== 'conform' ? (
        <Textarea
          className="textarea"
          {...named(`${item.code} 备注`)}
          value={answer.remark ?? ''}
          maxlength={500}
          placeholder={failed ? '写明现场发现的问题（必填）' : '备注（选填）'}
          onInput={(e) => onRemark(e.detail.value)}
        />
      ) : null}
      {answer?.result === 'conform' && photos.length === 0 ? (
        <Text className="link" {...PRESSABLE} aria-label={`${item.code} 添加照片`} onClick={onAddPhoto}>
          ＋ 附照片
        </Text>
      ) : answer ? (
        <View className="photos">
          {photos.map((p, i) => (
            <Image
              key={p.preview}
              className="photo"
              src={p.preview}
              mode="aspectFill"
              {...PRESSABLE}
              aria-label={`${item.code} 第 ${i + 1} 张照片，点按删除`}
              onClick={() => onRemovePhoto(i)}
            />
          ))}
          {photos.length < INSPECTION_ITEM_PHOTOS_MAX ? (
            <View className="photo photo-add" {...PRESSABLE} aria-label={`${item.code} 添加照片`} onClick={onAddPhoto}>
              <Text>＋ 照片</Text>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

function SentView({ venueName, sent }: { readonly venueName: string; readonly sent: Sent }) {
  return (
    <View className="page">
      <RegulatorOutbox />
      <View className="card center" data-testid="inspection-sent" data-state={sent.s}>
        <Text className="card-title">{venueName}</Text>
        {sent.s === 'queued' ? (
          <Text className="muted">检查记录已保存在手机上，联网后自动提交（只会提交一次）</Text>
        ) : sent.s === 'refused' ? (
          <Text className="field-message">{sent.text}</Text>
        ) : (
          <>
            <Text className="success-text">检查记录已提交</Text>
            <Text className="summary-score" data-testid="inspection-score">
              {`得分 ${sent.recorded.inspection.score.toFixed(2)}`}
            </Text>
            <GradeBadge face={sent.recorded.inspection.face} />
            {sent.recorded.inspection.noGradeReasons.map((r) => (
              <Text key={r} className="muted">
                {NO_GRADE_REASON_MESSAGES[r as NoGradeReason]?.zh ?? r}
              </Text>
            ))}
          </>
        )}
      </View>
      <Button className="btn btn-large" onClick={() => Taro.redirectTo({ url: '/regulator/plan/index' })}>
        返回本周计划
      </Button>
    </View>
  );
}
