// Values masked by their name (never read by position): HTTP headers that change on every request, and
// the Kubernetes field that changes on every write (`resourceVersion`).
import type { Reading } from './reading.js';
import { forms } from './chars.js';

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

// Reads a header value on the actual side: up to a closing quote or the end of the line, never empty.
export function readHeaderValue(s: string, i: number): Reading | null {
  let j = i;
  while (j < s.length && s[j] !== '"') j++;
  while (j > i && (s[j - 1] === ' ' || s[j - 1] === '\t')) j--;
  return j > i ? { kind: 'header', end: j, forms: forms('') } : null;
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
  while (i < line.length && /[A-Za-z0-9-]/.test(line[i])) i++;
  if (i === start || !isVolatileHeader(line.slice(start, i))) return -1;
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
