// Explaining a failed comparison of lines with `...` lines: the actual lines are aligned against the
// expected ones, each `...` being a gap that absorbs any number of actual lines at no cost, so that only
// the lines left unmatched are reported (an extra last line is one difference, not three). The alignment
// is the one with the fewest differences, then the most matching lines: a dynamic program over
// expected × actual lines, used only when the inputs are small enough to afford it.

/** One step of an alignment, in order. */
export type AlignStep =
  | { op: 'match'; e: number; a: number }
  | { op: 'pair'; e: number; a: number }
  | { op: 'missing'; e: number }
  | { op: 'extra'; a: number }
  | { op: 'gap'; e: number; absorbed: number[] };

/** Above this many cells (expected × actual lines) the alignment is not attempted. */
export const GAP_ALIGN_CELLS = 1_000_000;

// Moves of the program, stored per cell to walk the best alignment back.
const NONE = 0;
const MATCH = 1;
const PAIR = 2;
const MISSING = 3;
const EXTRA = 4;
const ABSORB = 5;
const GAP_END = 6;

/**
 * Aligns actual lines against expected lines where `gap[i]` marks a `...` line; `same(i, j)` says whether
 * expected line i matches actual line j, `similar(i, j)` whether they look alike enough to be shown as one
 * changed line. Returns undefined when the inputs are too large.
 */
export function alignWithGaps(
  gap: boolean[],
  actualCount: number,
  same: (i: number, j: number) => boolean,
  similar: (i: number, j: number) => boolean,
): AlignStep[] | undefined {
  const n = gap.length;
  const m = actualCount;
  const width = m + 1;
  if ((n + 1) * width > GAP_ALIGN_CELLS) return undefined;
  // Cost = differences × (n + m + 1) − matches: fewest differences first, then most matching lines.
  const unit = n + m + 1;
  const cost = new Float64Array((n + 1) * width).fill(Infinity);
  const move = new Uint8Array((n + 1) * width);
  cost[n * width + m] = 0;
  // Filled backwards: cost[i][j] is the cheapest way to align expected lines i.. with actual lines j..
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      const at = i * width + j;
      let best = Infinity;
      let how = NONE;
      const consider = (value: number, what: number) => {
        if (value < best) {
          best = value;
          how = what;
        }
      };
      if (i < n && gap[i]) {
        consider(cost[(i + 1) * width + j], GAP_END);
        if (j < m) consider(cost[at + 1], ABSORB);
      } else {
        if (i < n && j < m) {
          if (same(i, j)) consider(cost[(i + 1) * width + j + 1] - 1, MATCH);
          // Lines that look alike pair as one difference; others cost as much as a missing line and an extra one.
          else consider(cost[(i + 1) * width + j + 1] + (similar(i, j) ? unit : 2 * unit), PAIR);
        }
        if (i < n) consider(cost[(i + 1) * width + j] + unit, MISSING);
        if (j < m) consider(cost[at + 1] + unit, EXTRA);
      }
      cost[at] = best;
      move[at] = how;
    }
  }
  const steps: AlignStep[] = [];
  let i = 0;
  let j = 0;
  let absorbing: { op: 'gap'; e: number; absorbed: number[] } | undefined;
  while (i < n || j < m) {
    const how = move[i * width + j];
    if (how === ABSORB || how === GAP_END) {
      if (!absorbing || absorbing.e !== i) {
        absorbing = { op: 'gap', e: i, absorbed: [] };
        steps.push(absorbing);
      }
      if (how === ABSORB) absorbing.absorbed.push(j++);
      else i++;
      continue;
    }
    if (how === MATCH) steps.push({ op: 'match', e: i++, a: j++ });
    else if (how === PAIR) steps.push({ op: 'pair', e: i++, a: j++ });
    else if (how === MISSING) steps.push({ op: 'missing', e: i++ });
    else steps.push({ op: 'extra', a: j++ });
  }
  return steps;
}
