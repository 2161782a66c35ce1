// The rows of a compared table and how their cells are compared: with the duration rule of their column.
import type { DurationContext } from './kinds/age.js';
import { matchLine, type PatternCache } from './line.js';

/** An expected data row, its cells read under the expected header. */
export interface ExpectedRow {
  /** Index of the line in the table (the header is 0). */
  index: number;
  /** 1-based data row number. */
  row: number;
  cells: string[];
  wild: boolean[];
  wildCount: number;
}

/** An actual data row, its cells projected on the expected columns. */
export interface ActualRow {
  index: number;
  cells: string[];
  keys: string[];
}

/** How cells of each expected column are compared: the cache and each column's duration rule. */
export interface CellRules {
  cache: PatternCache;
  durations: DurationContext[];
}

// Whether an expected cell of column j matches an actual cell.
export function cellMatches(rules: CellRules, j: number, e: string, a: string): boolean {
  return e === a || matchLine(rules.cache.get(e, rules.durations[j]), a).ok;
}

// Whether every cell of a row matches.
export function rowMatches(rules: CellRules, e: ExpectedRow, a: ActualRow): boolean {
  for (let j = 0; j < e.cells.length; j++) if (!cellMatches(rules, j, e.cells[j], a.cells[j])) return false;
  return true;
}

// Counts the cells of a row that match, to pair rows that differ with their closest counterpart;
// the first column (the name, in kubectl and istioctl tables) counts as much as all the others.
export function score(rules: CellRules, e: ExpectedRow, a: ActualRow): number {
  let n = 0;
  for (let j = 0; j < e.cells.length; j++) {
    if (cellMatches(rules, j, e.cells[j], a.cells[j])) n += j === 0 ? e.cells.length : 1;
  }
  return n;
}
