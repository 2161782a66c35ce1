// Rewriting a page's expected output from an actual output, changing only what the matcher found different:
// lines that matched, `...` lines, inline `...` and volatile values the matcher accepted keep what the page wrote.
import { alignLines } from './align-lines.js';
import { compareAuto } from './auto.js';
import { parseJson } from './json.js';
import { redrawJson } from './update-json.js';
import { match } from './index.js';
import { diffArrays } from 'diff';
import { matchLine, PatternCache } from './line.js';
import { rewriteLine } from './line-diff.js';
import { collapseBlanks, isEllipsisLine, normalizeLines } from './normalize.js';
import type { MatchMode } from './types.js';

/** The modes whose expected output is a picture of the output, so it can be redrawn from an actual one. */
export const UPDATABLE_MODES = ['auto', 'same'] as const satisfies readonly MatchMode[];
export type UpdatableMode = (typeof UPDATABLE_MODES)[number];

// Whether a step's verification mode is one the update can redraw.
function isUpdatable(mode: string): mode is UpdatableMode {
  return (UPDATABLE_MODES as readonly string[]).includes(mode);
}

/** One line of the new expected output: the page's own line `kept` (by 0-based index), or new text. */
export type UpdatedLine = { kept: number; text: string } | { kept?: undefined; text: string };

/** The new expected output, or why there is none. */
export type ExpectedUpdate =
  | { ok: true; changed: boolean; lines: UpdatedLine[] }
  | { ok: false; reason: string };

/**
 * Redraws an expected output from the actual one. `written` are the expected lines as the page writes them (without
 * the block's indentation, before version substitutions), `expected` the text the matcher compared (after them).
 * Only lines the matcher found different change; the result is checked to match the actual output, or refused.
 */
export function updateExpected(written: string[], expected: string, actual: string, mode: string): ExpectedUpdate {
  if (!isUpdatable(mode)) return { ok: false, reason: `verified by '${mode}', not by a picture of the output` };
  if (match(expected, actual, mode).ok) return { ok: true, changed: false, lines: written.map((text, kept) => ({ kept, text })) };
  const compared = normalizeLines(expected);
  const lines = mode === 'same' ? keepMatchedLines(written, compared, normalizeLines(actual)) : redraw(written, expected, actual);
  const check = lines.map((l) => (l.kept !== undefined && l.kept < compared.length ? compared[l.kept] : l.text)).join('\n');
  if (!match(check, actual, mode).ok) return { ok: false, reason: 'the redrawn output would still not match (the output holds text the matcher reads as a pattern)' };
  return { ok: true, changed: true, lines };
}

// The new lines: tables through the matcher's own rewrite (rows paired in any order), other outputs line by line.
function redraw(written: string[], expected: string, actual: string): UpdatedLine[] {
  const compared = normalizeLines(expected);
  const comparison = compareAuto(expected, actual);
  if (comparison.structure === 'table') return keepMatchedLines(written, compared, comparison.rewritten);
  if (comparison.structure === 'json') {
    const json = redrawJsonLines(written, compared, actual);
    if (json) return json;
  }
  return redrawLines(written, compared, normalizeLines(actual)) ?? keepMatchedLines(written, compared, comparison.rewritten);
}

// JSON redrawn by key path in the page's own text (the compared text when the page's does not read as JSON), its
// unchanged lines kept as the page has them.
function redrawJsonLines(written: string[], compared: string[], actualText: string): UpdatedLine[] | undefined {
  const actual = parseJson(normalizeLines(actualText).join('\n'));
  if (!actual.ok) return undefined;
  const own = written.length === compared.length ? redrawJson(written.join('\n'), actual.value) : undefined;
  const text = own ?? redrawJson(compared.join('\n'), actual.value);
  if (text === undefined) return undefined;
  return keepMatchedLines(own !== undefined ? written : compared, compared, text.split('\n'));
}

// One step of a line alignment: an expected line kept (matched), dropped, an actual line added, or a failed pair.
type Op = { t: 'keep' | 'drop'; e: number } | { t: 'add'; a: number } | { t: 'pair'; e: number; a: number };

// Aligns expected lines with actual lines under the line rules (a `...` line stands for any lines), then writes the
// matched lines as the page has them, failed pairs with their accepted values as expected, and new lines as printed;
// actual lines next to a `...` line are what it stands for. Undefined when too different to align within budget.
function redrawLines(written: string[], compared: string[], actual: string[]): UpdatedLine[] | undefined {
  const cache = new PatternCache();
  const total = compared.length + actual.length;
  const changes = diffArrays(compared, actual, {
    comparator: (e: string, a: string) => matchLine(cache.get(e), a).ok,
    maxEditLength: Math.max(16, Math.min(2000, Math.floor(4_000_000 / Math.max(1, total)))),
  });
  if (!changes) return undefined;
  const ops: Op[] = [];
  let e = 0;
  let a = 0;
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    // Gaps never pair: they stay as they are, and the lines around them are what they stand for.
    const plain = removed.filter((i) => !isEllipsisLine(compared[i]));
    for (const i of removed) if (isEllipsisLine(compared[i])) ops.push({ t: 'keep', e: i });
    const n = Math.min(plain.length, added.length);
    for (let k = 0; k < n; k++) ops.push({ t: 'pair', e: plain[k], a: added[k] });
    for (let k = n; k < plain.length; k++) ops.push({ t: 'drop', e: plain[k] });
    for (let k = n; k < added.length; k++) ops.push({ t: 'add', a: added[k] });
    removed = [];
    added = [];
  };
  for (const change of changes) {
    if (change.removed) for (let k = 0; k < change.count; k++) removed.push(e++);
    else if (change.added) for (let k = 0; k < change.count; k++) added.push(a++);
    else {
      flush();
      for (let k = 0; k < change.count; k++, e++, a++) ops.push({ t: 'keep', e });
    }
  }
  flush();
  const gapAt = (op: Op | undefined) => op !== undefined && op.t === 'keep' && isEllipsisLine(compared[op.e]);
  const lines: UpdatedLine[] = [];
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k];
    if (op.t === 'keep') lines.push(op.e < written.length ? { kept: op.e, text: written[op.e] } : { text: compared[op.e] });
    else if (op.t === 'pair') lines.push({ text: rewriteLine(compared[op.e], actual[op.a]) });
    else if (op.t === 'add' && !nextToGap(ops, k, gapAt)) lines.push({ text: actual[op.a] });
  }
  return lines;
}

// Whether an added line is in a run of added or dropped lines that touches a `...` line.
function nextToGap(ops: Op[], k: number, gapAt: (op: Op | undefined) => boolean): boolean {
  const loose = (op: Op | undefined) => op !== undefined && (op.t === 'add' || op.t === 'drop');
  let before = k - 1;
  while (loose(ops[before])) before--;
  let after = k + 1;
  while (loose(ops[after])) after++;
  return gapAt(ops[before]) || gapAt(ops[after]);
}

// Pairs the redrawn lines with the compared expected lines; an unchanged line is the page's own line, byte for byte.
function keepMatchedLines(written: string[], compared: string[], redrawn: string[]): UpdatedLine[] {
  const changes = alignLines(compared.map(collapseBlanks), redrawn.map(collapseBlanks));
  if (!changes) return redrawn.map((text) => ({ text }));
  const lines: UpdatedLine[] = [];
  let e = 0;
  let r = 0;
  for (const change of changes) {
    if (change.removed) e += change.count;
    else if (change.added) for (let k = 0; k < change.count; k++) lines.push({ text: redrawn[r++] });
    else
      for (let k = 0; k < change.count; k++, e++, r++) {
        lines.push(e < written.length ? { kept: e, text: written[e] } : { text: redrawn[r] });
      }
  }
  return lines;
}
