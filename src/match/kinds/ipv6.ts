// IPv6 addresses: plain, with a `/prefix`, or bracketed with an optional `:port`; `<pending>` and `<none>` on the actual side.
import { endsWord, forms, hexClass, isDigitAt, isWordAt, numberAfter } from './chars.js';
import { dottedQuad, fixedAddressPort, FIXED_PORT, isEphemeralPort } from './ipv4.js';
import type { Reading } from './reading.js';

// Whether a text is a valid IPv6 address (groups of 1-4 hex digits, one `::` at most, optional IPv4 tail).
function isIPv6(text: string): boolean {
  if (text.length < 2) return false;
  const double = text.indexOf('::');
  // Two `::` (and so `:::`, which holds two overlapping ones) are never valid.
  if (double >= 0 && text.indexOf('::', double + 1) >= 0) return false;
  let colons = 0;
  let digits = 0;
  for (let k = 0; k < text.length; k++) {
    if (text[k] === ':') colons++;
    else if (isDigitAt(text, k)) digits++;
  }
  if (colons < 2 || digits === 0) return false;
  let body = text;
  let groups = 0;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (dottedQuad(tail, 0) !== tail.length) return false;
    groups += 2;
    body = text.slice(0, lastColon + 1);
    if (body.endsWith(':') && !body.endsWith('::')) body = body.slice(0, -1);
  } else if (text.includes('.')) {
    return false;
  }
  const halves = double >= 0 ? [body.slice(0, body.indexOf('::')), body.slice(body.indexOf('::') + 2)] : [body];
  for (const half of halves) {
    if (half === '') continue;
    for (const group of half.split(':')) {
      if (group.length === 0 || group.length > 4) return false;
      for (let k = 0; k < group.length; k++) if (hexClass(group, k) === null) return false;
      groups++;
    }
  }
  return double >= 0 ? groups <= 7 : groups === 8;
}

// Reads the longest run that can hold an IPv6 address and validates it (trailing `.` or `:` are punctuation).
function ipv6Body(s: string, i: number): number {
  let j = i;
  while (j < s.length && (hexClass(s, j) !== null || s[j] === ':' || s[j] === '.')) j++;
  let end = j;
  while (end > i && (s[end - 1] === '.' || (s[end - 1] === ':' && s[end - 2] !== ':'))) end--;
  return isIPv6(s.slice(i, end)) ? end : -1;
}

// Reads an IPv6 address: plain, with a `/prefix`, or bracketed with an optional `:port`; the port stays
// literal unless it is ephemeral, as for IPv4 (`want` = `bracket` stops before a port on the actual side).
export function readIPv6(s: string, i: number, strict: boolean, want?: string): Reading | null {
  if (!strict) {
    if (s.startsWith('<pending>', i)) return { kind: 'ipv6', end: i + 9, forms: forms('*') };
    if (s.startsWith('<none>', i)) return { kind: 'ipv6', end: i + 6, forms: forms('*') };
  }
  if (i > 0 && (isWordAt(s, i - 1) || s[i - 1] === ':' || s[i - 1] === '.')) return null;
  const bracket = s[i] === '[';
  const start = bracket ? i + 1 : i;
  const bodyEnd = ipv6Body(s, start);
  if (bodyEnd < 0) return null;
  const body = s.slice(start, bodyEnd).toLowerCase();
  const wellKnown = body === '::' || body === '::1';
  let end = bodyEnd;
  let form = 'plain';
  if (bracket) {
    if (s[end] !== ']') return null;
    end++;
    form = 'bracket';
    // Five digits at most, whatever their value.
    const port = numberAfter(s, end, ':', 5, 99999);
    const takePort = port > 0 && (strict || want === 'bracket-port' || want?.startsWith(FIXED_PORT) ? isEphemeralPort(s, port) : want !== 'bracket');
    if (port > 0 && !takePort && want === 'bracket-port') return null;
    if (takePort) {
      end = port;
      form = 'bracket-port';
    }
  } else {
    const prefix = numberAfter(s, end, '/', 3, 128);
    if (prefix > 0) {
      end = prefix;
      form = 'prefix';
    }
  }
  if (!endsWord(s, end)) return null;
  // A well-known address stays literal, but an ephemeral port on it is still picked at random (`[::1]:41854`).
  if (strict && wellKnown) return form === 'bracket-port' ? { kind: 'ipv6', end, forms: forms(fixedAddressPort(`[${body}]`)) } : null;
  if (want !== undefined && want.startsWith(FIXED_PORT)) {
    return want === fixedAddressPort(`[${body}]`) && form === 'bracket-port' ? { kind: 'ipv6', end, forms: forms(want) } : null;
  }
  return { kind: 'ipv6', end, forms: forms(form) };
}
