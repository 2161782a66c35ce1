// Values masked by their name (never read by position): HTTP headers that change on every request, and
// the Kubernetes field that changes on every write (`resourceVersion`).
import type { Reading } from './reading.js';
import { forms } from './chars.js';
import { readUUID } from './hex.js';
import { readTimestamp } from './timestamp.js';

/**
 * Headers whose value differs on every request or every cluster: timings, dates, request and trace ids.
 * Lower case; `x-b3-` and `x-datadog-` name families.
 */
export const VOLATILE_HEADERS: ReadonlySet<string> = new Set([
  'date',
  'age',
  'expires',
  'last-modified',
  'x-envoy-upstream-service-time',
  'x-request-id',
  'x-client-trace-id',
  'traceparent',
  'tracestate',
  'x-amzn-trace-id',
  'x-cloud-trace-context',
  'x-ot-span-context',
  'x-forwarded-client-cert',
  'server-timing',
  'x-envoy-peer-metadata',
  'x-envoy-peer-metadata-id',
]);

/** Keys of Kubernetes objects whose value changes on every write, whatever the object holds. */
export const VOLATILE_KEYS: ReadonlySet<string> = new Set(['resourceversion']);

/** Prefixes of header families whose values are all ids: B3 and Datadog tracing. */
export const VOLATILE_HEADER_PREFIXES: readonly string[] = ['x-b3-', 'x-datadog-'];

// Whether a header name or key (any case) names a volatile value.
export function isVolatileHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return VOLATILE_HEADERS.has(lower) || VOLATILE_KEYS.has(lower) || VOLATILE_HEADER_PREFIXES.some((p) => lower.startsWith(p) && lower.length > p.length);
}

// Reads a header value: up to a closing quote or the end of the line, never empty. On the actual side
// (`want` set) the value must also have the shape of the expected one, so a word never stands for an id.
export function readHeaderValue(s: string, i: number, want?: string): Reading | null {
  let j = i;
  while (j < s.length && s[j] !== '"') j++;
  while (j > i && (s[j - 1] === ' ' || s[j - 1] === '\t')) j--;
  if (j <= i) return null;
  if (want === undefined) return { kind: 'header', end: j, forms: forms(headerShape(s.slice(i, j))) };
  return fitsHeaderShape(want, s.slice(i, j)) ? { kind: 'header', end: j, forms: forms(want) } : null;
}

/** The shapes a value masked by its name can have, from the most specific; `text` is any non-empty value. */
export const HEADER_SHAPES = ['uuid', 'time', 'number', 'hex', 'id', 'text'] as const;

/** The shape of a value masked by its name: what the value on the other side must still read as. */
export type HeaderShape = (typeof HEADER_SHAPES)[number];

// Whether a whole value reads as one value of a kind (a UUID, a timestamp).
function whole(read: (s: string, i: number) => Reading | null, value: string): boolean {
  return read(value, 0)?.end === value.length;
}

// Whether a value is a decimal number (`12`, `0.25`).
function isNumber(value: string): boolean {
  return /^[0-9]+(?:\.[0-9]+)?$/.test(value);
}

// Whether a value is a hexadecimal id of 8 characters or more (any case, an optional `0x`).
function isHexId(value: string): boolean {
  return /^(?:0x)?[0-9a-fA-F]{8,}$/.test(value);
}

/**
 * The shape of the expected value of a header or key masked by its name: a UUID, a timestamp, a number,
 * a hexadecimal id, an id with digits (trace contexts, certificates, base64), or plain text.
 */
export function headerShape(value: string): HeaderShape {
  if (whole(readUUID, value)) return 'uuid';
  if (whole(readTimestamp, value)) return 'time';
  if (isNumber(value) && value.length < 8) return 'number';
  if (isHexId(value)) return 'hex';
  return /[0-9]/.test(value) ? 'id' : 'text';
}

// Whether an actual value has a shape: the masked value is any value of that shape, never a word standing for it.
export function fitsHeaderShape(shape: string, value: string): boolean {
  if (value === '') return false;
  switch (shape as HeaderShape) {
    case 'uuid':
      return whole(readUUID, value);
    case 'time':
      return whole(readTimestamp, value);
    case 'number':
      return isNumber(value);
    case 'hex':
      return isHexId(value);
    case 'id':
      return /[0-9]/.test(value);
    default:
      return true;
  }
}

// Names a shape for messages: "a hexadecimal id".
export function describeHeaderShape(shape: string): string {
  const names: Record<HeaderShape, string> = {
    uuid: 'a UUID',
    time: 'a timestamp',
    number: 'a number',
    hex: 'a hexadecimal id',
    id: 'an id (a value with digits)',
    text: 'a non-empty value',
  };
  return names[shape as HeaderShape] ?? 'a header value';
}

// Whether a character can be part of a header name: `[A-Za-z0-9-]`.
function isNameChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

/**
 * Where the value of a volatile header starts in a line (`date: ...`, `X-B3-Traceid: ...`,
 * `"X-Request-Id": "..."`), or -1 when the line is not such a header.
 */
export function volatileHeaderValue(line: string): number {
  let i = 0;
  while (line[i] === ' ' || line[i] === '\t') i++;
  const quoted = line[i] === '"';
  if (quoted) i++;
  const start = i;
  while (i < line.length && isNameChar(line.charCodeAt(i))) i++;
  // The name must be followed by `:` (or a quote): most lines are turned down here without slicing.
  if (i === start || (line[i] !== ':' && line[i] !== '"') || !isVolatileHeader(line.slice(start, i))) return -1;
  if (quoted) {
    if (line[i] !== '"') return -1;
    i++;
  }
  if (line[i] !== ':') return -1;
  i++;
  while (line[i] === ' ' || line[i] === '\t') i++;
  if (line[i] === '"') i++;
  return i < line.length ? i : -1;
}
