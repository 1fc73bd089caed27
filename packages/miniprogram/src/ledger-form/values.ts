/**
 * Form values (what the inputs hold: strings, booleans, choices) and the record they make.
 * Pure: the SDK's `validateLedger` then judges the record; nothing is re-checked here.
 */
import { formatLocalTime, fromLocalTime, type LedgerKind } from '@brightkitchen/sdk';
import { isPhotoValue, type PhotoValue } from './photo-value.js';
import { type FieldSpec, LEDGER_FORMS } from './specs.js';

/** What an input holds; a photo field holds the chosen photo, or `''` when there is none. */
export type FormValue = string | boolean | readonly string[] | PhotoValue;
export type FormValues = Readonly<Record<string, FormValue>>;

export interface FormContext {
  /** The venue's local day, `YYYY-MM-DD`. */
  readonly day: string;
  /** The venue's local wall-clock time now, `HH:mm`. */
  readonly time: string;
  readonly timeZone: string;
}

/** What a fresh form holds: now for times, today for dates, "fine" for the yes/no checks. */
export function initialValues(kind: LedgerKind, ctx: FormContext): FormValues {
  const out: Record<string, FormValue> = {};
  for (const field of LEDGER_FORMS[kind]) out[field.path] = initialValue(field, ctx);
  return out;
}

function initialValue(field: FieldSpec, ctx: FormContext): FormValue {
  switch (field.type) {
    case 'time':
      return ctx.time;
    case 'date':
      return field.optional ? '' : ctx.day;
    case 'bool':
      return field.path !== 'roomEmptyConfirmed';
    case 'multi':
      return [];
    default:
      return '';
  }
}

/** The ledger record for `validateLedger` and the outbox. Empty inputs are left out, so the rules say what is missing. */
export function toRecord(kind: LedgerKind, values: FormValues, ctx: FormContext): Record<string, unknown> {
  const record: Record<string, unknown> = { kind };
  for (const field of LEDGER_FORMS[kind]) {
    const value = convert(field, values[field.path], ctx);
    if (value !== undefined) setPath(record, field.path, value);
  }
  return record;
}

function convert(field: FieldSpec, raw: FormValue | undefined, ctx: FormContext): unknown {
  if (raw === undefined) return undefined;
  switch (field.type) {
    case 'bool':
      return raw === true;
    case 'multi':
      return Array.isArray(raw) ? [...raw] : [];
    case 'photo':
      // A photo the record already had (a correction keeps it): its stored reference.
      if (typeof raw === 'string') return raw.startsWith('sha256:') ? raw : undefined;
      return isPhotoValue(raw) ? raw.ref : undefined;
    case 'number': {
      const text = String(raw).trim();
      if (text === '') return undefined;
      const n = Number(text);
      return Number.isFinite(n) ? n * (field.scale ?? 1) : text;
    }
    case 'list': {
      const items = String(raw)
        .split(/[,，、\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      return items.length === 0 ? undefined : items;
    }
    case 'time': {
      const text = String(raw).trim();
      if (!/^\d{1,2}:\d{2}$/.test(text)) return text === '' ? undefined : text;
      const [h, m] = text.split(':');
      return fromLocalTime(`${ctx.day}T${h!.padStart(2, '0')}:${m}:00`, ctx.timeZone).format();
    }
    default: {
      const text = String(raw).trim();
      return text === '' ? undefined : text;
    }
  }
}

/**
 * The form values of a stored record (to correct it): each field as its input holds it, times on the venue's wall
 * clock (`ctx.day` should be the record's local day, so the corrected times stay on it). Fields the form does not
 * show are left out; the staff member's name is kept for the record.
 */
export function valuesFromRecord(
  kind: LedgerKind,
  record: Readonly<Record<string, unknown>>,
  ctx: FormContext,
): FormValues {
  const out: Record<string, FormValue> = initialValues(kind, ctx) as Record<string, FormValue>;
  for (const field of LEDGER_FORMS[kind]) {
    const value = getPath(record, field.path);
    if (value === undefined || value === null) {
      if (field.type !== 'bool' && field.type !== 'time') out[field.path] = field.type === 'multi' ? [] : '';
      continue;
    }
    out[field.path] = formValue(field, value, ctx);
  }
  if (typeof record.staffName === 'string') out.staffName = record.staffName;
  return out;
}

function formValue(field: FieldSpec, value: unknown, ctx: FormContext): FormValue {
  switch (field.type) {
    case 'bool':
      return value === true;
    case 'multi':
      return Array.isArray(value) ? value.map(String) : [];
    case 'list':
      return Array.isArray(value) ? value.map(String).join(',') : String(value);
    case 'number':
      return typeof value === 'number' ? String(Math.round((value / (field.scale ?? 1)) * 1000) / 1000) : String(value);
    case 'time':
      return typeof value === 'string' ? formatLocalTime(value, { style: 'time', timeZone: ctx.timeZone }) : '';
    default:
      return String(value);
  }
}

function getPath(source: Readonly<Record<string, unknown>>, path: string): unknown {
  let node: unknown = source;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}
