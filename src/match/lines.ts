// Comparing sequences of lines in order, where an expected line that is only `...` matches zero or
// more actual lines. The expected lines are cut at `...` lines into segments; the first segment is
// anchored at the start, the last at the end, and each one between is found leftmost after the
// previous one, which is exact for "zero or more lines" gaps and takes one pass over the output.
import { alignLines } from './align-lines.js';
import { alignWithGaps } from './gap-align.js';
import { maskKey } from './mask-key.js';
import { collapseBlanks, isEllipsisLine } from './normalize.js';
import { compileLine, matchLine, type PatternCache } from './line.js';
import { describeDifferences, diffLine } from './line-diff.js';
import { quote } from './text.js';
import type { Differences } from './types.js';

/** Where the compared lines sit in the whole texts, and where differences go. */
export interface LinesContext {
  out: Differences;
  cache: PatternCache;
  /** Number of expected lines before the compared ones (for line numbers in messages). */
  lineOffset?: number;
  /** Number of actual lines before the compared ones. */
  actualOffset?: number;
  /** Exact comparison instead of the line rules (the `same` mode). */
  exact?: boolean;
}

/** The outcome of comparing lines: the actual lines rewritten for the diff. */
export interface LinesOutcome {
  ok: boolean;
  rewritten: string[];
}

// Upper bound on line comparisons spent looking for the closest place of a missing segment.
const CLOSEST_BUDGET = 200_000;

// Whether one expected line matches one actual line.
function same(ctx: LinesContext, e: string, a: string): boolean {
  return ctx.exact ? e === a : matchLine(ctx.cache.get(e), a).ok;
}

// Records a pair of lines that do not match, naming every value that differs (or, in the `same` mode,
// the first differing column), and returns the actual line rewritten for the diff.
function reportPair(ctx: LinesContext, ei: number, ai: number, e: string, a: string): string {
  const line = (ctx.lineOffset ?? 0) + ei + 1;
  const actualLine = (ctx.actualOffset ?? 0) + ai + 1;
  let why: string | undefined;
  let rewritten = a;
  if (ctx.exact) {
    let k = 0;
    while (k < e.length && k < a.length && e[k] === a[k]) k++;
    why = `first difference at column ${k + 1}`;
  } else {
    const pattern = ctx.cache.get(e);
    const diff = pattern.wild ? undefined : diffLine(e, a);
    // Lines with inline `...` are explained by the line rules: their values do not pair one to one.
    why = diff && diff.differences.length > 0 ? describeDifferences(diff.differences) : matchLine(pattern, a).detail;
    if (diff) rewritten = diff.rewritten;
  }
  const where = actualLine === line ? '' : ` (output line ${actualLine})`;
  const detail = why ? `: ${why}` : '';
  ctx.out.add({ line, expected: e, actual: a, reason: `line ${line}${where}: expected ${quote(e)}, got ${quote(a)}${detail}` });
  return rewritten;
}

// Records an expected line that has no counterpart in the output.
function reportMissing(ctx: LinesContext, ei: number, e: string): void {
  const line = (ctx.lineOffset ?? 0) + ei + 1;
  ctx.out.add({ line, expected: e, reason: `line ${line}: missing from the output: ${quote(e)}` });
}

// Records an actual line that the expected text does not have; `atEnd` when it comes after every expected line.
function reportExtra(ctx: LinesContext, beforeExpected: number, ai: number, a: string, atEnd = false): void {
  const line = (ctx.lineOffset ?? 0) + beforeExpected + 1;
  const actualLine = (ctx.actualOffset ?? 0) + ai + 1;
  const reason = atEnd ? `output line ${actualLine}: unexpected line at the end: ${quote(a)}` : `output line ${actualLine} is not expected: ${quote(a)}`;
  ctx.out.add({ line, actual: a, reason });
}

// The first blank-separated word of a line with its values masked, to tell lines that look alike.
function firstWord(line: string): string {
  return maskKey(line.trim().split(/[ \t]/, 1)[0]);
}

// Explains a failure of lines with `...` lines from the alignment with the fewest differences, reporting
// only the lines it leaves unmatched; undefined when the inputs are too large to align.
function explainWithGaps(ctx: LinesContext, expected: string[], actual: string[], gap: boolean[]): LinesOutcome | undefined {
  const steps = alignWithGaps(
    gap,
    actual.length,
    (i, j) => expected[i] === actual[j] || same(ctx, expected[i], actual[j]),
    (i, j) => firstWord(expected[i]) === firstWord(actual[j]),
  );
  if (!steps) return undefined;
  const rewritten: string[] = [];
  let ok = true;
  // Extra lines from here on are at the end of the output, after every expected line.
  let tail = steps.length;
  while (tail > 0 && steps[tail - 1].op === 'extra') tail--;
  // The expected lines consumed so far, to place an extra line.
  let consumed = 0;
  steps.forEach((s, k) => {
    if (s.op !== 'extra') consumed = s.e + 1;
    if (s.op === 'gap') rewritten.push(expected[s.e]);
    else if (s.op === 'match') rewritten.push(expected[s.e]);
    else if (s.op === 'pair') {
      ok = false;
      rewritten.push(reportPair(ctx, s.e, s.a, expected[s.e], actual[s.a]));
    } else if (s.op === 'missing') {
      ok = false;
      reportMissing(ctx, s.e, expected[s.e]);
    } else {
      ok = false;
      reportExtra(ctx, consumed, s.a, actual[s.a], k >= tail);
      rewritten.push(actual[s.a]);
    }
  });
  return { ok, rewritten };
}

// Records a pair of lines that do not match and returns the actual line rewritten for the diff.
function mismatch(ctx: LinesContext, ei: number, ai: number, e: string, a: string): string {
  return reportPair(ctx, ei, ai, e, a);
}

// Compares a pair of lines and adds the actual one to the diff: as expected when they match.
function pairUp(ctx: LinesContext, ei: number, ai: number, e: string, a: string, rewritten: string[]): void {
  rewritten.push(same(ctx, e, a) ? e : mismatch(ctx, ei, ai, e, a));
}

// Compares lines without `...` lines: one to one, or aligned when the counts differ.
export function compareInOrder(expected: string[], actual: string[], ctx: LinesContext): LinesOutcome {
  if (expected.length === actual.length) {
    let ok = true;
    const rewritten: string[] = new Array(actual.length);
    for (let i = 0; i < expected.length; i++) {
      // Each line is compared once here: long lines are compiled without filling the cache.
      const e = expected[i];
      const matched = ctx.exact || e.length < 40 ? same(ctx, e, actual[i]) : e === actual[i] || matchLine(compileLine(e), actual[i]).ok;
      if (matched) rewritten[i] = e;
      else {
        ok = false;
        rewritten[i] = mismatch(ctx, i, i, e, actual[i]);
      }
    }
    return { ok, rewritten };
  }
  // The counts differ, so this is a failure: lines are aligned on their masked keys (cheap to compare),
  // and the pairs the alignment makes are then checked with the real rules.
  const key = ctx.exact ? (line: string) => line : maskKey;
  const changes = alignLines(expected.map(key), actual.map(key));
  const rewritten: string[] = [];
  if (!changes) {
    // Too different to align cheaply: compare by position, then list what is missing or extra.
    const common = Math.min(expected.length, actual.length);
    for (let i = 0; i < common; i++) pairUp(ctx, i, i, expected[i], actual[i], rewritten);
    for (let i = common; i < expected.length; i++) reportMissing(ctx, i, expected[i]);
    for (let i = common; i < actual.length; i++) {
      reportExtra(ctx, expected.length, i, actual[i], true);
      rewritten.push(actual[i]);
    }
    return { ok: false, rewritten };
  }
  let ei = 0;
  let ai = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    const pairs = Math.min(removed.length, added.length);
    for (let k = 0; k < pairs; k++) pairUp(ctx, removed[k], added[k], expected[removed[k]], actual[added[k]], rewritten);
    for (let k = pairs; k < removed.length; k++) reportMissing(ctx, removed[k], expected[removed[k]]);
    // Lines added after the last expected line, up to the end of the output, are at the end.
    const atEnd = ei === expected.length && ai === actual.length;
    for (let k = pairs; k < added.length; k++) {
      reportExtra(ctx, removed.length > 0 ? removed[removed.length - 1] + 1 : ei, added[k], actual[added[k]], atEnd);
      rewritten.push(actual[added[k]]);
    }
    removed = [];
    added = [];
  };
  for (const change of changes) {
    if (change.removed) {
      for (let k = 0; k < change.count; k++) removed.push(ei++);
    } else if (change.added) {
      for (let k = 0; k < change.count; k++) added.push(ai++);
    } else {
      flush();
      for (let k = 0; k < change.count; k++, ei++, ai++) pairUp(ctx, ei, ai, expected[ei], actual[ai], rewritten);
    }
  }
  flush();
  return { ok: false, rewritten };
}

/** A run of expected lines between `...` lines. */
interface Segment {
  start: number;
  end: number;
}

// Whether the segment matches the actual lines starting at q.
function segmentAt(ctx: LinesContext, expected: string[], seg: Segment, actual: string[], q: number): boolean {
  if (q < 0 || q + (seg.end - seg.start) > actual.length) return false;
  for (let i = seg.start; i < seg.end; i++) {
    if (!same(ctx, expected[i], actual[q + i - seg.start])) return false;
  }
  return true;
}

/** Where each distinct actual line (blanks collapsed) stands, built once for long segments. */
export class LineIndex {
  private positions?: Map<string, number[]>;
  constructor(private readonly actual: string[]) {}

  // The ascending positions of the actual lines equal to a text up to runs of blanks.
  at(text: string): number[] {
    if (!this.positions) {
      this.positions = new Map();
      this.actual.forEach((line, k) => {
        const key = collapseBlanks(line);
        const list = this.positions!.get(key);
        if (list) list.push(k);
        else this.positions!.set(key, [k]);
      });
    }
    return this.positions.get(collapseBlanks(text)) ?? [];
  }
}

// Segments up to this length are searched by trying every place; longer ones through their rarest plain line.
const SHORT_SEGMENT = 8;

// Finds the leftmost place at or after pos where the segment matches, or -1.
// A plain expected line (no volatile value, no `...`) matches exactly the actual lines equal to it up
// to blanks, so a long segment is only tried where its rarest plain line stands: pathological inputs
// (thousands of repeated lines) stay linear, and the answer is the same as trying every place.
function findSegment(ctx: LinesContext, expected: string[], seg: Segment, actual: string[], pos: number, index: LineIndex): number {
  const len = seg.end - seg.start;
  const last = actual.length - len;
  const plain: number[] = [];
  if (len > SHORT_SEGMENT) {
    for (let i = seg.start; i < seg.end; i++) {
      const pattern = ctx.cache.get(expected[i]);
      if (ctx.exact || (!pattern.wild && !pattern.volatile)) plain.push(i);
    }
  }
  if (plain.length === 0) {
    for (let q = pos; q <= last; q++) {
      if (!same(ctx, expected[seg.start], actual[q])) continue;
      if (segmentAt(ctx, expected, seg, actual, q)) return q;
    }
    return -1;
  }
  const ranked = plain.map((i) => ({ i, at: index.at(expected[i]) })).sort((x, y) => x.at.length - y.at.length);
  const anchor = ranked[0];
  // The anchor first, then the lines with volatile values or `...`, then the other plain lines, rarest first.
  const isPlain = new Set(plain);
  const others = Array.from({ length: len }, (_, k) => seg.start + k).filter((i) => !isPlain.has(i));
  const order = [anchor.i, ...others, ...ranked.slice(1).map((r) => r.i)];
  for (const at of anchor.at) {
    const q = at - (anchor.i - seg.start);
    if (q < pos || q > last) continue;
    if (order.every((i) => same(ctx, expected[i], actual[q + i - seg.start]))) return q;
  }
  return -1;
}

// Finds where a segment comes closest to matching (the longest matching prefix), within a budget.
function closest(ctx: LinesContext, expected: string[], seg: Segment, actual: string[], pos: number): { q: number; prefix: number } {
  let best = { q: -1, prefix: 0 };
  let spent = 0;
  const len = seg.end - seg.start;
  for (let q = pos; q < actual.length && spent < CLOSEST_BUDGET; q++) {
    let k = 0;
    while (k < len && q + k < actual.length && same(ctx, expected[seg.start + k], actual[q + k])) k++;
    spent += k + 1;
    if (k > best.prefix) best = { q, prefix: k };
    if (k === len) break;
  }
  return best;
}

// Compares the lines of a segment with the actual lines at q, reporting and rewriting each one.
function compareWindow(ctx: LinesContext, expected: string[], seg: Segment, actual: string[], q: number, rewritten: string[]): void {
  for (let i = seg.start; i < seg.end; i++) {
    const ai = q + i - seg.start;
    if (ai >= actual.length) reportMissing(ctx, i, expected[i]);
    else pairUp(ctx, i, ai, expected[i], actual[ai], rewritten);
  }
}

// Compares lines in order, where a line that is only `...` matches zero or more lines.
export function compareLines(expected: string[], actual: string[], ctx: LinesContext): LinesOutcome {
  const gap = expected.map(isEllipsisLine);
  if (!gap.includes(true)) return compareInOrder(expected, actual, ctx);
  const segments: Segment[] = [];
  for (let i = 0; i < expected.length; i++) {
    if (gap[i]) continue;
    const start = i;
    while (i < expected.length && !gap[i]) i++;
    segments.push({ start, end: i });
  }
  const lineNo = (i: number) => (ctx.lineOffset ?? 0) + i + 1;
  const actualNo = (i: number) => (ctx.actualOffset ?? 0) + i;
  const rewritten: string[] = [];
  const index = new LineIndex(actual);
  let pos = 0;
  let e = 0;
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k];
    const len = seg.end - seg.start;
    const gapBefore = seg.start > 0;
    const anchoredEnd = k === segments.length - 1 && seg.end === expected.length;
    for (; e < seg.start; e++) rewritten.push(expected[e]);
    let q: number;
    if (!gapBefore) q = segmentAt(ctx, expected, seg, actual, 0) ? 0 : -1;
    else if (anchoredEnd) q = actual.length - len >= pos && segmentAt(ctx, expected, seg, actual, actual.length - len) ? actual.length - len : -1;
    else q = findSegment(ctx, expected, seg, actual, pos, index);
    if (q < 0) {
      const explained = explainWithGaps(ctx, expected, actual, gap);
      if (explained) return explained;
      // Too large to align: explain the failure at the closest place, then leave the rest of the output as it is.
      let window: number;
      if (!gapBefore) window = 0;
      else if (anchoredEnd && actual.length - len >= pos) window = actual.length - len;
      else {
        const near = closest(ctx, expected, seg, actual, pos);
        window = near.prefix > 0 ? near.q : -1;
        const where = pos === 0 ? 'anywhere in the output' : `in the output after output line ${actualNo(pos)}`;
        const what = len === 1 ? `line ${lineNo(seg.start)} (${quote(expected[seg.start])}) is` : `lines ${lineNo(seg.start)}-${lineNo(seg.end - 1)} are`;
        const beforeEnd = anchoredEnd ? ', before the end of the output' : '';
        ctx.out.add({ line: lineNo(seg.start), expected: expected[seg.start], reason: `${what} not found ${where}${beforeEnd}` });
      }
      if (anchoredEnd && gapBefore && actual.length - len < pos) {
        ctx.out.add({
          line: lineNo(seg.start),
          reason: `the last ${len} expected line${len === 1 ? '' : 's'} need ${len} output line${len === 1 ? '' : 's'}, only ${actual.length - pos} left`,
        });
      }
      if (window >= 0) {
        compareWindow(ctx, expected, seg, actual, window, rewritten);
        for (let i = window + len; i < actual.length; i++) rewritten.push(actual[i]);
      } else {
        for (let i = pos; i < actual.length; i++) rewritten.push(actual[i]);
      }
      return { ok: false, rewritten };
    }
    for (let i = seg.start; i < seg.end; i++) rewritten.push(expected[i]);
    e = seg.end;
    pos = q + len;
  }
  for (; e < expected.length; e++) rewritten.push(expected[e]);
  const trailingGap = gap[expected.length - 1];
  if (!trailingGap && pos < actual.length) {
    const explained = explainWithGaps(ctx, expected, actual, gap);
    if (explained) return explained;
    for (let i = pos; i < actual.length; i++) {
      reportExtra(ctx, expected.length, i, actual[i], true);
      rewritten.push(actual[i]);
    }
    return { ok: false, rewritten };
  }
  return { ok: true, rewritten };
}
