// Comparing tables as `kubectl get` and `istioctl` print them, in six phases: the headers, the
// projection of the actual columns on the expected ones, the rows, their pairing (in any order), the
// diagnosis of what differs, and the actual table rewritten in the expected order for the diff.
import { AGE_COLUMNS, type DurationContext } from './kinds/age.js';
import { matchLine, type PatternCache } from './line.js';
import { maskKey } from './mask-key.js';
import { collapseBlanks, isEllipsisLine } from './normalize.js';
import { headerColumns, rowCells, splitColumns, type Column } from './table-columns.js';
import { closestPairs, pairRows, type ClosePair } from './table-pairing.js';
import { cellMatches, type ActualRow, type CellRules, type ExpectedRow } from './table-rows.js';
import { quote } from './text.js';
import type { Differences } from './types.js';

export { chunks, headerColumns, rowCells, splitColumns, type Column } from './table-columns.js';

/** What the table comparison needs from its caller. */
export interface TableContext {
  out: Differences;
  cache: PatternCache;
  /** Number of expected and actual lines before the table, for line numbers. */
  lineOffset: number;
  actualOffset: number;
}

/** The outcome of comparing a table: the actual table rewritten in the expected row order. */
export interface TableOutcome {
  ok: boolean;
  rewritten: string[];
}

/** Both headers, and for each expected column the actual column it reads (-1 when the output lacks it). */
interface Headers {
  columns: Column[];
  actualColumns: Column[];
  names: string[];
  same: boolean;
  project: number[];
  rules: CellRules;
}

// The 1-based line of the whole expected text that a table line stands on.
function lineNo(ctx: TableContext, i: number): number {
  return ctx.lineOffset + i + 1;
}

// Phases 1 and 2: reads both headers (columns split where the rows say so), reports a different header,
// and projects the actual columns on the expected ones by name.
function readHeaders(expectedLines: string[], actualLines: string[], ctx: TableContext): Headers | null {
  const header = headerColumns(expectedLines[0]);
  if (!header) return null;
  const actualHeader = actualLines.length > 0 ? headerColumns(actualLines[0]) : null;
  if (!actualHeader) {
    ctx.out.add({
      line: lineNo(ctx, 0),
      row: 0,
      expected: expectedLines[0],
      actual: actualLines[0] ?? '',
      reason: `line ${lineNo(ctx, 0)}: expected a table with the header ${quote(collapseBlanks(expectedLines[0]))}, got ${actualLines.length > 0 ? quote(actualLines[0]) : 'no output'}`,
    });
    return null;
  }
  const columns = splitColumns(header, expectedLines.slice(1));
  const actualColumns = splitColumns(actualHeader, actualLines.slice(1));
  const names = columns.map((c) => c.name);
  const actualNames = actualColumns.map((c) => c.name);
  const same = names.length === actualNames.length && names.every((n, j) => n === actualNames[j]);
  if (!same) {
    const missing = names.filter((n) => !actualNames.includes(n));
    const extra = actualNames.filter((n) => !names.includes(n));
    const parts = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `extra ${extra.join(', ')}` : ''].filter(Boolean);
    ctx.out.add({
      line: lineNo(ctx, 0),
      row: 0,
      expected: names.join(', '),
      actual: actualNames.join(', '),
      reason: `line ${lineNo(ctx, 0)}, header: expected columns ${names.join(', ')}, got ${actualNames.join(', ')}${parts.length ? ` (${parts.join('; ')})` : ''}`,
    });
  }
  const taken = new Set<number>();
  const project = names.map((n) => {
    const j = actualNames.findIndex((m, k) => m === n && !taken.has(k));
    if (j >= 0) taken.add(j);
    return j;
  });
  // Durations are elapsed times in age columns; elsewhere a bare duration is configuration.
  const durations = names.map((n): DurationContext => (AGE_COLUMNS.has(n) ? 'volatile' : 'cell'));
  return { columns, actualColumns, names, same, project, rules: { cache: ctx.cache, durations } };
}

// Phase 3: reads the expected rows (`...` rows aside) and the actual rows projected on the expected columns.
function readRows(expectedLines: string[], actualLines: string[], h: Headers): { expected: ExpectedRow[]; actual: ActualRow[] } {
  const expected: ExpectedRow[] = [];
  for (let i = 1; i < expectedLines.length; i++) {
    if (isEllipsisLine(expectedLines[i])) continue;
    const cells = rowCells(expectedLines[i], h.columns);
    // Columns the output lacks are reported once, in the header; their cells are not compared.
    for (let j = 0; j < h.names.length; j++) if (h.project[j] < 0) cells[j] = '...';
    const wild = cells.map((c) => h.rules.cache.get(c).wild);
    expected.push({ index: i, row: expected.length + 1, cells, wild, wildCount: wild.filter(Boolean).length });
  }
  const actual: ActualRow[] = [];
  for (let i = 1; i < actualLines.length; i++) {
    const own = rowCells(actualLines[i], h.actualColumns);
    const cells = h.project.map((j) => (j >= 0 ? own[j] : ''));
    actual.push({ index: i, cells, keys: cells.map(maskKey) });
  }
  return { expected, actual };
}

/** What the diagnosis found: closest pairs of rows that match no row, and the actual rows left over. */
interface Diagnosis {
  ok: boolean;
  partial: Map<number, ClosePair>;
  extra: number[];
}

// Reports that the row counts differ, once per table.
function reportCount(ctx: TableContext, expected: number, actual: number): void {
  ctx.out.add({ line: lineNo(ctx, 0), reason: `table at line ${lineNo(ctx, 0)}: expected ${expected} row${expected === 1 ? '' : 's'}, got ${actual}` });
}

// Reports every cell of an expected row that its closest actual row does not match.
function reportCells(ctx: TableContext, h: Headers, e: ExpectedRow, a: ActualRow, pairing: ClosePair, actualLine: number): void {
  const line = lineNo(ctx, e.index);
  const guess = pairing.unsure ? ` (paired with output line ${actualLine} as the most similar row; other rows are as similar)` : '';
  for (let j = 0; j < h.names.length; j++) {
    const cell = a.cells[j];
    if (cellMatches(h.rules, j, e.cells[j], cell)) continue;
    const pattern = h.rules.cache.get(e.cells[j], h.rules.durations[j]);
    const outcome = matchLine(pattern, cell);
    const detail = (pattern.volatile || pattern.wild) && outcome.detail ? ` (${outcome.detail})` : '';
    ctx.out.add({
      line,
      row: e.row,
      column: h.names[j],
      expected: e.cells[j],
      actual: cell,
      reason: `row ${e.row}, column ${h.names[j]}: expected ${quote(e.cells[j])}, got ${quote(cell)}${detail}${guess}`,
    });
  }
}

// Phase 5: names what differs: the row counts, the cells of rows paired with their most similar row,
// rows of the page found nowhere, and rows of the output the page does not have.
function diagnose(expectedLines: string[], actualLines: string[], ctx: TableContext, h: Headers, expected: ExpectedRow[], actual: ActualRow[], pair: number[]): Diagnosis {
  const open = expectedLines.slice(1).some(isEllipsisLine);
  const used = new Set(pair.filter((r) => r >= 0));
  const lonelyExpected = expected.map((_, k) => k).filter((k) => pair[k] < 0);
  const lonelyActual = actual.map((_, r) => r).filter((r) => !used.has(r));
  let ok = h.same;
  let partial = new Map<number, ClosePair>();
  if (lonelyExpected.length > 0) {
    ok = false;
    if (!open && expected.length !== actual.length) reportCount(ctx, expected.length, actual.length);
    partial = closestPairs(h.rules, expected, actual, lonelyExpected, lonelyActual);
    for (const k of lonelyExpected) {
      const e = expected[k];
      const close = partial.get(k);
      if (close === undefined) {
        const line = lineNo(ctx, e.index);
        ctx.out.add({ line, row: e.row, expected: expectedLines[e.index], reason: `row ${e.row} (line ${line}): no row of the output matches ${quote(collapseBlanks(expectedLines[e.index]))}` });
        continue;
      }
      reportCells(ctx, h, e, actual[close.row], close, ctx.actualOffset + actual[close.row].index + 1);
      used.add(close.row);
    }
  }
  const extra = lonelyActual.filter((r) => !used.has(r));
  if (!open && extra.length > 0) {
    ok = false;
    if (lonelyExpected.length === 0) reportCount(ctx, expected.length, actual.length);
    for (const r of extra) {
      const actualLine = ctx.actualOffset + actual[r].index + 1;
      ctx.out.add({ line: lineNo(ctx, expectedLines.length - 1), actual: actualLines[actual[r].index], reason: `output line ${actualLine}: unexpected row ${quote(collapseBlanks(actualLines[actual[r].index]))}` });
    }
  }
  return { ok, partial, extra: open ? [] : extra };
}

// Lays cells out where the expected row has its cells (else at the header's column starts), so a rewritten row
// lines up with the expected one and the diff shows only the cells that differ.
function layout(cells: string[], columns: Column[], expectedLine: string, expectedCells: string[]): string {
  const starts = cellStarts(expectedLine, expectedCells);
  let line = '';
  cells.forEach((cell, j) => {
    const start = starts?.[j] ?? columns[j].start;
    if (j > 0) line += line.length + 2 <= start ? ' '.repeat(start - line.length) : '   ';
    line += cell;
  });
  return line.trimEnd();
}

// Where each cell of an expected row starts in its line, or undefined when a cell cannot be found in order.
function cellStarts(line: string, cells: string[]): number[] | undefined {
  const starts: number[] = [];
  let from = 0;
  for (const cell of cells) {
    const at = cell === '' ? from : line.indexOf(cell, from);
    if (at < 0) return undefined;
    starts.push(at);
    from = at + cell.length;
  }
  return starts;
}

// Phase 6: the actual table in the expected order, with matched rows and cells written as expected;
// a row that differs keeps every actual cell in its own column.
function rewrite(expectedLines: string[], actualLines: string[], h: Headers, expected: ExpectedRow[], actual: ActualRow[], pair: number[], d: Diagnosis): string[] {
  const rewritten: string[] = [h.same ? expectedLines[0] : actualLines[0]];
  const byIndex = new Map(expected.map((e, k) => [e.index, k]));
  for (let i = 1; i < expectedLines.length; i++) {
    const k = byIndex.get(i);
    if (k === undefined) {
      rewritten.push(expectedLines[i]);
      continue;
    }
    const r = pair[k] >= 0 ? pair[k] : d.partial.get(k)?.row;
    if (r === undefined) continue;
    if (pair[k] >= 0 && h.same) {
      rewritten.push(expectedLines[i]);
      continue;
    }
    const e = expected[k];
    const cells = e.cells.map((c, j) => (h.project[j] < 0 ? '' : cellMatches(h.rules, j, c, actual[r].cells[j]) ? c : actual[r].cells[j]));
    rewritten.push(layout(cells, h.columns, expectedLines[i], e.cells));
  }
  for (const r of d.extra) rewritten.push(actualLines[actual[r].index]);
  return rewritten;
}

/**
 * Compares a table: the header names, then the rows in any order. Row counts must be equal unless
 * the expected table has a `...` row. Each difference names the row, the column, the expected and
 * the actual cell. Returns null when the expected text is no table or the output has no header.
 */
export function compareTable(expectedLines: string[], actualLines: string[], ctx: TableContext): TableOutcome | null {
  const h = readHeaders(expectedLines, actualLines, ctx);
  if (!h) return null;
  const { expected, actual } = readRows(expectedLines, actualLines, h);
  const pair = pairRows(h.rules, expected, actual);
  const d = diagnose(expectedLines, actualLines, ctx, h, expected, actual, pair);
  return { ok: d.ok, rewritten: rewrite(expectedLines, actualLines, h, expected, actual, pair, d) };
}
