// Comparing JSON documents: every expected key must be present with a matching value, keys only in
// the output are allowed, arrays keep their order and length, `"..."` matches any value, and strings
// and numbers compare with the line rules (volatile values, inline `...`).
import { ELAPSED_KEYS, type DurationContext } from './kinds/age.js';
import { describeHeaderShape, fitsHeaderShape, headerShape, isVolatileHeader } from './kinds/header.js';
import { matchLine, type PatternCache } from './line.js';
import { rewriteLine } from './line-diff.js';
import { quote } from './text.js';
import type { Differences } from './types.js';

/** A parsed JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// Parses a text as a JSON object or array; scalars are left to the line comparison.
export function parseJson(text: string): { ok: true; value: Json } | { ok: false } {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(trimmed) as Json };
  } catch {
    return { ok: false };
  }
}

// Writes a path step: `.key` for plain keys, `["key"]` for the others.
function step(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

// Names the type of a JSON value for messages.
function typeName(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

// Shows a JSON value in a message, shortened.
function show(v: Json): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 100 ? `${text.slice(0, 100)}… (${text.length} characters)` : text;
}

// Whether a value is a JSON object (not an array, not null).
function isObject(v: Json): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Sets a key on a plain object, even `__proto__`, without touching prototypes.
function setKey(target: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Where JSON differences go and the cache of compiled strings. */
export interface JsonContext {
  out: Differences;
  cache: PatternCache;
}

/** The outcome: whether the documents match and the actual one rewritten for the diff. */
export interface JsonOutcome {
  ok: boolean;
  rewritten: Json;
}

const MAX_DEPTH = 400;

// How a duration in the value of a key is judged: an elapsed time under `age`, `duration`...,
// configuration under any other key (`"connectTimeout": "10s"`), as in text (array items, the root).
function durationsOf(key: string | undefined): DurationContext {
  if (key === undefined) return 'line';
  return ELAPSED_KEYS.has(key.toLowerCase().replace(/[-_]/g, '')) ? 'volatile' : 'cell';
}

// Compares two text values (strings or numbers as text) with the line rules, line by line.
function textMatches(cache: PatternCache, e: string, a: string, durations: DurationContext = 'line'): { ok: boolean; detail?: string } {
  if (!e.includes('\n') && !a.includes('\n')) {
    const pattern = cache.get(e, durations);
    const outcome = matchLine(pattern, a);
    return { ok: outcome.ok, detail: pattern.volatile || pattern.wild ? outcome.detail : undefined };
  }
  const el = e.split('\n');
  const al = a.split('\n');
  if (el.length !== al.length) return { ok: false, detail: `expected ${el.length} lines, got ${al.length}` };
  for (let i = 0; i < el.length; i++) {
    const outcome = matchLine(cache.get(el[i]), al[i]);
    if (!outcome.ok) return { ok: false, detail: `line ${i + 1} of the string${outcome.detail ? `, ${outcome.detail}` : ''}` };
  }
  return { ok: true };
}

// Compares an expected value with an actual one at a path (under a key, for objects' members), recording differences.
function compareValue(ctx: JsonContext, e: Json, a: Json, path: string, depth: number, key?: string): JsonOutcome {
  const differ = (reason: string): JsonOutcome => {
    ctx.out.add({ path, expected: show(e), actual: show(a), reason: `${path}: ${reason}` });
    return { ok: false, rewritten: a };
  };
  if (e === '...') return { ok: true, rewritten: e };
  if (depth > MAX_DEPTH) return differ('nested too deeply to compare');
  if (typeof e === 'string') {
    if (typeof a !== 'string') return differ(`expected a string ${show(e)}, got ${typeName(a)} ${show(a)}`);
    // The value of a volatile header or key (`X-B3-Traceid`, `resourceVersion`) is any value of the expected one's shape.
    if (key !== undefined && isVolatileHeader(key) && e !== '') {
      const shape = headerShape(e);
      if (fitsHeaderShape(shape, a)) return { ok: true, rewritten: e };
      return differ(`expected ${describeHeaderShape(shape)} like ${quote(e)}, got ${quote(a)}`);
    }
    const outcome = textMatches(ctx.cache, e, a, durationsOf(key));
    if (outcome.ok) return { ok: true, rewritten: e };
    differ(`expected ${quote(e)}, got ${quote(a)}${outcome.detail ? ` (${outcome.detail})` : ''}`);
    return { ok: false, rewritten: e.includes('\n') ? a : rewriteLine(e, a) };
  }
  if (typeof e === 'number') {
    if (typeof a !== 'number') return differ(`expected a number ${show(e)}, got ${typeName(a)} ${show(a)}`);
    if (e === a || textMatches(ctx.cache, String(e), String(a)).ok) return { ok: true, rewritten: e };
    return differ(`expected ${show(e)}, got ${show(a)}`);
  }
  if (e === null || typeof e === 'boolean') {
    if (e === a) return { ok: true, rewritten: e };
    return differ(`expected ${show(e)}, got ${show(a)}`);
  }
  if (Array.isArray(e)) {
    if (!Array.isArray(a)) return differ(`expected an array, got ${typeName(a)} ${show(a)}`);
    let ok = true;
    if (e.length !== a.length) {
      ok = false;
      ctx.out.add({ path, expected: `${e.length} items`, actual: `${a.length} items`, reason: `${path}: expected ${e.length} item${e.length === 1 ? '' : 's'}, got ${a.length}` });
    }
    const rewritten: Json[] = [];
    for (let k = 0; k < a.length; k++) {
      if (k >= e.length) {
        rewritten.push(a[k]);
        continue;
      }
      const outcome = compareValue(ctx, e[k], a[k], step(path, k), depth + 1);
      ok = ok && outcome.ok;
      rewritten.push(outcome.rewritten);
    }
    return { ok, rewritten };
  }
  if (!isObject(a)) return differ(`expected an object, got ${typeName(a)} ${show(a)}`);
  let ok = true;
  const rewritten: { [key: string]: Json } = {};
  for (const key of Object.keys(e)) {
    // A `"..."` key stands for the keys the page leaves out, which are allowed anyway.
    if (key === '...') {
      setKey(rewritten, key, e[key]);
      continue;
    }
    const at = step(path, key);
    if (!Object.prototype.hasOwnProperty.call(a, key)) {
      ok = false;
      ctx.out.add({ path: at, expected: show(e[key]), reason: `${at}: missing from the output (expected ${show(e[key])})` });
      continue;
    }
    const outcome = compareValue(ctx, e[key], a[key], at, depth + 1, key);
    ok = ok && outcome.ok;
    setKey(rewritten, key, outcome.rewritten);
  }
  return { ok, rewritten };
}

// Compares a value of a document on its own, as it is compared under its key (the key decides masks and durations).
export function compareJsonValue(expected: Json, actual: Json, ctx: JsonContext, key?: string): JsonOutcome {
  return compareValue(ctx, expected, actual, '$', 0, key);
}

// Compares two JSON documents from the root.
export function compareJson(expected: Json, actual: Json, ctx: JsonContext): JsonOutcome {
  return compareValue(ctx, expected, actual, '$', 0);
}

// Pretty-prints a JSON value for the diff, as lines.
export function jsonLines(value: Json): string[] {
  return (JSON.stringify(value, null, 2) ?? 'null').split('\n');
}
