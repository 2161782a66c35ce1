// Comparing tables as `kubectl get` and `istioctl proxy-config` print them: a header of upper-case
// column names, rows split into cells on runs of two or more blanks, rows paired in any order.
// Pairing groups rows by a key of their cells with volatile values masked, so thousands of rows are
// paired in near-linear time; a bounded search pairs what the keys miss.
import { maskKey } from './mask-key.js';
import { matchLine, type PatternCache } from './line.js';
import { collapseBlanks, isEllipsisLine } from './normalize.js';
import { quote } from './text.js';
import type { Differences } from './types.js';

/** A header cell: its name and the column where it starts. */
export interface Column {
  name: string;
  start: number;
}

/** A piece of a line between runs of two or more blanks. */
interface Chunk {
  text: string;
  start: number;
}

// Splits a line on runs of two or more blanks (or any tab), keeping where each piece starts.
export function chunks(line: string): Chunk[] {
  const out: Chunk[] = [];
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  let start = i;
  while (i < line.length) {
    if (line[i] === '\t' || (line[i] === ' ' && (line[i + 1] === ' ' || line[i + 1] === '\t'))) {
      out.push({ text: line.slice(start, i), start });
      while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
      start = i;
    } else i++;
  }
  if (start < line.length) out.push({ text: line.slice(start), start });
  return out;
}

// Whether a word of a header cell is an upper-case column name (`PORT(S)`, `CPU(cores)`, `EXTERNAL-IP`).
function isHeaderWord(word: string): boolean {
  const first = word.charCodeAt(0);
  if (!(first >= 65 && first <= 90)) return false;
  let depth = 0;
  for (let k = 0; k < word.length; k++) {
    const ch = word[k];
    const c = word.charCodeAt(k);
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) return false;
      depth--;
    } else if (depth > 0) continue;
    else if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || '_-./%#:'.includes(ch))) return false;
  }
  return depth === 0;
}

// Reads a header line: two or more upper-case column names, each of one or two words, separated by runs of blanks.
export function headerColumns(line: string): Column[] | null {
  if (line.length === 0 || line[0] === ' ' || line[0] === '\t') return null;
  const cells = chunks(line);
  if (cells.length < 2) return null;
  for (const cell of cells) {
    const words = cell.text.split(' ');
    if (words.length > 2 || !words.every(isHeaderWord)) return null;
  }
  return cells.map((c) => ({ name: c.text, start: c.start }));
}

// Splits a row into one cell per column: by order when the counts agree, else by where cells start.
export function rowCells(line: string, columns: Column[]): string[] {
  const parts = chunks(line);
  const cells: string[] = new Array(columns.length).fill('');
  // Cells go to columns in order, unless the row is aligned under the header and some cells are
  // empty: then each cell goes to the column it starts under.
  const aligned = parts.every((p) => columns.some((c) => Math.abs(c.start - p.start) <= 1));
  if (parts.length === columns.length || !aligned) {
    parts.forEach((p, j) => {
      const k = Math.min(j, columns.length - 1);
      cells[k] = cells[k] === '' ? p.text : `${cells[k]}  ${p.text}`;
    });
    return finishRow(cells);
  }
  let previous = -1;
  for (const part of parts) {
    let j = 0;
    while (j + 1 < columns.length && columns[j + 1].start <= part.start + 1) j++;
    if (j <= previous) j = previous + 1;
    if (j >= columns.length) {
      j = columns.length - 1;
      cells[j] = cells[j] === '' ? part.text : `${cells[j]}  ${part.text}`;
    } else cells[j] = part.text;
    previous = j;
  }
  return finishRow(cells);
}

// A row cut short with `...` stands for any value in the columns it leaves out.
function finishRow(cells: string[]): string[] {
  const filled = cells.reduce((last, c, j) => (c !== '' ? j : last), -1);
  if (filled >= 0 && filled < cells.length - 1 && cells[filled].endsWith('...')) {
    for (let j = filled + 1; j < cells.length; j++) cells[j] = '...';
  }
  return cells;
}

/** What the table comparison needs from its caller. */
export interface TableContext {
  out: Differences;
  cache: PatternCache;
  /** Number of expected and actual lines before the table, for line numbers. */
  lineOffset: number;
  actualOffset: number;
}

interface ExpectedRow {
  /** Index of the line in the table (the header is 0). */
  index: number;
  /** 1-based data row number. */
  row: number;
  cells: string[];
  wild: boolean[];
  wildCount: number;
}

interface ActualRow {
  index: number;
  cells: string[];
  keys: string[];
}

// Upper bound on row comparisons outside the key buckets (pairing what keys miss, explaining failures).
const SEARCH_BUDGET = 300_000;
const SIMILARITY_BUDGET = 250_000;
const TRIES_PER_BUCKET = 8;

// Whether an expected cell matches an actual cell.
function cellMatches(cache: PatternCache, e: string, a: string): boolean {
  return e === a || matchLine(cache.get(e), a).ok;
}

// Whether every cell of a row matches.
function rowMatches(cache: PatternCache, e: ExpectedRow, a: ActualRow): boolean {
  for (let j = 0; j < e.cells.length; j++) if (!cellMatches(cache, e.cells[j], a.cells[j])) return false;
  return true;
}

// Counts the cells of a row that match, to pair rows that differ with their closest counterpart;
// the first column (the name, in kubectl and istioctl tables) counts as much as all the others.
function score(cache: PatternCache, e: ExpectedRow, a: ActualRow): number {
  let n = 0;
  for (let j = 0; j < e.cells.length; j++) {
    if (cellMatches(cache, e.cells[j], a.cells[j])) n += j === 0 ? e.cells.length : 1;
  }
  return n;
}

// Lays cells out at the expected column starts, so rewritten rows line up with the expected ones.
function layout(cells: string[], columns: Column[]): string {
  let line = '';
  cells.forEach((cell, j) => {
    if (j > 0) line += line.length + 2 <= columns[j].start ? ' '.repeat(columns[j].start - line.length) : '   ';
    line += cell;
  });
  return line.trimEnd();
}

/** The outcome of comparing a table: the actual table rewritten in the expected row order. */
export interface TableOutcome {
  ok: boolean;
  rewritten: string[];
}

// Pairs rows in any order: first through key buckets, then a bounded search for the rest.
function pairRows(cache: PatternCache, expected: ExpectedRow[], actual: ActualRow[]): number[] {
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
      if (rowMatches(cache, e, actual[r])) {
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
      if (rowMatches(cache, expected[k], actual[r])) {
        pair[k] = r;
        used[r] = true;
        break;
      }
    }
  }
  return pair;
}

/**
 * Compares a table: the header names, then the rows in any order. Row counts must be equal unless
 * the expected table has a `...` row. Each difference names the row, the column, the expected and
 * the actual cell.
 */
export function compareTable(expectedLines: string[], actualLines: string[], ctx: TableContext): TableOutcome | null {
  const columns = headerColumns(expectedLines[0]);
  const actualColumns = actualLines.length > 0 ? headerColumns(actualLines[0]) : null;
  if (!columns) return null;
  const { out, cache } = ctx;
  const lineNo = (i: number) => ctx.lineOffset + i + 1;
  if (!actualColumns) {
    out.add({
      line: lineNo(0),
      row: 0,
      expected: expectedLines[0],
      actual: actualLines[0] ?? '',
      reason: `line ${lineNo(0)}: expected a table with the header ${quote(collapseBlanks(expectedLines[0]))}, got ${actualLines.length > 0 ? quote(actualLines[0]) : 'no output'}`,
    });
    return null;
  }
  let ok = true;
  const names = columns.map((c) => c.name);
  const actualNames = actualColumns.map((c) => c.name);
  const sameHeader = names.length === actualNames.length && names.every((n, j) => n === actualNames[j]);
  if (!sameHeader) {
    ok = false;
    const missing = names.filter((n) => !actualNames.includes(n));
    const extra = actualNames.filter((n) => !names.includes(n));
    const parts = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `extra ${extra.join(', ')}` : ''].filter(Boolean);
    out.add({
      line: lineNo(0),
      row: 0,
      expected: names.join(', '),
      actual: actualNames.join(', '),
      reason: `line ${lineNo(0)}, header: expected columns ${names.join(', ')}, got ${actualNames.join(', ')}${parts.length ? ` (${parts.join('; ')})` : ''}`,
    });
  }
  // Actual cells are read with the actual header and projected on the expected columns by name.
  const taken = new Set<number>();
  const project = names.map((n) => {
    const j = actualNames.findIndex((m, k) => m === n && !taken.has(k));
    if (j >= 0) taken.add(j);
    return j;
  });
  const open = expectedLines.slice(1).some(isEllipsisLine);
  const expected: ExpectedRow[] = [];
  for (let i = 1; i < expectedLines.length; i++) {
    if (isEllipsisLine(expectedLines[i])) continue;
    const cells = rowCells(expectedLines[i], columns);
    // Columns the output lacks are reported once, in the header; their cells are not compared.
    for (let j = 0; j < names.length; j++) if (project[j] < 0) cells[j] = '...';
    const wild = cells.map((c) => cache.get(c).wild);
    expected.push({ index: i, row: expected.length + 1, cells, wild, wildCount: wild.filter(Boolean).length });
  }
  const actual: ActualRow[] = [];
  for (let i = 1; i < actualLines.length; i++) {
    const own = rowCells(actualLines[i], actualColumns);
    const cells = project.map((j) => (j >= 0 ? own[j] : ''));
    actual.push({ index: i, cells, keys: cells.map(maskKey) });
  }
  const pair = pairRows(cache, expected, actual);
  const used = new Set(pair.filter((r) => r >= 0));
  const lonelyExpected = expected.map((_, k) => k).filter((k) => pair[k] < 0);
  const lonelyActual = actual.map((_, r) => r).filter((r) => !used.has(r));
  const partial = new Map<number, number>();
  if (lonelyExpected.length > 0) {
    ok = false;
    if (!open && expected.length !== actual.length) {
      out.add({ line: lineNo(0), reason: `table at line ${lineNo(0)}: expected ${expected.length} row${expected.length === 1 ? '' : 's'}, got ${actual.length}` });
    }
    // Pair what is left with the closest rows, so the differences name cells rather than whole rows.
    const closest = new Set<number>();
    if (lonelyExpected.length * lonelyActual.length <= SIMILARITY_BUDGET) {
      for (const k of lonelyExpected) {
        let best = -1;
        let bestScore = Math.max(1, Math.ceil(names.length / 2)) - 1;
        for (const r of lonelyActual) {
          if (closest.has(r)) continue;
          const s = score(cache, expected[k], actual[r]);
          if (s > bestScore) {
            best = r;
            bestScore = s;
          }
        }
        if (best >= 0) {
          closest.add(best);
          partial.set(k, best);
        }
      }
    }
    for (const k of lonelyExpected) {
      const e = expected[k];
      const line = lineNo(e.index);
      const r = partial.get(k);
      if (r === undefined) {
        out.add({ line, row: e.row, expected: expectedLines[e.index], reason: `row ${e.row} (line ${line}): no row of the output matches ${quote(collapseBlanks(expectedLines[e.index]))}` });
        continue;
      }
      for (let j = 0; j < names.length; j++) {
        const a = actual[r].cells[j];
        const outcome = e.cells[j] === a ? { ok: true } : matchLine(cache.get(e.cells[j]), a);
        if (outcome.ok) continue;
        const pattern = cache.get(e.cells[j]);
        const detail = (pattern.volatile || pattern.wild) && 'detail' in outcome && outcome.detail ? ` (${outcome.detail})` : '';
        out.add({
          line,
          row: e.row,
          column: names[j],
          expected: e.cells[j],
          actual: a,
          reason: `row ${e.row}, column ${names[j]}: expected ${quote(e.cells[j])}, got ${quote(a)}${detail}`,
        });
      }
    }
    for (const r of lonelyActual) if (closest.has(r)) used.add(r);
  }
  const extra = lonelyActual.filter((r) => !used.has(r));
  if (!open && extra.length > 0) {
    ok = false;
    if (lonelyExpected.length === 0) {
      out.add({ line: lineNo(0), reason: `table at line ${lineNo(0)}: expected ${expected.length} row${expected.length === 1 ? '' : 's'}, got ${actual.length}` });
    }
    for (const r of extra) {
      const actualLine = ctx.actualOffset + actual[r].index + 1;
      out.add({ line: lineNo(expectedLines.length - 1), actual: actualLines[actual[r].index], reason: `output line ${actualLine}: unexpected row ${quote(collapseBlanks(actualLines[actual[r].index]))}` });
    }
  }
  // The actual table in the expected order, with matched cells written as expected.
  const rewritten: string[] = [sameHeader ? expectedLines[0] : actualLines[0]];
  const byIndex = new Map(expected.map((e, k) => [e.index, k]));
  for (let i = 1; i < expectedLines.length; i++) {
    const k = byIndex.get(i);
    if (k === undefined) {
      rewritten.push(expectedLines[i]);
      continue;
    }
    const r = pair[k] >= 0 ? pair[k] : partial.get(k);
    if (r === undefined) continue;
    if (pair[k] >= 0 && sameHeader) {
      rewritten.push(expectedLines[i]);
      continue;
    }
    const e = expected[k];
    const cells = e.cells.map((c, j) => (project[j] < 0 ? '' : cellMatches(cache, c, actual[r].cells[j]) ? c : actual[r].cells[j]));
    rewritten.push(layout(cells, columns));
  }
  if (!open) for (const r of extra) rewritten.push(actualLines[actual[r].index]);
  return { ok, rewritten };
}
