import { describe, expect, it } from 'vitest';
import { auc, fitLogistic, logit } from './logistic.js';

/** A deterministic stream in [0, 1). */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function sample(n: number, truth: { intercept: number; coefficients: number[] }, seed = 7) {
  const rand = lcg(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = truth.coefficients.map(() => rand() * 2);
    const p = 1 / (1 + Math.exp(-logit(truth, row)));
    x.push(row);
    y.push(rand() < p ? 1 : 0);
  }
  return { x, y };
}

describe('logistic regression', () => {
  it('recovers the weights that generated the outcomes', () => {
    const truth = { intercept: -2, coefficients: [1.5, 0, -1] };
    const { x, y } = sample(6000, truth);
    const model = fitLogistic(x, y, { ridge: 0.01 });
    expect(model.intercept).toBeCloseTo(-2, 0);
    expect(model.coefficients[0]).toBeCloseTo(1.5, 0);
    expect(Math.abs(model.coefficients[1] ?? 1)).toBeLessThan(0.2);
    expect(model.coefficients[2]).toBeCloseTo(-1, 0);
  });

  it('keeps a pinned weight exactly and fits the others around it', () => {
    const truth = { intercept: -2, coefficients: [1.5, 0.8, -1] };
    const { x, y } = sample(4000, truth, 11);
    const model = fitLogistic(x, y, { pinned: new Map([[1, 0]]) });
    expect(model.coefficients[1]).toBe(0);
    expect(model.coefficients[0]).toBeGreaterThan(1);
  });

  it('scores AUC as the chance a positive outranks a negative', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75);
    expect(auc([1, 2, 3], [1, 1, 1])).toBeNull();
    expect(auc([1, 1], [0, 1])).toBe(0.5);
  });
});
