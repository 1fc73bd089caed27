/** Whether missing records are accounted for by retention purges. */
import type { ChainCheckpoint } from './checkpoint.js';

/** {@link coverGap}'s answer: the checkpoint that ends the covering run, or the first record none covers. */
export type GapCover =
  | { readonly covered: true; readonly last: ChainCheckpoint }
  | { readonly covered: false; readonly firstUncovered: number };

/**
 * Whether an unbroken run of checkpoints covers records `from`…`to` (`from` ≤ `to`).
 * @example coverGap(checkpoints, 1, 40) // { covered: true, last } when purges removed 1–40: last.hash is 41's prevHash
 */
export function coverGap(checkpoints: readonly ChainCheckpoint[], from: number, to: number): GapCover {
  let next = from;
  let last: ChainCheckpoint | undefined;
  while (next <= to || !last) {
    let best: ChainCheckpoint | undefined;
    for (const checkpoint of checkpoints) {
      if (checkpoint.fromSeq <= next && checkpoint.seq >= next && (!best || checkpoint.seq > best.seq)) {
        best = checkpoint;
      }
    }
    if (!best) return { covered: false, firstUncovered: next };
    last = best;
    next = best.seq + 1;
  }
  return { covered: true, last };
}
