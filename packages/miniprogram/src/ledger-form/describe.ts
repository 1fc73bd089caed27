/** How a ledger form names and asks for a field: its label, and what a message about it should say. */
import { ledgerFieldLabel } from '@brightkitchen/sdk';
import type { FieldDescription, FieldInputKind } from '../lib/field-sentence';
import type { FieldSpec } from './specs';

/** The label the form shows for a field. */
export function fieldLabel(field: FieldSpec): string {
  return field.label ?? ledgerFieldLabel(field.path).zh;
}

const INPUT: Readonly<Record<FieldSpec['type'], FieldInputKind>> = {
  text: 'text',
  number: 'number',
  select: 'choice',
  multi: 'choice',
  staff: 'choice',
  bool: 'bool',
  time: 'time',
  date: 'date',
  list: 'list',
  photo: 'photo',
};

/** What `fieldSentence` needs to know of a field. */
export function describeField(field: FieldSpec): FieldDescription {
  return {
    label: fieldLabel(field),
    input: INPUT[field.type],
    ...(field.type === 'number'
      ? {
          ...(field.unit ? { unit: field.unit } : {}),
          ...(field.scale ? { scale: field.scale } : {}),
          ...(field.integer ? { integer: true } : {}),
        }
      : {}),
  };
}
