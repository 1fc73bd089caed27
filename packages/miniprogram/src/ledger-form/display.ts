/**
 * A stored ledger record read back: each form field with its label and its value as a person reads it (choices by
 * their words, numbers with their unit, times on the venue's wall clock), and a one-line summary for lists.
 */
import { formatLocalTime, type LedgerKind } from '@brightkitchen/sdk';
import { fieldLabel } from './describe';
import { type FieldSpec, LEDGER_FORMS } from './specs';

type Body = Readonly<Record<string, unknown>>;

export interface ShownField {
  readonly path: string;
  readonly label: string;
  readonly text: string;
  /** A stored photo (`sha256:…`) to fetch and show. */
  readonly photoRef?: string;
}

function valueAt(record: Body, path: string): unknown {
  let node: unknown = record;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function choiceText(field: FieldSpec, value: unknown): string {
  if (field.type !== 'select' && field.type !== 'multi') return String(value);
  return field.choices.find((c) => c.value === value)?.label ?? String(value);
}

/** How a person reads one field's stored value. */
export function shownValue(field: FieldSpec, value: unknown, record: Body, timeZone?: string): string {
  if (value === undefined || value === null || value === '') return field.type === 'multi' ? '无' : '未填写';
  switch (field.type) {
    case 'bool':
      return value === true ? field.yes : field.no;
    case 'multi':
      return Array.isArray(value) && value.length > 0 ? value.map((v) => choiceText(field, v)).join('、') : '无';
    case 'select':
      return choiceText(field, value);
    case 'staff':
      return typeof record.staffName === 'string' ? record.staffName : String(value);
    case 'number': {
      const n = typeof value === 'number' ? Math.round((value / (field.scale ?? 1)) * 100) / 100 : value;
      return field.unit ? `${n} ${field.unit}` : String(n);
    }
    case 'time':
      return typeof value === 'string' ? formatLocalTime(value, { timeZone }) : String(value);
    case 'list':
      return Array.isArray(value) ? value.join('、') : String(value);
    case 'photo':
      return '已附照片';
    default:
      return String(value);
  }
}

/** Every field of the kind's form, as stored in `record`. */
export function shownFields(kind: LedgerKind, record: Body, timeZone?: string): ShownField[] {
  return LEDGER_FORMS[kind].map((field) => {
    const value = valueAt(record, field.path);
    const photo = field.type === 'photo' && typeof value === 'string' && value.startsWith('sha256:');
    return {
      path: field.path,
      label: fieldLabel(field),
      text: shownValue(field, value, record, timeZone),
      ...(photo ? { photoRef: value } : {}),
    };
  });
}

/** The fields a list line names, per kind (the most telling first). */
const SUMMARY: Readonly<Record<LedgerKind, readonly string[]>> = {
  morning_check: ['staffId', 'temperatureC', 'symptoms'],
  purchase_inspection: ['productName', 'quantity', 'supplier.name'],
  tableware_disinfection: ['items', 'method', 'durationSeconds'],
  sample_retention: ['dishName', 'meal', 'weightGrams'],
  air_disinfection: ['room', 'method'],
  accompanying_meal: ['meal', 'person', 'role'],
};

/** One line for a list: `张三 · 体温 36.5 ℃ · 症状 无`. */
export function recordSummary(kind: LedgerKind, record: Body, timeZone?: string): string {
  const fields = LEDGER_FORMS[kind];
  return SUMMARY[kind]
    .map((path) => {
      const field = fields.find((f) => f.path === path);
      if (!field) return '';
      const text = shownValue(field, valueAt(record, path), record, timeZone);
      if (field.type === 'staff' || path === 'productName' || path === 'dishName' || path === 'room') return text;
      if (path === 'quantity') return `${text}${typeof record.unit === 'string' ? ` ${record.unit}` : ''}`;
      return `${fieldLabel(field)} ${text}`;
    })
    .filter(Boolean)
    .join(' · ');
}

/** The instant a record is about (the check, the run, the sample), for its time on lists. */
export function recordInstant(record: Body): string | undefined {
  for (const key of ['time', 'sampledAt', 'start']) {
    const value = record[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** The record with its staff member's name from the archive when it carries none (records saved before names were). */
export function withStaffName(record: Body, names: ReadonlyMap<string, string>): Body {
  if (typeof record.staffName === 'string' || typeof record.staffId !== 'string') return record;
  const name = names.get(record.staffId);
  return name ? { ...record, staffName: name } : record;
}
