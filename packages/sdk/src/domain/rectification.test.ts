import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { RectificationInputSchema, RectificationResponseInputSchema, rectificationOverdue } from './rectification.js';

describe('rectification notices', () => {
  it('is overdue after its deadline day until it is closed', () => {
    expect(rectificationOverdue({ state: 'open', deadline: '2026-12-05' }, '2026-12-05')).toBe(false);
    expect(rectificationOverdue({ state: 'open', deadline: '2026-12-05' }, '2026-12-06')).toBe(true);
    expect(rectificationOverdue({ state: 'answered', deadline: '2026-12-05' }, '2026-12-06')).toBe(true);
    expect(rectificationOverdue({ state: 'closed', deadline: '2026-12-05' }, '2026-12-06')).toBe(false);
  });

  it('takes a source kind of the list, a day as deadline, and at most 9 photo refs', () => {
    const input = {
      source: { kind: 'inspection', id: 'insp_1' },
      obligation: '食品安全法 第五十五条',
      findings: '生熟混放',
      requirement: '分开存放',
      deadline: '2026-12-09',
    };
    expect(v.safeParse(RectificationInputSchema, input).success).toBe(true);
    expect(v.safeParse(RectificationInputSchema, { ...input, source: { kind: 'gossip' } }).success).toBe(false);
    expect(v.safeParse(RectificationInputSchema, { ...input, deadline: '2026-12-09T10:00' }).success).toBe(false);
    const ref = `sha256:${'a'.repeat(64)}`;
    expect(v.safeParse(RectificationResponseInputSchema, { text: '已整改', photos: Array(9).fill(ref) }).success).toBe(
      true,
    );
    expect(v.safeParse(RectificationResponseInputSchema, { text: '已整改', photos: Array(10).fill(ref) }).success).toBe(
      false,
    );
    expect(v.safeParse(RectificationResponseInputSchema, { text: '已整改', photos: ['sha256:xyz'] }).success).toBe(
      false,
    );
  });
});
