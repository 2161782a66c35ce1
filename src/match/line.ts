// Comparing one expected line with one actual line: literal text, runs of blanks, volatile values
// and inline `...`. Matching is done by hand: each `...`-free group matches deterministically from a
// start position, and groups between `...` are found leftmost with the earliest end, which is what a
// glob needs; no regular expression is built from user text.
import { collapseBlanks } from './normalize.js';
import { formFits, readAny, readKind, type Kind } from './kinds.js';
import { isElapsed, type DurationContext } from './kinds/age.js';
import { describeKind } from './kinds/describe.js';
import { headerShape, readHeaderValue, volatileHeaderValue } from './kinds/header.js';
import { quote, tokenAt } from './text.js';

/** One piece of a compiled expected line. */
export type Element =
  | { t: 'lit'; text: string }
  | { t: 'ws'; min: number }
  | { t: 'vol'; kind: Kind; form: string; text: string }
  | { t: 'any' };

/** An expected line ready to be matched many times: groups of elements separated by inline `...`. */
export interface LinePattern {
  source: string;
  /** Groups separated by `...`; a line without `...` has one group. */
  groups: Element[][];
  /** Whether the line holds at least one inline `...`. */
  wild: boolean;
  /** Whether the line holds any volatile value. */
  volatile: boolean;
}

export interface CompileOptions {
  /** Whether `...` inside the line matches any run of characters (default true). */
  ellipsis?: boolean;
  /** Whether volatile values are recognized (default true). */
  volatile?: boolean;
  /** Where the line stands, to tell elapsed times from configured durations (default `line`). */
  durations?: DurationContext;
}

/** The outcome of comparing one line: where and why it failed. */
export interface LineOutcome {
  ok: boolean;
  /** 1-based column of the actual line where the comparison failed. */
  column?: number;
  /** Why, e.g. `at column 17: expected an IPv4 address like "10.0.0.1", got "foo"`. */
  detail?: string;
}

// Compiles an expected line once, deciding on the expected side which values are volatile.
export function compileLine(source: string, options: CompileOptions = {}): LinePattern {
  const ellipsis = options.ellipsis ?? true;
  const volatile = options.volatile ?? true;
  const durations = options.durations ?? 'line';
  const groups: Element[][] = [[]];
  let current = groups[0];
  let litStart = 0;
  let hasVolatile = false;
  let i = 0;
  // The value of a volatile HTTP header is masked by the header's name, whatever it holds.
  const header = volatile ? volatileHeaderValue(source) : -1;
  const headerEnd = header >= 0 && !source.startsWith('...', header) ? (readHeaderValue(source, header)?.end ?? -1) : -1;
  // Literal text runs from litStart to i; it is cut out once, when something else starts.
  const flush = () => {
    if (i > litStart) current.push({ t: 'lit', text: source.slice(litStart, i) });
  };
  while (i < source.length) {
    const ch = source[i];
    if (ellipsis && ch === '.' && source.startsWith('...', i)) {
      flush();
      const last = current[current.length - 1];
      if (last && last.t === 'ws') last.min = 0;
      current = [];
      groups.push(current);
      i += 3;
      while (source.startsWith('...', i)) i += 3;
      litStart = i;
      continue;
    }
    if (ch === ' ' || ch === '\t') {
      flush();
      while (source[i] === ' ' || source[i] === '\t') i++;
      current.push({ t: 'ws', min: current.length === 0 && groups.length > 1 ? 0 : 1 });
      litStart = i;
      continue;
    }
    if (i === header && headerEnd > i) {
      flush();
      current.push({ t: 'vol', kind: 'header', form: headerShape(source.slice(i, headerEnd)), text: source.slice(i, headerEnd) });
      hasVolatile = true;
      i = headerEnd;
      litStart = i;
      continue;
    }
    if (volatile) {
      // readAny turns down most positions at once: inside a word, and on blanks and punctuation.
      const r = readAny(source, i, true);
      if (r && r.kind === 'age' && !isElapsed(source, i, r.end, durations)) {
        // A configured duration stays literal, as one piece: `7s` of `fixedDelay: 7s` is not read as anything else.
        i = r.end;
        continue;
      }
      if (r) {
        flush();
        current.push({ t: 'vol', kind: r.kind, form: r.forms[0], text: source.slice(i, r.end) });
        hasVolatile = true;
        i = r.end;
        litStart = i;
        continue;
      }
    }
    i++;
  }
  flush();
  return { source, groups, wild: groups.length > 1, volatile: hasVolatile };
}

/** The farthest point a comparison reached before failing, to explain the failure. */
interface Failure {
  pos: number;
  detail: string;
}

const FAILURE: Failure = { pos: -1, detail: '' };

// Records a failure if it is the farthest so far: the farthest failure is the most telling one.
function fail(failure: Failure, pos: number, detail: () => string): number {
  if (pos >= failure.pos) {
    failure.pos = pos;
    failure.detail = detail();
  }
  return -1;
}

// Matches one group of elements at position p of the actual line; returns the end position or -1.
function matchGroup(group: Element[], a: string, p: number, failure: Failure): number {
  for (const el of group) {
    switch (el.t) {
      case 'lit':
        if (!a.startsWith(el.text, p)) {
          return fail(failure, p, () => `expected ${quote(el.text, 60)}, got ${quote(tokenAt(a, p), 60)}`);
        }
        p += el.text.length;
        break;
      case 'ws': {
        const start = p;
        while (a[p] === ' ' || a[p] === '\t') p++;
        if (p - start < el.min) return fail(failure, p, () => `expected a space, got ${quote(tokenAt(a, p), 60)}`);
        break;
      }
      case 'vol': {
        const r = readKind(el.kind, a, p, false, el.form);
        if (!r || !formFits(el.form, r)) {
          return fail(failure, p, () => {
            const got = r ? a.slice(p, r.end) : tokenAt(a, p);
            return `expected ${describeKind(el.kind, el.form)} like ${quote(el.text, 60)}, got ${quote(got, 60)}`;
          });
        }
        p = r.end;
        break;
      }
      case 'any':
        break;
    }
  }
  return p;
}

// The text a group stands for, to name it in messages.
function groupText(group: Element[]): string {
  return group.map((el) => (el.t === 'lit' ? el.text : el.t === 'ws' ? ' ' : el.t === 'vol' ? el.text : '...')).join('');
}

// Finds the group at or after p with the earliest end, which leaves the most text to what follows.
function findGroup(group: Element[], a: string, p: number, failure: Failure): number {
  const first = group[0];
  let best = -1;
  for (let s = p; s <= a.length; s++) {
    if (best >= 0 && s >= best) break;
    if (first.t === 'lit') {
      s = a.indexOf(first.text, s);
      if (s < 0 || (best >= 0 && s >= best)) break;
    }
    const e = matchGroup(group, a, s, failure);
    if (e >= 0 && (best < 0 || e < best)) best = e;
  }
  return best;
}

// Finds a start at or after p from which the group ends exactly at the end of the line.
function findLastGroup(group: Element[], a: string, p: number, failure: Failure): boolean {
  if (group.length === 0) return true;
  if (group.every((el) => el.t === 'lit')) {
    const text = groupText(group);
    const s = a.length - text.length;
    return s >= p && a.endsWith(text);
  }
  const last = group[group.length - 1];
  if (last.t === 'lit' && !a.endsWith(last.text)) return false;
  const first = group[0];
  for (let s = p; s <= a.length; s++) {
    if (first.t === 'lit') {
      s = a.indexOf(first.text, s);
      if (s < 0) return false;
    }
    if (matchGroup(group, a, s, failure) === a.length) return true;
  }
  return false;
}

// Texts equal up to runs of blanks always match: every value reads the same on both sides.
function sameUpToBlanks(e: string, a: string): boolean {
  return collapseBlanks(e) === collapseBlanks(a);
}

// Compares an actual line with a compiled expected line.
export function matchLine(pattern: LinePattern, actual: string): LineOutcome {
  if (pattern.source === actual) return { ok: true };
  // One record reused by every comparison (they never nest), so that a match allocates nothing for it.
  const failure = FAILURE;
  failure.pos = -1;
  failure.detail = '';
  const { groups } = pattern;
  if (!pattern.wild) {
    const end = matchGroup(groups[0], actual, 0, failure);
    if (end === actual.length || sameUpToBlanks(pattern.source, actual)) return { ok: true };
    if (end >= 0) fail(failure, end, () => `unexpected ${quote(actual.slice(end), 60)} at the end`);
    return { ok: false, column: failure.pos + 1, detail: `at column ${failure.pos + 1}: ${failure.detail}` };
  }
  if (sameUpToBlanks(pattern.source, actual)) return { ok: true };
  let p = matchGroup(groups[0], actual, 0, failure);
  if (p < 0) return { ok: false, column: failure.pos + 1, detail: `at column ${failure.pos + 1}: ${failure.detail}` };
  for (let g = 1; g < groups.length - 1; g++) {
    if (groups[g].length === 0) continue;
    const e = findGroup(groups[g], actual, p, failure);
    if (e < 0) {
      return { ok: false, column: p + 1, detail: `${quote(groupText(groups[g]).trim(), 60)} not found ${p === 0 ? 'in the line' : `after column ${p}`}` };
    }
    p = e;
  }
  const last = groups[groups.length - 1];
  if (findLastGroup(last, actual, p, failure)) return { ok: true };
  return { ok: false, column: p + 1, detail: `the line does not end with ${quote(groupText(last).trim(), 60)}${p === 0 ? '' : ` after column ${p}`}` };
}

/** Compiles expected lines once per comparison, since table rows and retries reuse them. */
export class PatternCache {
  // One map per duration context, so that a lookup builds no key.
  private readonly caches = new Map<DurationContext, Map<string, LinePattern>>();
  private size = 0;
  constructor(private readonly options: CompileOptions = {}) {}

  // Returns the compiled pattern of a line, compiling it the first time; `durations` says where it stands.
  get(source: string, durations: DurationContext = this.options.durations ?? 'line'): LinePattern {
    let cache = this.caches.get(durations);
    if (!cache) {
      cache = new Map();
      this.caches.set(durations, cache);
    }
    let p = cache.get(source);
    if (!p) {
      p = compileLine(source, { ...this.options, durations });
      if (this.size > 100_000) {
        for (const c of this.caches.values()) c.clear();
        this.size = 0;
      }
      cache.set(source, p);
      this.size++;
    }
    return p;
  }
}

// Compares two single lines, for callers without a cache.
export function lineMatches(expected: string, actual: string, options: CompileOptions = {}): boolean {
  return matchLine(compileLine(expected, options), actual).ok;
}
