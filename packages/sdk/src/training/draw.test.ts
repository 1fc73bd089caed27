import { describe, expect, it } from 'vitest';
import { bankShortfalls, drawPaper } from './draw.js';
import { paperSize } from './exam.js';

const bank = [
  ...Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, topic: 'sample_retention' })),
  ...Array.from({ length: 4 }, (_, i) => ({ id: `h${i}`, topic: 'health_management' })),
  ...Array.from({ length: 6 }, (_, i) => ({ id: `t${i}`, topic: 'storage_temperature' })),
];

/** A seeded generator (mulberry32): the same seed draws the same paper. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rules = [
  { topic: 'sample_retention', count: 5 },
  { topic: 'health_management', count: 2 },
  { topic: 'storage_temperature', count: 3, roles: ['cook' as const] },
];

describe('drawPaper', () => {
  it('draws N questions per topic for the learner’s role, without repeats', () => {
    const paper = drawPaper(bank, rules, 'cook', seeded(1));
    expect(paper).toHaveLength(10);
    expect(new Set(paper.map((q) => q.id)).size).toBe(10);
    const byTopic = (topic: string) => paper.filter((q) => q.topic === topic).length;
    expect([byTopic('sample_retention'), byTopic('health_management'), byTopic('storage_temperature')]).toEqual([
      5, 2, 3,
    ]);
    // A helper's paper leaves out the cooks' rule.
    expect(drawPaper(bank, rules, 'helper', seeded(1))).toHaveLength(7);
    expect(paperSize({ rules }, 'cook')).toBe(10);
    expect(paperSize({ rules }, 'helper')).toBe(7);
  });

  it('gives different learners different papers and orders', () => {
    const a = drawPaper(bank, rules, 'cook', seeded(1)).map((q) => q.id);
    const b = drawPaper(bank, rules, 'cook', seeded(2)).map((q) => q.id);
    expect(a).not.toEqual(b);
  });

  it('names the topics the bank is too small for', () => {
    expect(bankShortfalls(rules, { sample_retention: 10, health_management: 1, storage_temperature: 6 })).toEqual([
      { topic: 'health_management', needed: 2, available: 1 },
    ]);
    expect(bankShortfalls(rules, { sample_retention: 10, health_management: 4, storage_temperature: 6 })).toEqual([]);
  });
});
