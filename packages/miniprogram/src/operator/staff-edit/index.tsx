/**
 * The manager adds a staff member or edits one: name, role, phone, and the health and training certificates with
 * their expiry dates; someone who left is marked with their last day (kept in the archive), or back at work again.
 * Checked as typed with the SDK's staff schema, each problem said at its field in a sentence.
 */
import {
  localDay,
  parse,
  STAFF_FIELD_LABELS,
  STAFF_ROLES,
  type Staff,
  type StaffInput,
  StaffInputSchema,
  type StaffRole,
} from '@brightkitchen/sdk';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { type ReactNode, useEffect, useState } from 'react';
import { ErrorState, Loading, Notice } from '../../components/states';
import { errorText } from '../../lib/error-text';
import { type FieldDescription, fieldSentence } from '../../lib/field-sentence';
import { currentVenue } from '../../lib/operator-venue';
import { operatorClient } from '../client';
import { ROLE_TEXT } from '../staff/roles';

interface Draft {
  name: string;
  role: StaffRole | '';
  phone: string;
  healthNumber: string;
  healthExpiresOn: string;
  trainingNumber: string;
  trainingExpiresOn: string;
}

const EMPTY: Draft = {
  name: '',
  role: '',
  phone: '',
  healthNumber: '',
  healthExpiresOn: '',
  trainingNumber: '',
  trainingExpiresOn: '',
};

const label = (path: string) => STAFF_FIELD_LABELS[path]?.zh ?? path;

/** The form's fields: the draft key, the record path it fills, and how it is asked for. */
const FIELDS: readonly { key: keyof Draft; path: string; field: FieldDescription; optional?: boolean }[] = [
  { key: 'name', path: 'name', field: { label: label('name'), input: 'text' } },
  { key: 'role', path: 'role', field: { label: label('role'), input: 'choice' } },
  { key: 'phone', path: 'phone', field: { label: label('phone'), input: 'text' }, optional: true },
  {
    key: 'healthNumber',
    path: 'healthCertificate.number',
    field: { label: label('healthCertificate.number'), input: 'text' },
  },
  {
    key: 'healthExpiresOn',
    path: 'healthCertificate.expiresOn',
    field: { label: label('healthCertificate.expiresOn'), input: 'date' },
  },
  {
    key: 'trainingNumber',
    path: 'trainingCertificate.number',
    field: { label: label('trainingCertificate.number'), input: 'text' },
    optional: true,
  },
  {
    key: 'trainingExpiresOn',
    path: 'trainingCertificate.expiresOn',
    field: { label: label('trainingCertificate.expiresOn'), input: 'date' },
    optional: true,
  },
];

function draftOf(staff: Staff): Draft {
  return {
    name: staff.name,
    role: staff.role,
    phone: staff.phone ?? '',
    healthNumber: staff.healthCertificate.number,
    healthExpiresOn: staff.healthCertificate.expiresOn,
    trainingNumber: staff.trainingCertificate?.number ?? '',
    trainingExpiresOn: staff.trainingCertificate?.expiresOn ?? '',
  };
}

const filled = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** Where an expiry date's wheel starts: a year on (certificates are yearly), not today. */
function yearAfter(day: string): string {
  const monthDay = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${Number(day.slice(0, 4)) + 1}-${monthDay}`;
}

/** The archive entry the draft makes (empty inputs left out, so the schema says what is missing). */
export function staffInputOf(d: Draft): Record<string, unknown> {
  const training = filled(d.trainingNumber) || filled(d.trainingExpiresOn);
  return {
    name: filled(d.name),
    role: d.role || undefined,
    ...(filled(d.phone) ? { phone: filled(d.phone) } : {}),
    healthCertificate: { number: filled(d.healthNumber), expiresOn: filled(d.healthExpiresOn) },
    ...(training
      ? { trainingCertificate: { number: filled(d.trainingNumber), expiresOn: filled(d.trainingExpiresOn) } }
      : {}),
  };
}

/** Each field's sentence for what the schema found (the first problem of each). */
export function staffMessages(d: Draft): Record<string, string> {
  const result = parse(StaffInputSchema, staffInputOf(d), { labels: STAFF_FIELD_LABELS });
  const out: Record<string, string> = {};
  if (result.ok) return out;
  for (const issue of result.issues) {
    const at = FIELDS.find((f) => issue.path === f.path || issue.path.startsWith(`${f.path}.`));
    if (at && !out[at.path]) out[at.path] = fieldSentence(issue, at.field);
    else if (!at && !out['']) out[''] = issue.message.zh;
  }
  return out;
}

type Loaded = { s: 'loading' } | { s: 'error'; error: unknown } | { s: 'ready'; staff: Staff | null };

export default function StaffEditPage() {
  const { params } = useRouter();
  const id = params.id;
  const venue = currentVenue();
  const venueId = venue?.id ?? '';
  const today = localDay(Date.now(), venue?.timeZone);
  const [loaded, setLoaded] = useState<Loaded>(id ? { s: 'loading' } : { s: 'ready', staff: null });
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [leftOn, setLeftOn] = useState(today);

  async function load() {
    if (!id) return;
    try {
      const page = await operatorClient().venues.staff.list(venueId, { limit: 500 });
      const staff = page.items.find((s) => s.id === id) ?? null;
      setLoaded({ s: 'ready', staff });
      if (staff) setDraft(draftOf(staff));
    } catch (error) {
      setLoaded({ s: 'error', error });
    }
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per person.
  useEffect(() => {
    void load();
  }, [id]);

  if (loaded.s === 'loading') return <Loading />;
  if (loaded.s === 'error') return <ErrorState error={loaded.error} onRetry={() => void load()} />;
  const current = loaded.staff;
  if (id && !current) {
    return (
      <View className="page">
        <View role="alert" className="notice-text">
          <Text>没有找到这位员工，可能已被删除或不属于本单位。</Text>
        </View>
      </View>
    );
  }

  const messages = attempted ? staffMessages(draft) : {};
  const set = (key: keyof Draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));

  async function send(task: () => Promise<unknown>, done: string) {
    setBusy(true);
    setMessage('');
    try {
      await task();
      Taro.showToast?.({ title: done, icon: 'success' });
      await Taro.navigateBack();
    } catch (error) {
      setMessage(errorText(error).title);
    } finally {
      setBusy(false);
    }
  }

  function save() {
    setAttempted(true);
    if (Object.keys(staffMessages(draft)).length > 0) return;
    const input = staffInputOf(draft) as StaffInput;
    const staff = operatorClient().venues.staff;
    if (!current) return send(() => staff.create(venueId, input), '已添加');
    // Cleared optional fields are removed (`null`), not left as they were.
    const patch = {
      ...input,
      ...(input.phone ? {} : { phone: null }),
      ...(input.trainingCertificate ? {} : { trainingCertificate: null }),
    };
    return send(() => staff.update(venueId, current.id, patch), '已保存');
  }

  const field = (key: keyof Draft, children: ReactNode) => {
    const spec = FIELDS.find((f) => f.key === key);
    if (!spec) return null;
    const said = messages[spec.path];
    return (
      <View className={`field ${said ? 'field-error' : ''}`} key={key}>
        <Text className="field-label">
          {spec.field.label}
          {spec.optional ? <Text className="field-optional">（选填）</Text> : null}
        </Text>
        {children}
        {said ? (
          <View role="alert" className="field-message" data-field={spec.path}>
            <Text>{said}</Text>
          </View>
        ) : null}
      </View>
    );
  };
  const text = (key: keyof Draft, placeholder: string) =>
    field(
      key,
      <Input
        className="input"
        aria-label={FIELDS.find((f) => f.key === key)?.field.label}
        value={draft[key]}
        placeholder={placeholder}
        onInput={(e) => set(key, e.detail.value)}
      />,
    );
  const date = (key: keyof Draft) => {
    const name = FIELDS.find((f) => f.key === key)?.field.label ?? '';
    return field(
      key,
      <Picker mode="date" value={draft[key] || yearAfter(today)} onChange={(e) => set(key, String(e.detail.value))}>
        <View className="picker" aria-label={name}>
          <Text className={draft[key] ? '' : 'placeholder'}>{draft[key] || `请选择${name}`}</Text>
        </View>
      </Picker>,
    );
  };

  return (
    <View className="page">
      <Text className="section-title">{current ? `编辑 ${current.name}` : '添加员工'}</Text>
      <View className="card">
        {text('name', '请输入姓名')}
        {field(
          'role',
          <View className="chips" role="radiogroup" aria-label="岗位">
            {STAFF_ROLES.map((r) => (
              <View
                key={r}
                className={`chip ${draft.role === r ? 'chip-on' : ''}`}
                role="radio"
                aria-checked={draft.role === r}
                onClick={() => set('role', r)}
              >
                <Text>{ROLE_TEXT[r]}</Text>
              </View>
            ))}
          </View>,
        )}
        {text('phone', '请输入手机号')}
      </View>
      <Text className="section-title">健康证明</Text>
      <View className="card">
        {text('healthNumber', '请输入健康证明编号')}
        {date('healthExpiresOn')}
      </View>
      <Text className="section-title">培训合格证</Text>
      <View className="card">
        {text('trainingNumber', '请输入培训合格证编号')}
        {date('trainingExpiresOn')}
      </View>
      {messages[''] ? (
        <View role="alert" className="field-message">
          <Text>{messages['']}</Text>
        </View>
      ) : null}
      <Notice text={message} />
      <Button className="btn btn-primary btn-large" disabled={busy} onClick={save}>
        保存
      </Button>

      {current ? (
        <View className="card" data-testid="staff-left">
          <Text className="card-title">离职</Text>
          {current.leftOn ? (
            <>
              <Text>{`已离职：最后工作日 ${current.leftOn}，档案保留。`}</Text>
              <Button
                className="btn"
                disabled={busy}
                onClick={() =>
                  send(() => operatorClient().venues.staff.update(venueId, current.id, { leftOn: null }), '已恢复在职')
                }
              >
                恢复在职
              </Button>
            </>
          ) : (
            <>
              <Text className="muted">离职后不再出现在晨检名单中，档案和过去的记录保留。</Text>
              <Text className="field-label">最后工作日</Text>
              <Picker mode="date" value={leftOn} onChange={(e) => setLeftOn(String(e.detail.value))}>
                <View className="picker" aria-label="最后工作日">
                  <Text>{leftOn}</Text>
                </View>
              </Picker>
              <Button
                className="btn btn-warn"
                disabled={busy}
                onClick={() =>
                  send(() => operatorClient().venues.staff.update(venueId, current.id, { leftOn }), '已标记离职')
                }
              >
                标记为已离职
              </Button>
            </>
          )}
        </View>
      ) : null}
    </View>
  );
}
