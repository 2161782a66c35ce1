// What differs between two lines that do not match, value by value, and the actual line rewritten for
// the diff. Lines are cut into values: blank-separated tokens, except that a timestamp spanning blanks
// (`Thu Jun 15 02:25:42 UTC 2017`) and the value of a volatile header are one value each. Values pair
// by position when both lines have as many, else by an alignment; each pair that differs is reported,
// and the `+` line writes a value as expected only where that very value matched it, so it never shows
// a value in a place it was not, nor a value made of expected and actual parts.
import { diffArrays } from 'diff';
import { isElapsed, type DurationContext } from './kinds/age.js';
import { describeKind } from './kinds/describe.js';
import { describeHeaderShape, fitsHeaderShape, headerShape, readHeaderValue, volatileHeaderValue } from './kinds/header.js';
import { readAny } from './kinds.js';
import { matchLine, PatternCache, type CompileOptions } from './line.js';
import { quote, tokens, type Token } from './text.js';

/** One value of a line: its text, where it starts, and whether it is a volatile header's value. */
interface Value extends Token {
  header: boolean;
}

/** One difference within a line: the 1-based column of the actual line, and the two values. */
export interface ValueDifference {
  column: number;
  expected?: string;
  actual?: string;
  /** The kind the expected value is masked as (`a hexadecimal id`), when it is one volatile value. */
  kind?: string;
}

// Cuts a line into values: tokens, joined where a timestamp spans blanks; a volatile header's value is one value.
function values(line: string, strict: boolean): Value[] {
  const header = volatileHeaderValue(line);
  const head = header >= 0 ? line.slice(0, header) : line;
  const out: Value[] = [];
  const list = tokens(head);
  for (let k = 0; k < list.length; k++) {
    const t = list[k];
    let end = t.start + t.text.length;
    // A stamp may open after a bracket or a quote: `[07/Mar/2018:19:26:44 +0000]`.
    const at = '[("'.includes(head[t.start]) ? t.start + 1 : t.start;
    const r = readAny(head, at, strict);
    if (r && r.kind === 'timestamp' && r.end > end) end = r.end;
    while (k + 1 < list.length && list[k + 1].start < end) k++;
    out.push({ text: head.slice(t.start, end), start: t.start, header: false });
  }
  if (header >= 0) {
    // The value ends where a header value ends (before a closing quote); what follows is one more value.
    const end = readHeaderValue(line, header)?.end ?? line.length;
    out.push({ text: line.slice(header, end), start: header, header: true });
    if (line.slice(end).trim() !== '') out.push({ text: line.slice(end).trimEnd(), start: end, header: false });
  }
  return out;
}

/** Compares values of one expected line with values of an actual line, keeping the line's context. */
class ValueRules {
  private readonly cache: PatternCache;
  constructor(
    private readonly line: string,
    private readonly durations: DurationContext,
    options: CompileOptions,
  ) {
    this.cache = new PatternCache(options);
  }

  // Whether an expected value matches an actual one: equal, any value of its shape for a volatile header, else the
  // line rules on the value alone, with the duration rule of the value's place in the whole line.
  matches(e: Value, a: Value): boolean {
    if (e.text === a.text) return true;
    if (e.header) return a.header && fitsHeaderShape(headerShape(e.text), a.text);
    const elapsed = isElapsed(this.line, e.start, e.start + e.text.length, this.durations);
    return matchLine(this.cache.get(e.text, elapsed ? 'volatile' : 'cell'), a.text).ok;
  }

  // The kind an expected value is masked as, when the whole value is one volatile value, to name it in reasons.
  kindOf(e: Value): string | undefined {
    if (e.header) return describeHeaderShape(headerShape(e.text));
    const elapsed = isElapsed(this.line, e.start, e.start + e.text.length, this.durations);
    const masked = this.cache.get(e.text, elapsed ? 'volatile' : 'cell').groups.flat().filter((el) => el.t === 'vol');
    return masked.length === 1 && masked[0].t === 'vol' ? describeKind(masked[0].kind, masked[0].form) : undefined;
  }
}

/** The values that differ between two lines and the actual line rewritten for the diff. */
export interface LineDiff {
  differences: ValueDifference[];
  rewritten: string;
}

// Lines with more values than this are not cut up: the diff shows them whole.
const MAX_VALUES = 400;

/**
 * Compares two lines value by value: every value that differs, and the actual line with the values that
 * matched written as expected (the actual blanks kept).
 */
export function diffLine(expected: string, actual: string, options: CompileOptions = {}): LineDiff {
  const exp = values(expected, true);
  const act = values(actual, false);
  if (exp.length === 0 || act.length === 0 || exp.length > MAX_VALUES || act.length > MAX_VALUES) {
    return { differences: [{ column: 1, expected, actual }], rewritten: actual };
  }
  const rules = new ValueRules(expected, options.durations ?? 'line', options);
  const replacement = new Map<number, string>();
  const differences: ValueDifference[] = [];
  const lineEnd = actual.length + 1;
  if (exp.length === act.length) {
    // As many values on both sides: each value keeps its place.
    exp.forEach((e, k) => {
      if (rules.matches(e, act[k])) replacement.set(k, e.text);
      else differences.push({ column: act[k].start + 1, expected: e.text, actual: act[k].text, kind: rules.kindOf(e) });
    });
  } else {
    const changes = diffArrays(exp, act, { comparator: (e: Value, a: Value) => rules.matches(e, a), maxEditLength: 200 });
    if (!changes) return { differences: [{ column: 1, expected, actual }], rewritten: actual };
    let ei = 0;
    let ai = 0;
    for (let c = 0; c < changes.length; c++) {
      const change = changes[c];
      if (change.removed && changes[c + 1]?.added) {
        // A run of values replaced by another: pair them in order, the rest missing or unexpected.
        const added = changes[c + 1];
        for (let k = 0; k < Math.max(change.count, added.count); k++) {
          const e = k < change.count ? exp[ei + k] : undefined;
          const a = k < added.count ? act[ai + k] : undefined;
          const kind = e && a ? rules.kindOf(e) : undefined;
          differences.push({ column: a ? a.start + 1 : ai + added.count < act.length ? act[ai + added.count].start + 1 : lineEnd, expected: e?.text, actual: a?.text, kind });
        }
        ei += change.count;
        ai += added.count;
        c++;
      } else if (change.removed) {
        for (let k = 0; k < change.count; k++) differences.push({ column: ai < act.length ? act[ai].start + 1 : lineEnd, expected: exp[ei + k].text });
        ei += change.count;
      } else if (change.added) {
        for (let k = 0; k < change.count; k++) differences.push({ column: act[ai + k].start + 1, actual: act[ai + k].text });
        ai += change.count;
      } else {
        for (let k = 0; k < change.count; k++) replacement.set(ai + k, exp[ei + k].text);
        ei += change.count;
        ai += change.count;
      }
    }
  }
  let rewritten = '';
  let last = 0;
  act.forEach((t, k) => {
    rewritten += actual.slice(last, t.start) + (replacement.get(k) ?? t.text);
    last = t.start + t.text.length;
  });
  return { differences, rewritten: rewritten + actual.slice(last) };
}

// Says what one value difference is, for a reason.
function describeDifference(d: ValueDifference): string {
  if (d.expected !== undefined && d.actual !== undefined) {
    const kind = d.kind ? `${d.kind} like ` : '';
    return `at column ${d.column}: expected ${kind}${quote(d.expected, 60)}, got ${quote(d.actual, 60)}`;
  }
  if (d.expected !== undefined) return `at column ${d.column}: missing ${quote(d.expected, 60)}`;
  return `at column ${d.column}: unexpected ${quote(d.actual ?? '', 60)}`;
}

/** Every difference of a line in one sentence: `at column 17: expected "200", got "503"; at column 40: ...`. */
export function describeDifferences(differences: ValueDifference[]): string {
  return differences.map(describeDifference).join('; ');
}

/** The actual line with the values that match written as expected, for the diff. */
export function rewriteLine(expected: string, actual: string, options: CompileOptions = {}): string {
  return diffLine(expected, actual, options).rewritten;
}
