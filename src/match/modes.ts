// The explicit modes a page can ask for instead of `auto`: istio.io's `_verify_*` comparisons
// (`same`, `contains`, `not-contains`, `lines`, `first-line`, `like`, `elided`) and `regex`.
// `like` does not accept a shared `name-` prefix as equal, and `elided` keeps the order of the pieces.
import { readKind } from './kinds.js';
import { matchLine, PatternCache } from './line.js';
import { compareInOrder } from './lines.js';
import { isEllipsisLine, normalizeLines, normalizeText } from './normalize.js';
import { compilePattern } from './regex.js';
import { quote, tokens } from './text.js';
import { Differences, type Comparison } from './types.js';

// The 1-based line of a text holding the character at offset, to say where a substring was found.
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) line++;
  return line;
}

// A comparison that failed before comparing anything (a missing TEXT, an invalid pattern).
function refused(reason: string, structure: string, actual: string[]): Comparison {
  return { ok: false, differences: [{ reason }], expected: [], rewritten: [], structure, render: 'output', actual, focus: 0 };
}

// `same`: the outputs are equal after normalization, character for character.
export function compareSame(expected: string, actual: string): Comparison {
  const e = normalizeLines(expected);
  const a = normalizeLines(actual);
  const out = new Differences();
  const outcome = compareInOrder(e, a, { out, cache: new PatternCache(), exact: true });
  return { ok: outcome.ok, differences: out.done(), expected: e, rewritten: outcome.rewritten, structure: 'same' };
}

// `first-line`: the first lines are equal after normalization.
export function compareFirstLine(expected: string, actual: string): Comparison {
  const e = normalizeLines(expected)[0] ?? '';
  const a = normalizeLines(actual)[0] ?? '';
  const ok = e === a;
  const differences = ok ? [] : [{ line: 1, expected: e, actual: a, reason: `line 1: expected ${quote(e)}, got ${quote(a)}` }];
  return { ok, differences, expected: [e], rewritten: [a], structure: 'first-line' };
}

// `contains` and `not-contains`: the output does or does not contain TEXT (the expected output when no TEXT is given).
export function compareContains(expected: string, actual: string, arg: string | undefined, negate: boolean): Comparison {
  const structure = negate ? 'not-contains' : 'contains';
  const text = normalizeText(actual);
  const lines = text === '' ? [] : text.split('\n');
  const needle = normalizeText(arg ?? expected);
  if (needle === '') return refused(`${structure} needs a non-empty TEXT to look for`, structure, lines);
  const at = text.indexOf(needle);
  if (!negate && at < 0) {
    return { ok: false, differences: [{ expected: needle, reason: `the output does not contain ${quote(needle)}` }], expected: [], rewritten: [], structure, render: 'output', actual: lines, focus: 0 };
  }
  if (negate && at >= 0) {
    const line = lineAt(text, at);
    return {
      ok: false,
      differences: [{ expected: needle, actual: lines[line - 1], reason: `output line ${line} contains ${quote(needle)}, which must not appear` }],
      expected: [],
      rewritten: [],
      structure,
      render: 'output',
      actual: lines,
      focus: line - 1,
    };
  }
  return { ok: true, differences: [], expected: [], rewritten: [], structure };
}

// `lines`: each expected line `+ X` needs X somewhere in the output, each `- X` must be absent.
export function compareLinesSpec(expected: string, actual: string): Comparison {
  const text = normalizeText(actual);
  const lines = text === '' ? [] : text.split('\n');
  const spec = normalizeLines(expected);
  const out = new Differences();
  let checks = 0;
  let focus = -1;
  spec.forEach((line, k) => {
    const wanted = line.startsWith('+ ');
    if (!wanted && !line.startsWith('- ')) return;
    checks++;
    const needle = line.slice(2);
    const at = text.indexOf(needle);
    if (wanted && at < 0) out.add({ line: k + 1, expected: needle, reason: `line ${k + 1}: the output does not contain ${quote(needle)}` });
    if (!wanted && at >= 0) {
      const found = lineAt(text, at);
      if (focus < 0) focus = found - 1;
      out.add({ line: k + 1, expected: needle, actual: lines[found - 1], reason: `line ${k + 1}: output line ${found} contains ${quote(needle)}, which must not appear` });
    }
  });
  if (checks === 0) return refused('lines needs expected lines starting with "+ " or "- "', 'lines', lines);
  return { ok: out.size === 0, differences: out.done(), expected: [], rewritten: [], structure: 'lines', render: 'output', actual: lines, focus: Math.max(0, focus) };
}

// `regex`: the RE2 pattern (TEXT, else the expected output) is found in the output, in linear time; an invalid
// pattern never matches.
export function compareRegex(expected: string, actual: string, arg: string | undefined): Comparison {
  const text = normalizeText(actual);
  const lines = text === '' ? [] : text.split('\n');
  const source = arg ?? normalizeText(expected);
  if (source === '') return refused('regex needs a non-empty PATTERN', 'regex', lines);
  const pattern = compilePattern(source);
  if (!pattern.ok) return refused(`the pattern ${quote(source)} is not RE2 syntax: ${pattern.problem}`, 'regex', lines);
  if (pattern.test(text)) return { ok: true, differences: [], expected: [], rewritten: [], structure: 'regex' };
  return { ok: false, differences: [{ expected: source, reason: `the output has no match for /${source}/m` }], expected: [], rewritten: [], structure: 'regex', render: 'output', actual: lines, focus: 0 };
}

// Whether a token is a dotted quad, as istio.io's `like` tests it (well-known addresses included).
function dottedQuad(token: string): boolean {
  const r = readKind('ipv4', token, 0, false);
  return r !== null && r.end === token.length && r.forms[0] === 'plain';
}

// Compares two tokens the `like` way: `...` matches any token, ages and IPs match their kind, and
// every volatile kind of `auto` applies inside the token; a shared `name-` prefix is not enough.
function likeToken(cache: PatternCache, e: string, a: string): boolean {
  if (e === '...' || e === a) return true;
  if (dottedQuad(e) && (dottedQuad(a) || a === '<none>' || a === '<pending>')) return true;
  return matchLine(cache.get(e), a).ok;
}

// `like`: the same number of lines and of blank-separated tokens per line, tokens equal but for volatile values.
export function compareLike(expected: string, actual: string): Comparison {
  const e = normalizeLines(expected);
  const a = normalizeLines(actual);
  const out = new Differences();
  const cache = new PatternCache({ ellipsis: false });
  const rewritten: string[] = [];
  if (e.length !== a.length) out.add({ reason: `expected ${e.length} lines, got ${a.length}` });
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (i >= a.length) break;
    if (i >= e.length) {
      rewritten.push(a[i]);
      continue;
    }
    if (e[i].trim() === a[i].trim()) {
      rewritten.push(e[i]);
      continue;
    }
    const et = tokens(e[i]);
    const at = tokens(a[i]);
    if (et.length !== at.length) {
      out.add({ line: i + 1, expected: e[i], actual: a[i], reason: `line ${i + 1}: expected ${et.length} tokens, got ${at.length}: expected ${quote(e[i])}, got ${quote(a[i])}` });
      rewritten.push(a[i]);
      continue;
    }
    let line = '';
    let last = 0;
    at.forEach((t, k) => {
      const ok = likeToken(cache, et[k].text, t.text);
      if (!ok) {
        out.add({ line: i + 1, expected: et[k].text, actual: t.text, reason: `line ${i + 1}, token ${k + 1}: expected ${quote(et[k].text)}, got ${quote(t.text)}` });
      }
      line += a[i].slice(last, t.start) + (ok ? et[k].text : t.text);
      last = t.start + t.text.length;
    });
    rewritten.push(line);
  }
  return { ok: out.size === 0, differences: out.done(), expected: e, rewritten, structure: 'like' };
}

// `elided`: the pieces of the expected text between `...` lines appear in the output, in order, as substrings.
export function compareElided(expected: string, actual: string): Comparison {
  const text = normalizeText(actual);
  const lines = text === '' ? [] : text.split('\n');
  const spec = normalizeLines(expected);
  const pieces: { text: string; line: number }[] = [];
  for (let i = 0; i < spec.length; i++) {
    if (isEllipsisLine(spec[i])) continue;
    const start = i;
    while (i + 1 < spec.length && !isEllipsisLine(spec[i + 1])) i++;
    pieces.push({ text: spec.slice(start, i + 1).join('\n'), line: start + 1 });
  }
  let pos = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece.text, pos);
    if (at >= 0) {
      pos = at + piece.text.length;
      continue;
    }
    const anywhere = text.indexOf(piece.text);
    const first = piece.text.split('\n')[0];
    const where = pos === 0 ? 'in the output' : `in the output after output line ${lineAt(text, pos - 1)}`;
    const order = anywhere >= 0 ? ` (it appears at output line ${lineAt(text, anywhere)}, before the previous piece: pieces must keep their order)` : '';
    const reason = `line ${piece.line}: the piece starting ${quote(first)} is not found ${where}${order}`;
    return { ok: false, differences: [{ line: piece.line, expected: piece.text, reason }], expected: [], rewritten: [], structure: 'elided', render: 'output', actual: lines, focus: anywhere >= 0 ? lineAt(text, anywhere) - 1 : 0 };
  }
  return { ok: true, differences: [], expected: [], rewritten: [], structure: 'elided' };
}

// Exposed for tests: compiles a `like` token the way compareLike does.
export function likeTokenMatches(e: string, a: string): boolean {
  return likeToken(new PatternCache({ ellipsis: false }), e, a);
}
