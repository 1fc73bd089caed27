/** One size budget: named imports from an entry of the built package, and the most they may weigh. */
export interface SizeBudget {
  readonly name: string;
  readonly entry: string;
  readonly imports: readonly string[];
  readonly budgetKB: number;
}

export interface Measured {
  /** Minified bytes. */
  readonly min: number;
  /** Minified and gzip -9 bytes: what the budgets limit. */
  readonly gzip: number;
  /** What the bundle holds, largest first (paths relative to the working directory). */
  readonly inputs: readonly { readonly path: string; readonly bytes: number }[];
}

export declare const budgets: readonly SizeBudget[];
export declare function distFile(entry: string): string;
export declare function measure(budget: Pick<SizeBudget, 'entry' | 'imports'>): Promise<Measured>;
