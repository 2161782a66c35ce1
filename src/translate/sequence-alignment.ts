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

/** For each local item, the reference items it may be matched with: `[first, last]`, inclusive. */
export type Candidates = (local: number) => readonly [number, number];

/**
 * The same alignment restricted to a band: local item `i` is matched only with the reference items `candidates(i)`
 * names, and only the cells of that band are computed, so two long sequences cost (m + n) × band width instead of
 * m × n. The band is widened where needed so that a path from the start to the end always exists. When a best full
 * alignment stays inside the band, the score is the same as `alignSequences`' (equal-scoring paths may be chosen
 * differently at the band's edge); with a band of every pair, the pairs are the same.
 */
export function alignSequencesInBand(m: number, n: number, score: (local: number, reference: number) => number, candidates: Candidates): AlignedPair[] {
  if (m === 0 || n === 0) return alignSequences(m, n, score);
  // Each local item's candidates, clamped and made monotone (the band follows the reading order).
  const f = new Int32Array(m);
  const l = new Int32Array(m);
  for (let a = 0; a < m; a++) {
    const [first, last] = candidates(a);
    f[a] = Math.max(a > 0 ? f[a - 1] : 0, Math.min(n - 1, Math.max(0, first)));
    l[a] = Math.max(a > 0 ? l[a - 1] : 0, f[a], Math.min(n - 1, last));
  }
  // Row i of the table stands for the first i local items, its columns lo[i]..hi[i] for the first j reference items:
  // a pair (a, b) needs cell (a, b), where it starts, and cell (a + 1, b + 1), where it ends.
  const lo = new Int32Array(m + 1);
  const hi = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    lo[i] = i === 0 ? 0 : Math.max(lo[i - 1], Math.min(f[i - 1] + 1, i < m ? f[i] : n));
    hi[i] = i === m ? n : Math.max(i > 0 ? l[i - 1] + 1 : 0, l[i]);
  }
  // Overlapping rows: every cell's left or upper neighbour is in the band.
  for (let i = m - 1; i >= 0; i--) hi[i] = Math.min(Math.max(hi[i], lo[i + 1]), hi[i + 1]);
  const best: Float64Array[] = [];
  const move: Uint8Array[] = [];
  const at = (i: number, j: number) => (j < lo[i] || j > hi[i] ? -Infinity : best[i][j - lo[i]]);
  for (let i = 0; i <= m; i++) {
    const width = hi[i] - lo[i] + 1;
    const row = new Float64Array(width);
    const moves = new Uint8Array(width);
    best.push(row);
    move.push(moves);
    for (let j = lo[i]; j <= hi[i]; j++) {
      const k = j - lo[i];
      if (i === 0) {
        moves[k] = 2;
        continue;
      }
      let value = at(i - 1, j);
      let from = 1;
      const left = j > lo[i] ? row[k - 1] : -Infinity;
      if (left > value) {
        value = left;
        from = 2;
      }
      const diagonalBest = j > 0 ? at(i - 1, j - 1) : -Infinity;
      if (diagonalBest > -Infinity) {
        const s = score(i - 1, j - 1);
        if (s > 0 && diagonalBest + s >= value) {
          value = diagonalBest + s;
          from = 0;
        }
      }
      row[k] = value;
      moves[k] = from;
    }
  }
  const pairs: AlignedPair[] = [];
  let i = m;
  let j = n;
  while (i > 0 || j > 0) {
    const from = move[i][j - lo[i]];
    if (from === 0) pairs.push({ local: --i, reference: --j });
    else if (from === 1) pairs.push({ local: --i });
    else pairs.push({ reference: --j });
  }
  return pairs.reverse();
}
