/**
 * A ledger form of any kind, validated as typed with the SDK's `validateLedger` (messages in Chinese at the field),
 * saved to the outbox first: it works with no network and shows that the record waits.
 */
import {
  DEFAULT_TIME_ZONE,
  hasLeft,
  inZone,
  LEDGER_KIND_LABELS,
  LEDGER_KINDS,
  type LedgerKind,
  type LedgerListEntry,
  localDay,
  type RuleProfile,
  type VenueKind,
  validateLedger,
} from '@brightkitchen/sdk';
import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { LedgerField, type StaffChoice } from '../../components/ledger-field';
import { ErrorState, Loading, Notice } from '../../components/states';
import { describeField } from '../../ledger-form/describe';
import { issuesByField } from '../../ledger-form/issues';
import { fieldHint, LEDGER_FORMS } from '../../ledger-form/specs';
import {
  type FormContext,
  type FormValue,
  type FormValues,
  initialValues,
  toRecord,
  valuesFromRecord,
} from '../../ledger-form/values';
import { refusalText } from '../../lib/error-text';
import { type FieldDescription, fieldSentence } from '../../lib/field-sentence';
import { currentVenue } from '../../lib/operator-venue';
import { useCached } from '../../lib/use-cached';
import { operatorClient } from '../client';
import { saveLedger } from './save-ledger';

type Saved = { state: 'waiting' | 'sent' | 'refused'; text: string; warning?: string };

/** The reason a correction gives, at its own field under the form. */
const REASON_PATH = 'corrects.reason';
const REASON_FIELD: FieldDescription = { label: '更正原因', input: 'text' };

export function formContext(timeZone: string, now = Date.now()): FormContext {
  return { day: localDay(now, timeZone), time: inZone(now, timeZone).format('HH:mm'), timeZone };
}

export default function LedgerPage() {
  const { params } = useRouter();
  const kind = (LEDGER_KINDS as readonly string[]).includes(params.kind ?? '')
    ? (params.kind as LedgerKind)
    : 'morning_check';
  const venue = currentVenue();
  const timeZone = venue?.timeZone ?? DEFAULT_TIME_ZONE;
  return venue ? (
    params.corrects ? (
      <CorrectionForm
        kind={kind}
        recordId={params.corrects}
        venueId={venue.id}
        venueKind={venue.kind as VenueKind | undefined}
        timeZone={timeZone}
      />
    ) : (
      <LedgerForm kind={kind} venueId={venue.id} venueKind={venue.kind as VenueKind | undefined} timeZone={timeZone} />
    )
  ) : (
    <View className="page">
      <Button className="btn btn-primary" onClick={() => Taro.redirectTo({ url: '/operator/login/index' })}>
        请先登录
      </Button>
    </View>
  );
}

/**
 * The form to correct a saved record: it loads the record, starts from its values (on its own day), and saves a new
 * record that names it and why; the saved one stays as it was.
 */
function CorrectionForm(props: {
  kind: LedgerKind;
  recordId: string;
  venueId: string;
  venueKind?: VenueKind | undefined;
  timeZone: string;
}) {
  const { recordId, venueId } = props;
  const [original, setOriginal] = useState<
    { s: 'loading' } | { s: 'error'; error: unknown } | { s: 'ready'; entry: LedgerListEntry }
  >({ s: 'loading' });
  const load = () =>
    operatorClient()
      .ledgers.get(venueId, recordId)
      .then(
        (entry) => setOriginal({ s: 'ready', entry }),
        (error: unknown) => setOriginal({ s: 'error', error }),
      );
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per record.
  useEffect(() => {
    void load();
  }, [venueId, recordId]);
  if (original.s === 'loading') return <Loading />;
  if (original.s === 'error') return <ErrorState error={original.error} onRetry={() => void load()} />;
  const { entry } = original;
  if (entry.correctedBy) {
    return (
      <View className="page">
        <View role="alert" className="notice-text">
          <Text>{`这条记录已被更正（第 ${entry.correctedBy.seq} 条），请更正最新的那条。`}</Text>
        </View>
        <Button
          className="btn btn-primary"
          onClick={() => Taro.redirectTo({ url: `/operator/record/index?id=${entry.correctedBy?.recordId}` })}
        >
          查看最新的记录
        </Button>
      </View>
    );
  }
  return (
    <LedgerForm
      kind={entry.kind as LedgerKind}
      venueId={venueId}
      venueKind={props.venueKind}
      timeZone={props.timeZone}
      correcting={entry}
    />
  );
}

export function LedgerForm(props: {
  kind: LedgerKind;
  venueId: string;
  venueKind?: VenueKind | undefined;
  timeZone: string;
  /** The saved record this one corrects. */
  correcting?: LedgerListEntry;
}) {
  const { kind, venueId, venueKind, timeZone, correcting } = props;
  const fields = LEDGER_FORMS[kind];
  // A correction stays on the corrected record's day.
  const [ctx] = useState(() =>
    correcting ? { ...formContext(timeZone), day: correcting.localDay } : formContext(timeZone),
  );
  const [values, setValues] = useState<FormValues>(() =>
    correcting
      ? valuesFromRecord(kind, correcting.record as unknown as Record<string, unknown>, ctx)
      : initialValues(kind, ctx),
  );
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState('');
  const staff = useStaff(venueId, ctx.day, kind === 'morning_check');
  const profile = useRuleProfile(venueId);

  const record = useMemo(() => {
    const typed = toRecord(kind, values, ctx);
    return correcting ? { ...typed, corrects: { recordId: correcting.id, reason: reason.trim() } } : typed;
  }, [kind, values, ctx, correcting, reason]);
  const result = useMemo(
    () => validateLedger(record, { timeZone, ...(venueKind ? { venueKind } : {}), ...(profile ? { profile } : {}) }),
    [record, timeZone, venueKind, profile],
  );
  const shown = attempted
    ? issuesByField(result.issues, [...fields.map((f) => f.path), REASON_PATH], (issue, path) => {
        const field = fields.find((f) => f.path === path);
        return fieldSentence(issue, field ? describeField(field) : REASON_FIELD);
      })
    : { byField: {}, general: [] };
  const errorCount = result.issues.filter((i) => i.severity === 'error').length;

  function set(path: string, value: FormValue) {
    setValues((v) => {
      const next = { ...v, [path]: value };
      if (path === 'staffId') next.staffName = staff.find((s) => s.id === value)?.name ?? '';
      return next;
    });
  }

  async function save() {
    setAttempted(true);
    if (!result.ok || saving) return;
    setSaving(true);
    setSaveError('');
    const named =
      kind === 'morning_check' && typeof values.staffName === 'string' && values.staffName
        ? { ...record, staffName: values.staffName }
        : record;
    const outcome = await saveLedger(operatorClient().ledgers, venueId, named, fields, values);
    setSaving(false);
    if (!outcome.saved) {
      setSaveError(
        outcome.failed === 'photo'
          ? `照片未能保存在手机上，记录未保存：${outcome.reason}`
          : `记录未能保存在手机上：${outcome.reason}`,
      );
      return;
    }
    const warnings = result.issues.map((i) => i.message.zh);
    const warning = warnings.length ? { warning: `注意：${warnings.join('；')}` } : {};
    setSaved({ state: 'waiting', text: correcting ? '更正已保存' : '已保存', ...warning });
    // The outcome replaces a long form: show it from the top.
    void Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 })?.catch?.(() => {});
    const [recordOutcome, ...photoOutcomes] = await Promise.all([
      outcome.record.settled,
      ...outcome.photos.map((p) => p.settled),
    ]);
    const photoRefused = photoOutcomes.find((o) => o.state !== 'sent');
    setSaved(
      recordOutcome?.state === 'failed'
        ? { state: 'refused', text: `未被接受：${refusalText(recordOutcome.error)}` }
        : photoRefused?.state === 'failed'
          ? { state: 'refused', text: `照片未被接受：${refusalText(photoRefused.error)}` }
          : { state: 'sent', text: correcting ? '已上传更正，原记录已标注“已更正”' : '已上传', ...warning },
    );
  }

  if (saved) {
    return (
      <View className="page">
        <View className="card center" data-testid="saved">
          <Text className={saved.state === 'refused' ? 'field-message' : 'success-text'}>{saved.text}</Text>
          <Notice text={saved.warning} testId="saved-warning" />
          {saved.state === 'waiting' ? (
            <Text className="muted" data-testid="saved-waiting">
              待上传：已保存在手机上，联网后自动上传
            </Text>
          ) : null}
        </View>
        {correcting ? null : (
          <Button
            className="btn btn-primary btn-large"
            onClick={() => {
              setValues(initialValues(kind, formContext(timeZone)));
              setAttempted(false);
              setSaved(null);
            }}
          >
            再记一条
          </Button>
        )}
        <Button className="btn" onClick={() => Taro.navigateBack()}>
          {correcting ? '返回' : '返回今日'}
        </Button>
      </View>
    );
  }

  return (
    <View className="page">
      <Text className="section-title">
        {correcting ? `更正${LEDGER_KIND_LABELS[kind].zh}（第 ${correcting.seq} 条）` : LEDGER_KIND_LABELS[kind].zh}
      </Text>
      {correcting ? (
        <View className="notice-text" data-testid="correcting">
          <Text>
            原记录不会被修改或删除：保存后会新增一条更正记录，原记录标注“已更正”。请改正填错的内容并说明原因。
          </Text>
        </View>
      ) : null}
      <View className="card">
        {fields.map((field) => (
          <LedgerField
            key={field.path}
            field={field}
            hint={fieldHint(field, profile ?? undefined)}
            value={values[field.path]}
            message={shown.byField[field.path]}
            staff={staff}
            onChange={(v) => set(field.path, v)}
          />
        ))}
      </View>
      {correcting ? (
        <View className="card">
          <View className={`field ${shown.byField[REASON_PATH] ? 'field-error' : ''}`}>
            <Text className="field-label">更正原因</Text>
            <Textarea
              className="textarea"
              aria-label="更正原因"
              value={reason}
              placeholder="例如：体温误录为 38.5，实测 36.5"
              onInput={(e) => setReason(e.detail.value)}
            />
            {shown.byField[REASON_PATH] ? (
              <View role="alert" className="field-message" data-field={REASON_PATH}>
                <Text>{shown.byField[REASON_PATH].text}</Text>
              </View>
            ) : null}
          </View>
        </View>
      ) : null}
      {shown.general.map((m) => (
        <View role="alert" key={m.text} className="field-message">
          <Text>{m.text}</Text>
        </View>
      ))}
      <Notice text={saveError} testId="save-error" />
      {attempted && errorCount > 0 ? (
        <View role="alert" className="notice-text">
          <Text>{`请按提示修改 ${errorCount} 处后保存`}</Text>
        </View>
      ) : null}
      <Button className="btn btn-primary btn-large" disabled={saving} onClick={save}>
        {correcting ? '保存更正' : '保存'}
      </Button>
    </View>
  );
}

/** The venue's staff for the morning check, also offline: the last list fetched is kept on the phone. */
function useStaff(venueId: string, day: string, wanted: boolean): readonly StaffChoice[] {
  const load = () =>
    operatorClient()
      .venues.staff.list(venueId, { date: day, limit: 500 })
      .then((page) =>
        page.items
          // Who left before today is no longer on the staff (the archive keeps them).
          .filter((s) => !hasLeft(s, day))
          .map((s) => ({ id: s.id, name: s.name, ...(s.unfit ? { unfit: true } : {}) })),
      );
  return useCached<readonly StaffChoice[]>(`bk-operator:staff:${venueId}`, [], wanted ? load : undefined);
}

/**
 * The numbers the server judges this venue's records by (its region may ask 200 g samples): checked as typed
 * with the same ones, kept for offline; the national numbers until first fetched.
 */
function useRuleProfile(venueId: string): RuleProfile | null {
  return useCached<RuleProfile | null>(`bk-operator:profile:${venueId}`, null, () =>
    operatorClient().venues.ruleProfile(venueId),
  );
}
