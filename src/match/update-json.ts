// Redrawing a JSON expected output by key path: only the values the JSON comparison found different are replaced
// in the page's own text, so accepted values keep what the page wrote (and how: spacing, key order, line breaks),
// keys only the output has are not added, and keys the output lacks are removed. Pure.
import { compareJsonValue, type Json } from './json.js';
import { PatternCache } from './line.js';
import { Differences } from './types.js';

/** A JSON value of a text with where it is: [start, end) of its text, and its members or items. */
interface Node {
  start: number;
  end: number;
  value: Json;
  /** Object members in order, with the span of the whole member (key to value). */
  members?: { key: string; start: number; end: number; node: Node }[];
  items?: Node[];
}

/** A JSON text read with positions; throws on anything that is not JSON. */
class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  // Reads the whole text as one value.
  document(): Node {
    const node = this.value();
    this.blanks();
    if (this.i !== this.s.length) throw new Error('trailing text');
    return node;
  }

  // Skips JSON whitespace.
  private blanks(): void {
    while (this.i < this.s.length && ' \t\n\r'.includes(this.s[this.i])) this.i++;
  }

  // Reads one value at the current position.
  private value(): Node {
    this.blanks();
    const start = this.i;
    const c = this.s[this.i];
    if (c === '{') return this.object(start);
    if (c === '[') return this.array(start);
    const end = c === '"' ? this.stringEnd() : this.scalarEnd();
    this.i = end;
    return { start, end, value: JSON.parse(this.s.slice(start, end)) as Json };
  }

  // The end of the string starting at the current position.
  private stringEnd(): number {
    let j = this.i + 1;
    while (j < this.s.length && this.s[j] !== '"') j += this.s[j] === '\\' ? 2 : 1;
    if (j >= this.s.length) throw new Error('unterminated string');
    return j + 1;
  }

  // The end of a number, true, false or null.
  private scalarEnd(): number {
    let j = this.i;
    while (j < this.s.length && /[-+.0-9a-zA-Z]/.test(this.s[j])) j++;
    if (j === this.i) throw new Error('a value was expected');
    return j;
  }

  // Expects a character after blanks.
  private expect(ch: string): void {
    this.blanks();
    if (this.s[this.i] !== ch) throw new Error(`expected ${ch}`);
    this.i++;
  }

  // Reads an object with its members' spans.
  private object(start: number): Node {
    this.i++;
    const members: NonNullable<Node['members']> = [];
    const value: { [key: string]: Json } = {};
    this.blanks();
    if (this.s[this.i] === '}') {
      this.i++;
      return { start, end: this.i, value, members };
    }
    for (;;) {
      this.blanks();
      const keyStart = this.i;
      if (this.s[this.i] !== '"') throw new Error('expected a key');
      const keyEnd = this.stringEnd();
      const key = JSON.parse(this.s.slice(keyStart, keyEnd)) as string;
      this.i = keyEnd;
      this.expect(':');
      const node = this.value();
      members.push({ key, start: keyStart, end: node.end, node });
      Object.defineProperty(value, key, { value: node.value, enumerable: true, writable: true, configurable: true });
      this.blanks();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      this.expect('}');
      return { start, end: this.i, value, members };
    }
  }

  // Reads an array with its items' spans.
  private array(start: number): Node {
    this.i++;
    const items: Node[] = [];
    this.blanks();
    if (this.s[this.i] === ']') {
      this.i++;
      return { start, end: this.i, value: [], items };
    }
    for (;;) {
      items.push(this.value());
      this.blanks();
      if (this.s[this.i] === ',') {
        this.i++;
        continue;
      }
      this.expect(']');
      return { start, end: this.i, value: items.map((n) => n.value), items };
    }
  }
}

/** One replacement of [start, end) of the page's text. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

// Whether a value is a JSON object (not an array, not null).
function isObject(v: Json): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// The indentation of the line a position is on, and the page's indentation step (two spaces when it shows none).
function indentAt(s: string, at: number): string {
  const lineStart = s.lastIndexOf('\n', at - 1) + 1;
  let j = lineStart;
  while (s[j] === ' ' || s[j] === '\t') j++;
  return s.slice(lineStart, j);
}

// Writes a new value where an old one stood: on one line when the old one was, else laid out as the page lays out.
function writeValue(s: string, node: Node, value: Json, step: string): string {
  const oneLine = !s.slice(node.start, node.end).includes('\n');
  if (oneLine || typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  const base = indentAt(s, node.start);
  return (JSON.stringify(value, null, step) ?? 'null').split('\n').join(`\n${base}`);
}

// Removes runs of object members with the commas that separate them from their neighbours.
function removeMembers(members: NonNullable<Node['members']>, removed: boolean[]): Edit[] {
  const edits: Edit[] = [];
  for (let a = 0; a < members.length; a++) {
    if (!removed[a]) continue;
    let b = a;
    while (b + 1 < members.length && removed[b + 1]) b++;
    if (b + 1 < members.length) edits.push({ start: members[a].start, end: members[b + 1].start, text: '' });
    else if (a > 0) edits.push({ start: members[a - 1].end, end: members[b].end, text: '' });
    else edits.push({ start: members[a].start, end: members[b].end, text: '' });
    a = b;
  }
  return edits;
}

/**
 * Redraws a JSON text (the page's own) from an actual JSON value: the edits of the values that differ, found by the
 * JSON comparison at each key path. Undefined when the page's text is not JSON.
 */
export function redrawJson(text: string, actual: Json): string | undefined {
  let root: Node;
  try {
    root = new Reader(text).document();
  } catch {
    return undefined;
  }
  const step = /\n([ \t]+)["{[\]}]/.exec(text)?.[1] ?? '  ';
  const cache = new PatternCache();
  const edits: Edit[] = [];
  const matches = (e: Json, a: Json, key?: string) => compareJsonValue(e, a, { out: new Differences(), cache }, key).ok;
  const visit = (node: Node, a: Json, key?: string) => {
    if (matches(node.value, a, key)) return;
    const e = node.value;
    if (isObject(e) && isObject(a) && node.members) {
      const removed = node.members.map((m) => m.key !== '...' && !Object.prototype.hasOwnProperty.call(a, m.key));
      node.members.forEach((m, k) => {
        if (m.key !== '...' && !removed[k]) visit(m.node, a[m.key], m.key);
      });
      edits.push(...removeMembers(node.members, removed));
      return;
    }
    if (Array.isArray(e) && Array.isArray(a) && node.items && e.length === a.length) {
      node.items.forEach((item, k) => visit(item, a[k]));
      return;
    }
    edits.push({ start: node.start, end: node.end, text: writeValue(text, node, a, step) });
  };
  visit(root, actual);
  edits.sort((x, y) => y.start - x.start);
  let out = text;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
