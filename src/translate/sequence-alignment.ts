// Order-preserving alignment of two sequences (Needleman–Wunsch with free gaps): the set of matched pairs, none
// crossing, whose summed score is highest. Pairs scoring 0 or less are never matched, so unrelated items stay apart.

/** One row of an alignment: a matched pair, or an item only one side has. */
export interface AlignedPair {
  local?: number;
  reference?: number;
  /** A pair matched outside the order of the rest (the block stands elsewhere on the other page). */
  moved?: true;
}

// Aligns `m` local items with `n` reference items; returns every item of both, in reading order.
export function alignSequences(m: number, n: number, score: (local: number, reference: number) => number): AlignedPair[] {
  const width = n + 1;
  const best = new Float64Array((m + 1) * width);
  // 0: match (i-1, j-1); 1: local i-1 alone; 2: reference j-1 alone.
  const move = new Uint8Array((m + 1) * width);
  for (let i = 1; i <= m; i++) move[i * width] = 1;
  for (let j = 1; j <= n; j++) move[j] = 2;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      let value = best[(i - 1) * width + j];
      let from = 1;
      const left = best[i * width + j - 1];
      if (left > value) {
        value = left;
        from = 2;
      }
      const s = score(i - 1, j - 1);
      if (s > 0) {
        const diagonal = best[(i - 1) * width + j - 1] + s;
        if (diagonal >= value) {
          value = diagonal;
          from = 0;
        }
      }
      best[i * width + j] = value;
      move[i * width + j] = from;
    }
  }
  const pairs: AlignedPair[] = [];
  let i = m;
  let j = n;
  while (i > 0 || j > 0) {
    const from = move[i * width + j];
    if (from === 0) pairs.push({ local: --i, reference: --j });
    else if (from === 1) pairs.push({ local: --i });
    else pairs.push({ reference: --j });
  }
  return pairs.reverse();
}
