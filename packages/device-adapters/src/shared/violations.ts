/** From a vendor's code or text to a violation type: per-device configuration first, then keywords. */
import type { ConvertContext, ViolationType } from '@brightkitchen/sdk';

export type ViolationMapping = ViolationType | 'unknown' | 'ignore';

/** Keywords in Chinese and English, most specific first. */
const KEYWORDS: readonly (readonly [RegExp, ViolationType])[] = [
  [/未戴(厨师)?帽|未戴帽子|no[\s_-]?(chef[\s_-]?)?hat|without[\s_-]?hat|hairnet/i, 'no_hat'],
  [/未戴口罩|口罩|no[\s_-]?mask|without[\s_-]?mask/i, 'no_mask'],
  [/未穿工作服|工作服|工装|no[\s_-]?uniform/i, 'no_uniform'],
  [/玩手机|手机|phone/i, 'phone_use'],
  [/吸烟|抽烟|smok/i, 'smoking'],
  [/赤膊|光膀|bare[\s_-]?chest|shirtless/i, 'bare_chested'],
  [/老鼠|鼠患|鼠|rodent|\brat\b|mouse/i, 'rodent'],
  [/垃圾桶|bin[\s_-]?(un)?cover|trash/i, 'bin_uncovered'],
  [/陌生人|stranger/i, 'stranger'],
  [/动火离人|离岗|unattended[\s_-]?fire/i, 'unattended_fire'],
];

/** The violation a vendor's label or description names, if any keyword matches. */
export function violationFromText(text: string | undefined): ViolationType | undefined {
  if (!text) return undefined;
  for (const [pattern, type] of KEYWORDS) if (pattern.test(text)) return type;
  return undefined;
}

/** The configured mapping for the first key found (exact, then case-insensitive). */
export function configuredViolation(
  context: ConvertContext<unknown>,
  keys: readonly (string | undefined)[],
): ViolationMapping | undefined {
  const map = context.violationMap;
  if (!map) return undefined;
  for (const key of keys) {
    if (key === undefined) continue;
    const exact = map[key];
    if (exact) return exact;
    const lower = key.toLowerCase();
    for (const [k, v] of Object.entries(map)) if (k.toLowerCase() === lower) return v;
  }
  return undefined;
}
