/**
 * Checks a rule-profile override that arrives as JSON (a region's settings): every key must exist in the
 * base profile with the same shape — numbers finite, lists of the same kind of values, objects nested
 * the same way — and the result must keep each range ordered. Returns the override typed, or every issue.
 */
import { VENUE_KINDS } from '../domain/enums.js';
import { PURCHASE_CATEGORIES } from '../domain/ledger-vocab.js';
import type { ParseResult } from '../domain/result.js';
import { CHECKLIST_CODES } from './inspection/national-checklist.js';
import { NATIONAL_PROFILE, type RuleProfile, type RuleProfileOverride, resolveProfile } from './profile.js';

type Issue = { readonly code: string; readonly path: string; readonly message: { zh: string; en: string } };

const issue = (path: string, zh: string, en: string): Issue => ({
  code: 'PROFILE_OVERRIDE_INVALID',
  path,
  message: { zh, en },
});

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function check(value: unknown, base: unknown, path: string, out: Issue[]): void {
  const at = path || '(root)';
  if (Array.isArray(base)) {
    // An empty default list (nothing omitted) is a list of words.
    const kind = base.length === 0 ? 'string' : typeof base[0];
    if (!Array.isArray(value) || value.some((v) => typeof v !== kind)) {
      out.push(issue(at, `应为${kind === 'number' ? '数字' : '文本'}列表`, `must be a list of ${kind}s`));
    } else if (kind === 'string' && value.some((v) => !wordsOf(path).includes(v as string))) {
      out.push(issue(at, '包含未知的取值', 'holds an unknown value'));
    }
    return;
  }
  if (isObject(base)) {
    if (!isObject(value)) {
      out.push(issue(at, '应为对象', 'must be an object'));
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      const next = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(base, key)) out.push(issue(next, '未知的规则项', 'is not a rule setting'));
      else check(v, base[key], next, out);
    }
    return;
  }
  if (typeof base === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) out.push(issue(at, '应为数字', 'must be a number'));
    return;
  }
  if (typeof value !== typeof base) out.push(issue(at, `应为${typeof base}`, `must be a ${typeof base}`));
}

/** Lists of words may name any word of their vocabulary, not only the defaults (a region adds restaurants). */
const VOCABULARY: Readonly<Record<string, readonly string[]>> = {
  requiredVenueKinds: VENUE_KINDS,
  venueKinds: VENUE_KINDS,
  quarantineCategories: PURCHASE_CATEGORIES,
  keyItems: CHECKLIST_CODES,
  omittedItems: CHECKLIST_CODES,
};
function wordsOf(path: string): readonly string[] {
  return VOCABULARY[path.split('.').pop() ?? ''] ?? [];
}

/** Every `{ minC, maxC }` (or `storageMinC`/`storageMaxC`) of the resolved profile must keep min ≤ max. */
function checkRanges(profile: RuleProfile, out: Issue[]): void {
  const { sample } = profile.ledger;
  if (sample.storageMinC > sample.storageMaxC) {
    out.push(issue('ledger.sample', '留样温度下限高于上限', 'storageMinC is above storageMaxC'));
  }
  for (const [kind, range] of Object.entries(profile.sensors.ranges)) {
    if (range.minC !== undefined && range.maxC !== undefined && range.minC > range.maxC) {
      out.push(issue(`sensors.ranges.${kind}`, '温度下限高于上限', 'minC is above maxC'));
    }
  }
}

/**
 * Checks a region's or venue kind's override of the rule numbers, key by key: unknown keys, wrong types and a
 * min above its max are issues.
 * @example parseProfileOverride({ ledger: { sample: { minGrams: 150 } } }) // { ok: true, value }
 */
export function parseProfileOverride(
  value: unknown,
  base: RuleProfile = NATIONAL_PROFILE,
): ParseResult<RuleProfileOverride> {
  const out: Issue[] = [];
  check(value, base, '', out);
  if (out.length === 0) checkRanges(resolveProfile({ base, regionOverrides: value as RuleProfileOverride }), out);
  return out.length === 0 ? { ok: true, value: value as RuleProfileOverride } : { ok: false, issues: out };
}
