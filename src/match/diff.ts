// Rendering a failed comparison: the reasons first, then a line diff of the expected text against
// the actual output with every matched volatile value written as expected, so only real differences
// stand out. Outputs are large; the diff is bounded in work and in length.
import { alignLines } from './align-lines.js';
import { collapseBlanks } from './normalize.js';
import type { Comparison, Difference } from './types.js';

const CONTEXT = 3;
const MAX_DIFF_LINES = 200;
const EXCERPT_LINES = 40;

// One line of a rendered diff: kept, removed (expected only) or added (actual only).
interface DiffLine {
  sign: ' ' | '-' | '+';
  text: string;
  /** 1-based line numbers on each side. */
  e: number;
  a: number;
}

// Aligns the expected lines with the rewritten actual lines, blanks runs being equivalent.
function align(expected: string[], actual: string[]): DiffLine[] {
  const changes = alignLines(expected.map(collapseBlanks), actual.map(collapseBlanks));
  const lines: DiffLine[] = [];
  let e = 0;
  let a = 0;
  if (!changes) {
    // Too different to align within budget: show both sides from the first difference on.
    let first = 0;
    while (first < expected.length && first < actual.length && collapseBlanks(expected[first]) === collapseBlanks(actual[first])) first++;
    for (let k = 0; k < first; k++) lines.push({ sign: ' ', text: actual[k], e: k + 1, a: k + 1 });
    for (let k = first; k < expected.length; k++) lines.push({ sign: '-', text: expected[k], e: k + 1, a: first });
    for (let k = first; k < actual.length; k++) lines.push({ sign: '+', text: actual[k], e: expected.length, a: k + 1 });
    return lines;
  }
  for (const change of changes) {
    for (let k = 0; k < change.count; k++) {
      if (change.removed) lines.push({ sign: '-', text: expected[e++], e, a });
      else if (change.added) lines.push({ sign: '+', text: actual[a++], e, a });
      else {
        e++;
        a++;
        lines.push({ sign: ' ', text: actual[a - 1], e, a });
      }
    }
  }
  return lines;
}

// Renders aligned lines as unified-diff hunks with a few lines of context, up to a length limit.
function hunks(lines: DiffLine[]): string[] {
  // A line is shown when a change is at most CONTEXT lines before or after it.
  const keep: boolean[] = new Array(lines.length).fill(false);
  let previous = -Infinity;
  for (let k = 0; k < lines.length; k++) {
    if (lines[k].sign !== ' ') previous = k;
    keep[k] = k - previous <= CONTEXT;
  }
  let next = Infinity;
  for (let k = lines.length - 1; k >= 0; k--) {
    if (lines[k].sign !== ' ') next = k;
    keep[k] = keep[k] || next - k <= CONTEXT;
  }
  const out: string[] = [];
  let k = 0;
  let printed = 0;
  while (k < lines.length) {
    if (!keep[k]) {
      k++;
      continue;
    }
    let end = k;
    while (end < lines.length && keep[end]) end++;
    const slice = lines.slice(k, end);
    const eStart = slice.find((l) => l.sign !== '+')?.e ?? slice[0].e;
    const aStart = slice.find((l) => l.sign !== '-')?.a ?? slice[0].a;
    const eCount = slice.filter((l) => l.sign !== '+').length;
    const aCount = slice.filter((l) => l.sign !== '-').length;
    out.push(`@@ -${eStart},${eCount} +${aStart},${aCount} @@`);
    for (const l of slice) {
      if (printed >= MAX_DIFF_LINES) {
        const rest = lines.length - lines.indexOf(l);
        out.push(`... diff cut after ${MAX_DIFF_LINES} lines (${rest} more)`);
        return out;
      }
      out.push(`${l.sign}${l.text}`);
      printed++;
    }
    k = end;
  }
  return out;
}

// Lists the reasons, one per line.
function reasons(differences: Difference[], structure: string): string[] {
  const n = differences.filter((d) => d.more === undefined).length;
  const head = `${n} difference${n === 1 ? '' : 's'} (${structure}):`;
  return [head, ...differences.map((d) => `  ${d.reason}`)];
}

// Shows the output itself around a line, numbered, for modes that look for text rather than compare lines.
function excerpt(actual: string[], focus: number): string[] {
  if (actual.length === 0) return ['--- output', '(empty)'];
  const from = Math.max(0, Math.min(focus - Math.floor(EXCERPT_LINES / 2), actual.length - EXCERPT_LINES));
  const to = Math.min(actual.length, from + EXCERPT_LINES);
  const width = String(to).length;
  const out = [`--- output (lines ${from + 1}-${to} of ${actual.length})`];
  for (let k = from; k < to; k++) out.push(`${String(k + 1).padStart(width)}${k === focus ? '>' : '|'} ${actual[k]}`);
  return out;
}

// Renders a comparison: nothing when it matched, else the reasons and the diff (or the output).
export function renderDiff(c: Comparison): string {
  if (c.ok) return '';
  const out = reasons(c.differences, c.structure);
  if (c.render === 'output') {
    out.push(...excerpt(c.actual ?? [], c.focus ?? 0));
    return `${out.join('\n')}\n`;
  }
  const lines = align(c.expected, c.rewritten);
  if (lines.some((l) => l.sign !== ' ')) {
    out.push('--- expected', '+++ actual (values that match written as expected)', ...hunks(lines));
  }
  return `${out.join('\n')}\n`;
}
