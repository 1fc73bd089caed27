/**
 * A ledger form of any kind, validated as typed with the SDK's `validateLedger` (messages in Chinese at the field),
 * saved to the outbox first: it works with no network and shows that the record waits.
 */
import {
  DEFAULT_TIME_ZONE,
  inZone,
  LEDGER_KIND_LABELS,
  LEDGER_KINDS,
  type LedgerKind,
  localDay,
  type RuleProfile,
  type VenueKind,
  validateLedger,
} from '@brightkitchen/sdk';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { LedgerField, type StaffChoice } from '../../components/ledger-field';
import { issuesByField } from '../../ledger-form/issues';
import { fieldHint, LEDGER_FORMS } from '../../ledger-form/specs';
import { type FormContext, type FormValue, type FormValues, initialValues, toRecord } from '../../ledger-form/values';
import { refusalText } from '../../lib/error-text';
import { currentVenue } from '../../lib/operator-venue';
import { useCached } from '../../lib/use-cached';
import { operatorClient } from '../client';
import { saveLedger } from './save-ledger';

type Saved = { state: 'waiting' | 'sent' | 'refused'; text: string; warning?: string };

export function formContext(timeZone: string, now = Date.now()): FormContext {
  return { day: localDay(now, timeZone), time: inZone(now, timeZone).format('HH:mm'), timeZone };
}

export default function LedgerPage() {
  const { params } = useRouter();
  const kind = (LEDGER_KINDS as readonly string[]).includes(params.kind ?? '')
    ? (params.kind as LedgerKind)
    : 'morning_check';
  const venue = currentVenue();
  return venue ? (
    <LedgerForm
      kind={kind}
      venueId={venue.id}
      venueKind={venue.kind as VenueKind | undefined}
      timeZone={venue.timeZone ?? DEFAULT_TIME_ZONE}
    />
  ) : (
    <View className="page">
      <Button className="btn btn-primary" onClick={() => Taro.redirectTo({ url: '/operator/login/index' })}>
        请先登录
      </Button>
    </View>
  );
}

export function LedgerForm(props: { kind: LedgerKind; venueId: string; venueKind?: VenueKind; timeZone: string }) {
  const { kind, venueId, venueKind, timeZone } = props;
  const fields = LEDGER_FORMS[kind];
  const [ctx] = useState(() => formContext(timeZone));
  const [values, setValues] = useState<FormValues>(() => initialValues(kind, ctx));
  const [attempted, setAttempted] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState('');
  const staff = useStaff(venueId, ctx.day, kind === 'morning_check');
  const profile = useRuleProfile(venueId);

  const record = useMemo(() => toRecord(kind, values, ctx), [kind, values, ctx]);
  const result = useMemo(
    () => validateLedger(record, { timeZone, ...(venueKind ? { venueKind } : {}), ...(profile ? { profile } : {}) }),
    [record, timeZone, venueKind, profile],
  );
  const shown = attempted
    ? issuesByField(
        result.issues,
        fields.map((f) => f.path),
      )
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
    const named = kind === 'morning_check' && values.staffName ? { ...record, staffName: values.staffName } : record;
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
    setSaved({ state: 'waiting', text: '已保存', ...warning });
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
          : { state: 'sent', text: '已上传', ...warning },
    );
  }

  if (saved) {
    return (
      <View className="page">
        <View className="card center" data-testid="saved">
          <Text className={saved.state === 'refused' ? 'field-message' : 'success-text'}>{saved.text}</Text>
          {saved.warning ? (
            <View role="alert" className="notice-text" data-testid="saved-warning">
              <Text>{saved.warning}</Text>
            </View>
          ) : null}
          {saved.state === 'waiting' ? (
            <Text className="muted" data-testid="saved-waiting">
              待上传：已保存在手机上，联网后自动上传
            </Text>
          ) : null}
        </View>
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
        <Button className="btn" onClick={() => Taro.navigateBack()}>
          返回今日
        </Button>
      </View>
    );
  }

  return (
    <View className="page">
      <Text className="section-title">{LEDGER_KIND_LABELS[kind].zh}</Text>
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
      {shown.general.map((m) => (
        <View role="alert" key={m.text} className="field-message">
          <Text>{m.text}</Text>
        </View>
      ))}
      {saveError ? (
        <View role="alert" className="notice-text" data-testid="save-error">
          <Text>{saveError}</Text>
        </View>
      ) : null}
      {attempted && errorCount > 0 ? (
        <View role="alert" className="notice-text">
          <Text>{`请按提示修改 ${errorCount} 处后保存`}</Text>
        </View>
      ) : null}
      <Button className="btn btn-primary btn-large" disabled={saving} onClick={save}>
        保存
      </Button>
    </View>
  );
}

/** The venue's staff for the morning check, also offline: the last list fetched is kept on the phone. */
function useStaff(venueId: string, day: string, wanted: boolean): readonly StaffChoice[] {
  const load = () =>
    operatorClient()
      .venues.staff.list(venueId, { date: day, limit: 500 })
      .then((page) => page.items.map((s) => ({ id: s.id, name: s.name, ...(s.unfit ? { unfit: true } : {}) })));
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
