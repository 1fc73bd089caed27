/**
 * Logistic regression by Newton's method (IRLS) with a light ridge, and the AUC of a scoring. Our own: the
 * npm packages fit all coefficients freely, and a regulator's pinned weights need to stay fixed while the
 * others are fitted around them (here they enter as a per-row offset). Fifteen factors and a few thousand
 * inspections make this a 16×16 solve per step.
 */

export interface FitOptions {
  /** Coefficients fixed by policy: by factor index. */
  readonly pinned?: ReadonlyMap<number, number>;
  /** Ridge penalty on the (free) coefficients, not on the intercept. */
  readonly ridge?: number;
  readonly maxIterations?: number;
}

export interface LogisticModel {
  readonly intercept: number;
  readonly coefficients: readonly number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Solves `a · x = b` by Gaussian elimination with partial pivoting (a is small and, with the ridge, regular). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const p = m[col] as number[];
    const d = p[col] ?? 0;
    if (Math.abs(d) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r] as number[];
      const f = (row[col] ?? 0) / d;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - f * (p[c] ?? 0);
    }
  }
  return m.map((row, i) => {
    const d = row[i] ?? 0;
    return Math.abs(d) < 1e-12 ? 0 : (row[n] ?? 0) / d;
  });
}

/** Fits P(y=1) = σ(intercept + Σ coefficient·x) to the rows. */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: FitOptions = {},
): LogisticModel {
  const width = x[0]?.length ?? 0;
  const pinned = options.pinned ?? new Map<number, number>();
  const ridge = options.ridge ?? 0.5;
  const free = Array.from({ length: width }, (_, j) => j).filter((j) => !pinned.has(j));
  const k = free.length + 1; // + intercept (first)
  const offsets = x.map((row) => [...pinned].reduce((s, [j, w]) => s + w * (row[j] ?? 0), 0));
  let beta = Array.from({ length: k }, () => 0);
  for (let iter = 0; iter < (options.maxIterations ?? 50); iter++) {
    const gradient = Array.from({ length: k }, () => 0);
    const hessian = Array.from({ length: k }, () => Array.from({ length: k }, () => 0));
    x.forEach((row, i) => {
      const features = [1, ...free.map((j) => row[j] ?? 0)];
      const z = features.reduce((s, f, a) => s + f * (beta[a] ?? 0), offsets[i] ?? 0);
      const p = sigmoid(z);
      const w = Math.max(p * (1 - p), 1e-9);
      const r = (y[i] ?? 0) - p;
      for (let a = 0; a < k; a++) {
        const fa = features[a] ?? 0;
        gradient[a] = (gradient[a] ?? 0) + fa * r;
        const h = hessian[a] as number[];
        for (let b = a; b < k; b++) h[b] = (h[b] ?? 0) + w * fa * (features[b] ?? 0);
      }
    });
    for (let a = 0; a < k; a++) {
      const h = hessian[a] as number[];
      for (let b = 0; b < a; b++) h[b] = (hessian[b] as number[])[a] ?? 0;
      if (a > 0) {
        gradient[a] = (gradient[a] ?? 0) - ridge * (beta[a] ?? 0);
        h[a] = (h[a] ?? 0) + ridge;
      }
    }
    const step = solve(hessian, gradient);
    beta = beta.map((b, a) => b + (step[a] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  const coefficients = Array.from({ length: width }, (_, j) => pinned.get(j) ?? 0);
  free.forEach((j, a) => {
    coefficients[j] = beta[a + 1] ?? 0;
  });
  return { intercept: beta[0] ?? 0, coefficients };
}

/** The logit of a row under a model. */
export function logit(model: LogisticModel, row: readonly number[]): number {
  return row.reduce((s, v, j) => s + v * (model.coefficients[j] ?? 0), model.intercept);
}

/**
 * Area under the ROC curve: the chance a random positive scores above a random negative (ties count half).
 * Null when either class is missing.
 */
export function auc(scores: readonly number[], labels: readonly number[]): number | null {
  const order = scores.map((s, i) => ({ s, y: labels[i] ?? 0 })).sort((a, b) => a.s - b.s);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]?.s === order[i]?.s) j++;
    const midRank = (i + 1 + j) / 2;
    for (let t = i; t < j; t++) {
      if (order[t]?.y === 1) {
        positives += 1;
        rankSum += midRank;
      }
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
