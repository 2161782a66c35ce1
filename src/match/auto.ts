// The `auto` mode: the structure is chosen from the expected text. JSON when both sides parse,
// tables when the first line is a header (blocks separated by blank lines compared in order),
// otherwise lines in order with `...` lines.
import { compareJson, jsonLines, parseJson } from './json.js';
import { PatternCache } from './line.js';
import { compareLines } from './lines.js';
import { collapseBlanks, isEllipsisLine, normalizeLines } from './normalize.js';
import { compareTable, headerColumns } from './table.js';
import { quote } from './text.js';
import { Differences, type Comparison } from './types.js';

/** A run of non-empty lines, with the index of its first line. */
interface Block {
  start: number;
  lines: string[];
  kind: 'gap' | 'table' | 'text';
}

// Cuts lines into blocks at blank lines, naming what each block is.
function blocks(lines: string[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const start = i;
    while (i < lines.length && lines[i] !== '') i++;
    const part = lines.slice(start, i);
    const kind = part.every(isEllipsisLine) ? 'gap' : headerColumns(part[0]) ? 'table' : 'text';
    out.push({ start, lines: part, kind });
  }
  return out;
}

// Compares one expected block with one actual block, as a table or as lines.
function compareBlock(e: Block, a: Block, out: Differences, cache: PatternCache): { ok: boolean; rewritten: string[] } {
  if (e.kind === 'table') {
    const table = compareTable(e.lines, a.lines, { out, cache, lineOffset: e.start, actualOffset: a.start });
    return table ?? { ok: false, rewritten: a.lines };
  }
  return compareLines(e.lines, a.lines, { out, cache, lineOffset: e.start, actualOffset: a.start });
}

// How many actual blocks a `...` block may skip while looking for the next expected block.
const BLOCK_SEARCH = 64;

// Compares texts made of tables (and other blocks) separated by blank lines, block by block in order.
function compareBlocks(expected: string[], actual: string[], out: Differences, cache: PatternCache): Comparison {
  const eb = blocks(expected);
  const ab = blocks(actual);
  const rewritten: string[] = [];
  const shown: string[] = [];
  const push = (target: string[], lines: string[]) => {
    if (target.length > 0) target.push('');
    target.push(...lines);
  };
  let ok = true;
  let pos = 0;
  let skipping = false;
  for (const e of eb) {
    push(shown, e.lines);
    if (e.kind === 'gap') {
      skipping = true;
      push(rewritten, e.lines);
      continue;
    }
    if (skipping) {
      for (let j = pos; j < ab.length && j < pos + BLOCK_SEARCH; j++) {
        if (compareBlock(e, ab[j], new Differences(), cache).ok) {
          pos = j;
          break;
        }
      }
    }
    skipping = false;
    if (pos >= ab.length) {
      ok = false;
      const what = e.kind === 'table' ? 'table' : 'text';
      out.add({ line: e.start + 1, expected: e.lines[0], reason: `line ${e.start + 1}: the output ends before the ${what} starting ${quote(collapseBlanks(e.lines[0]))}` });
      continue;
    }
    const result = compareBlock(e, ab[pos], out, cache);
    ok = ok && result.ok;
    push(rewritten, result.rewritten);
    pos++;
  }
  if (!skipping && pos < ab.length) {
    ok = false;
    for (; pos < ab.length; pos++) {
      out.add({ line: expected.length, actual: ab[pos].lines[0], reason: `output line ${ab[pos].start + 1}: unexpected text after the last expected block: ${quote(ab[pos].lines[0])}` });
      push(rewritten, ab[pos].lines);
    }
  }
  return { ok, differences: out.done(), expected: shown, rewritten, structure: 'table' };
}

// Compares with the rules of `auto`.
export function compareAuto(expectedText: string, actualText: string): Comparison {
  const expected = normalizeLines(expectedText);
  const actual = normalizeLines(actualText);
  const out = new Differences();
  const cache = new PatternCache();
  const first = expected.find((l) => l.trim() !== '')?.trim() ?? '';
  if (first.startsWith('{') || first.startsWith('[')) {
    const e = parseJson(expected.join('\n'));
    const a = e.ok ? parseJson(actual.join('\n')) : e;
    if (e.ok && a.ok) {
      const outcome = compareJson(e.value, a.value, { out, cache });
      return { ok: outcome.ok, differences: out.done(), expected: jsonLines(e.value), rewritten: jsonLines(outcome.rewritten), structure: 'json' };
    }
  }
  if (expected.length > 0 && headerColumns(expected[0])) return compareBlocks(expected, actual, out, cache);
  const outcome = compareLines(expected, actual, { out, cache });
  return { ok: outcome.ok, differences: out.done(), expected, rewritten: outcome.rewritten, structure: 'lines' };
}
