/** A seeded random source (mulberry32): the same seed gives the same kitchen, run after run. */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [-spread, +spread]. */
  jitter(spread: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A short lower-case id made of the next draws. */
  id(length?: number): string;
}

/** mulberry32: uniform floats in [0, 1) from a 32-bit seed; the demo city's seeding uses it too. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  return {
    next,
    jitter: (spread) => (next() * 2 - 1) * spread,
    chance: (p) => next() < p,
    id: (length = 6) =>
      Array.from({ length }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(next() * 36)]).join(''),
  };
}
