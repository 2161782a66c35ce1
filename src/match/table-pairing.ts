// Pairing the rows of two tables in any order. Matching rows are paired through buckets of a key of
// their cells with volatile values masked, so thousands of rows pair in near-linear time, and a bounded
// search pairs what the keys miss. Rows that match no row are then paired with their most similar row,
// so that differences name cells rather than whole rows.
import { maskKey } from './mask-key.js';
import { rowMatches, score, type ActualRow, type CellRules, type ExpectedRow } from './table-rows.js';

// Upper bound on row comparisons outside the key buckets, and on similarity scores computed.
const SEARCH_BUDGET = 300_000;
const SIMILARITY_BUDGET = 250_000;
const TRIES_PER_BUCKET = 8;

/** Pairs rows that match: for each expected row, the index of its actual row, or -1. */
export function pairRows(rules: CellRules, expected: ExpectedRow[], actual: ActualRow[]): number[] {
  const pair: number[] = new Array(expected.length).fill(-1);
  const used: boolean[] = new Array(actual.length).fill(false);
  // Rows with fewer `...` cells are paired first, so that loose rows do not take the rows precise ones need.
  const order = expected.map((_, k) => k).sort((x, y) => expected[x].wildCount - expected[y].wildCount || x - y);
  const indexes = new Map<string, Map<string, { rows: number[]; next: number }>>();
  // The key of a row: the masked keys of its cells, leaving out the cells the expected row leaves open.
  const keyOf = (keys: string[], wild: boolean[]) => {
    let key = '';
    for (let j = 0; j < keys.length; j++) key += wild[j] ? '\u0000' : `${keys[j]}\u0000`;
    return key;
  };
  for (const k of order) {
    const e = expected[k];
    let mask = '';
    for (const w of e.wild) mask += w ? '1' : '0';
    let index = indexes.get(mask);
    if (!index) {
      if (indexes.size >= 16) continue;
      index = new Map();
      for (let r = 0; r < actual.length; r++) {
        const key = keyOf(actual[r].keys, e.wild);
        const bucket = index.get(key);
        if (bucket) bucket.rows.push(r);
        else index.set(key, { rows: [r], next: 0 });
      }
      indexes.set(mask, index);
    }
    const bucket = index.get(keyOf(e.cells.map((c, j) => (e.wild[j] ? '' : maskKey(c))), e.wild));
    if (!bucket) continue;
    // Skip used rows at the front once and for all, then try a few candidates.
    const { rows } = bucket;
    while (bucket.next < rows.length && used[rows[bucket.next]]) bucket.next++;
    let tries = 0;
    for (let b = bucket.next; b < rows.length && tries < TRIES_PER_BUCKET; b++) {
      const r = rows[b];
      if (used[r]) continue;
      tries++;
      if (rowMatches(rules, e, actual[r])) {
        pair[k] = r;
        used[r] = true;
        break;
      }
    }
  }
  let budget = SEARCH_BUDGET;
  for (const k of order) {
    if (pair[k] >= 0) continue;
    for (let r = 0; r < actual.length && budget > 0; r++) {
      if (used[r]) continue;
      budget--;
      if (rowMatches(rules, expected[k], actual[r])) {
        pair[k] = r;
        used[r] = true;
        break;
      }
    }
  }
  return pair;
}

/** A pairing of a row that matches no row with its most similar row. */
export interface ClosePair {
  row: number;
  /** Whether another row was just as similar, so the pairing is a guess. */
  unsure: boolean;
}

/**
 * Pairs rows left without a match with their most similar row (at least half of the columns alike,
 * the first counting as much as all others): the most similar pairs first, ties going to rows at the
 * same place in both tables, so that when every row differs in one column each still finds its own.
 */
export function closestPairs(rules: CellRules, expected: ExpectedRow[], actual: ActualRow[], lonelyExpected: number[], lonelyActual: number[]): Map<number, ClosePair> {
  const result = new Map<number, ClosePair>();
  if (lonelyExpected.length * lonelyActual.length > SIMILARITY_BUDGET || lonelyExpected.length === 0) return result;
  const columns = expected[lonelyExpected[0]].cells.length;
  const least = Math.max(1, Math.ceil(columns / 2));
  const candidates: { k: number; r: number; s: number; distance: number }[] = [];
  const best = new Map<number, { s: number; ties: number }>();
  for (const k of lonelyExpected) {
    for (const r of lonelyActual) {
      const s = score(rules, expected[k], actual[r]);
      if (s < least) continue;
      candidates.push({ k, r, s, distance: Math.abs(expected[k].index - actual[r].index) });
      const b = best.get(k);
      if (!b || s > b.s) best.set(k, { s, ties: 1 });
      else if (s === b.s) b.ties++;
    }
  }
  candidates.sort((x, y) => y.s - x.s || x.distance - y.distance || x.k - y.k);
  const taken = new Set<number>();
  for (const c of candidates) {
    if (result.has(c.k) || taken.has(c.r)) continue;
    taken.add(c.r);
    const b = best.get(c.k)!;
    result.set(c.k, { row: c.r, unsure: c.s < b.s || b.ties > 1 });
  }
  return result;
}
