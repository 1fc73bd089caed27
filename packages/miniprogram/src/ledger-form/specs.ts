/**
 * The operator's ledger forms as data: one list of fields per ledger kind. Labels come from the SDK
 * (`ledgerFieldLabel`), so the form and the rule messages name a field the same way; hints that state a
 * rule take its number from the venue's resolved rule profile (a region may ask 200 g samples).
 */
import {
  AIR_DISINFECTION_METHOD_LABELS,
  AIR_DISINFECTION_METHODS,
  CERTIFICATE_KINDS,
  DISINFECTION_METHOD_LABELS,
  DISINFECTION_METHODS,
  type LedgerKind,
  type LocalizedText,
  MEALS,
  NATIONAL_PROFILE,
  PURCHASE_CATEGORIES,
  PURCHASE_CATEGORY_LABELS,
  type RuleProfile,
  SYMPTOM_LABELS,
  SYMPTOMS,
} from '@brightkitchen/sdk';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

interface Base {
  /** The record's field path (`supplier.name`). */
  readonly path: string;
  /** The label where the SDK's (`ledgerFieldLabel`) is too general for this form (体温 rather than 温度). */
  readonly label?: string;
  readonly optional?: boolean;
  /**
   * What the label says of an optional field that is needed in some cases (instead of "（选填）", which would be
   * untrue for them): `（畜禽肉类必填）`.
   */
  readonly whenNeeded?: string;
  /** Shown under the field; a rule's hint is written from the venue's numbers. */
  readonly hint?: string | ((profile: RuleProfile) => string);
}

export type FieldSpec =
  | (Base & { readonly type: 'text'; readonly multiline?: boolean })
  | (Base & { readonly type: 'number'; readonly unit: string; readonly scale?: number; readonly integer?: boolean })
  | (Base & { readonly type: 'select'; readonly choices: readonly Choice[] })
  | (Base & { readonly type: 'multi'; readonly choices: readonly Choice[] })
  | (Base & { readonly type: 'bool'; readonly yes: string; readonly no: string })
  | (Base & { readonly type: 'time' })
  | (Base & { readonly type: 'date' })
  | (Base & { readonly type: 'staff' })
  | (Base & { readonly type: 'list' })
  /** A photo kept with the record (queued before it); the record holds its reference. */
  | (Base & { readonly type: 'photo' });

const MEAL_LABELS: Readonly<Record<(typeof MEALS)[number], string>> = {
  breakfast: '早餐',
  lunch: '午餐',
  dinner: '晚餐',
  snack: '加餐',
};
const CERTIFICATE_KIND_LABELS: Readonly<Record<(typeof CERTIFICATE_KINDS)[number], string>> = {
  inspection: '检验合格证明',
  quarantine: '动物检疫合格证明',
};

function choices<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, LocalizedText | string>>,
): Choice[] {
  return values.map((value) => {
    const label = labels[value];
    return { value, label: typeof label === 'string' ? label : label.zh };
  });
}

const meals = choices(MEALS, MEAL_LABELS);

/** The hint of a field for a venue judged by `profile` (the national numbers until the venue's are known). */
export function fieldHint(field: FieldSpec, profile: RuleProfile = NATIONAL_PROFILE): string | undefined {
  return typeof field.hint === 'function' ? field.hint(profile) : field.hint;
}

const minutes = (seconds: number) => `${Math.round((seconds / 60) * 10) / 10} 分钟`;

export const LEDGER_FORMS: Readonly<Record<LedgerKind, readonly FieldSpec[]>> = {
  morning_check: [
    { path: 'staffId', type: 'staff' },
    {
      path: 'temperatureC',
      label: '体温',
      type: 'number',
      unit: '℃',
      hint: (p) => `体温 ≥ ${p.ledger.morningCheck.feverC} ℃ 不得上岗`,
    },
    {
      path: 'symptoms',
      type: 'multi',
      choices: choices(SYMPTOMS, SYMPTOM_LABELS),
      hint: '有任一症状须暂停接触直接入口食品',
    },
    { path: 'handCheckOk', type: 'bool', yes: '手部无伤口、无感染', no: '手部有伤口或感染' },
    { path: 'uniformOk', type: 'bool', yes: '衣帽整洁、未戴饰物', no: '衣帽或饰物不合要求' },
    { path: 'checker', type: 'text' },
    { path: 'time', type: 'time' },
  ],
  purchase_inspection: [
    { path: 'productName', type: 'text' },
    { path: 'category', type: 'select', choices: choices(PURCHASE_CATEGORIES, PURCHASE_CATEGORY_LABELS) },
    { path: 'spec', type: 'text' },
    { path: 'quantity', type: 'number', unit: '' },
    { path: 'unit', type: 'text', hint: '如 千克、箱' },
    { path: 'purchaseDate', type: 'date' },
    {
      path: 'productionDate',
      type: 'date',
      optional: true,
      whenNeeded: '（与批号至少填一项）',
      hint: '生产日期或批号至少填一项',
    },
    { path: 'batch', type: 'text', optional: true, whenNeeded: '（与生产日期至少填一项）' },
    { path: 'shelfLifeDays', type: 'number', unit: '天', integer: true, optional: true },
    { path: 'supplier.name', type: 'text' },
    { path: 'supplier.address', type: 'text' },
    { path: 'supplier.contact', type: 'text' },
    { path: 'supplier.licenceNo', type: 'text' },
    {
      path: 'certificateKind',
      type: 'select',
      choices: choices(CERTIFICATE_KINDS, CERTIFICATE_KIND_LABELS),
      optional: true,
      whenNeeded: '（畜禽肉类必填）',
    },
    {
      path: 'certificateNo',
      type: 'text',
      optional: true,
      whenNeeded: '（畜禽肉类必填）',
      hint: '畜禽肉类须有动物检疫合格证明',
    },
    // Not marked optional: the SDK's purchase rule wants the invoice or voucher (食品安全法 §53).
    { path: 'invoicePhotoRef', type: 'photo', hint: '拍摄票据/凭证' },
  ],
  tableware_disinfection: [
    { path: 'items', type: 'list', hint: '多个用逗号分隔，如 碗,盘,筷子' },
    { path: 'count', type: 'number', unit: '件', integer: true },
    { path: 'method', type: 'select', choices: choices(DISINFECTION_METHODS, DISINFECTION_METHOD_LABELS) },
    {
      path: 'temperatureC',
      type: 'number',
      unit: '℃',
      optional: true,
      hint: ({ ledger: { disinfection: d } }) =>
        `煮沸 ≥ ${d.heat_boiling.minTempC} ℃、蒸汽 ≥ ${d.heat_steam.minTempC} ℃、红外 ≥ ${d.infrared_cabinet.minTempC} ℃、洗碗机 ≥ ${d.dishwasher.minTempC} ℃`,
    },
    {
      path: 'durationSeconds',
      type: 'number',
      unit: '分钟',
      scale: 60,
      hint: ({ ledger: { disinfection: d } }) =>
        `煮沸 ≥ ${minutes(d.heat_boiling.minSeconds)}、洗碗机 ≥ ${d.dishwasher.minSeconds} 秒、含氯浸泡 ≥ ${minutes(d.chlorine_soak.minSeconds)}`,
    },
    {
      path: 'chlorineMgPerL',
      type: 'number',
      unit: 'mg/L',
      optional: true,
      hint: (p) => `含氯消毒液有效氯 ≥ ${p.ledger.disinfection.chlorine_soak.minChlorineMgPerL} mg/L`,
    },
    { path: 'rinsed', type: 'bool', yes: '已用清水冲洗', no: '未冲洗' },
    { path: 'operator', type: 'text' },
    { path: 'time', type: 'time' },
  ],
  sample_retention: [
    { path: 'dishName', type: 'text' },
    { path: 'meal', type: 'select', choices: meals },
    {
      path: 'weightGrams',
      type: 'number',
      unit: '克',
      hint: (p) => `每个品种不少于 ${p.ledger.sample.minGrams} 克`,
    },
    { path: 'sampledAt', type: 'time' },
    { path: 'storageUnit', type: 'text', hint: '如 1 号留样柜' },
    {
      path: 'storageTempC',
      type: 'number',
      unit: '℃',
      optional: true,
      hint: ({ ledger: { sample: s } }) => `冷藏 ${s.storageMinC}–${s.storageMaxC} ℃，保存不少于 ${s.minHours} 小时`,
    },
    { path: 'sealedSeparately', type: 'bool', yes: '已分别密封', no: '未分别密封' },
    { path: 'person', type: 'text' },
    { path: 'samplePhotoRef', type: 'photo', optional: true, hint: '拍摄留样菜品，可选' },
  ],
  air_disinfection: [
    { path: 'room', type: 'text', hint: '如 凉菜间' },
    { path: 'method', type: 'select', choices: choices(AIR_DISINFECTION_METHODS, AIR_DISINFECTION_METHOD_LABELS) },
    { path: 'start', type: 'time' },
    { path: 'end', type: 'time', hint: (p) => `紫外线消毒不少于 ${p.ledger.airDisinfection.uvMinMinutes} 分钟` },
    { path: 'operator', type: 'text' },
    { path: 'roomEmptyConfirmed', type: 'bool', yes: '已确认室内无人', no: '未确认' },
    {
      path: 'roomTempC',
      type: 'number',
      unit: '℃',
      optional: true,
      hint: (p) => `室温不高于 ${p.ledger.airDisinfection.roomMaxC} ℃`,
    },
  ],
  accompanying_meal: [
    { path: 'meal', type: 'select', choices: meals },
    { path: 'date', type: 'date' },
    { path: 'person', type: 'text' },
    { path: 'role', type: 'text', hint: '如 校长、副校长、家长代表' },
    { path: 'remarks', type: 'text', multiline: true, optional: true },
  ],
};
