/**
 * Frigate labels and classifier answers → violations. Defaults cover the COCO/Frigate+ labels that are
 * violations in a kitchen and the usual PPE classifier names; `violationMap` (per site) wins, keyed by
 * label (`rat`), `label:sub_label`, or `model:attribute` (`hat:no`).
 */
import type { ConvertContext, ViolationType } from '@brightkitchen/sdk';
import { configuredViolation, type ViolationMapping } from '../../shared/violations.js';

const LABELS: Readonly<Record<string, ViolationType>> = {
  rat: 'rodent',
  mouse: 'rodent',
  rodent: 'rodent',
  'cell phone': 'phone_use',
  cell_phone: 'phone_use',
  smoking: 'smoking',
  cigarette: 'smoking',
  fire: 'unattended_fire',
};

/** A "no" answer of these classifier models is the violation. */
const NEGATIVE_MODELS: readonly (readonly [RegExp, ViolationType])[] = [
  [/hat|cap|hairnet|helmet/i, 'no_hat'],
  [/mask/i, 'no_mask'],
  [/uniform|apron|workwear/i, 'no_uniform'],
];
/** A "yes" answer of these is the violation. */
const POSITIVE_MODELS: readonly (readonly [RegExp, ViolationType])[] = [
  [/smok|cigarette/i, 'smoking'],
  [/phone/i, 'phone_use'],
  [/shirtless|bare/i, 'bare_chested'],
];
const NO = /^(no|none|without|false|0|no_\w+|not_\w+)$/i;
const YES = /^(yes|true|1|with)$/i;

export function labelViolation(
  context: ConvertContext,
  label: string,
  subLabel?: string,
): ViolationMapping | undefined {
  const key = label.replace(/-verified$/, '');
  return configuredViolation(context, [subLabel === undefined ? undefined : `${key}:${subLabel}`, key]) ?? LABELS[key];
}

export function classificationViolation(
  context: ConvertContext,
  model: string,
  attribute: string,
): ViolationMapping | undefined {
  const configured = configuredViolation(context, [`${model}:${attribute}`, attribute]);
  if (configured !== undefined) return configured;
  if (NO.test(attribute)) return NEGATIVE_MODELS.find(([pattern]) => pattern.test(model))?.[1];
  if (YES.test(attribute)) return POSITIVE_MODELS.find(([pattern]) => pattern.test(model))?.[1];
  // A multi-class model answering e.g. `no_hat`, `hat_off`, `smoking`.
  const named = /^(no[_-]?|without[_-]?)(hat|mask|uniform)$/i.exec(attribute);
  if (named) return `no_${named[2]!.toLowerCase()}` as ViolationType;
  return undefined;
}
