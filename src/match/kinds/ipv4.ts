// IPv4 addresses, with or without a `:port` or a `/prefix`; `<pending>` and `<none>` on the actual side.
import { digitRun, endsWord, fixedDigits, forms, isDigitAt, isWordAt, numberAfter } from './chars.js';
import type { Reading } from './reading.js';


// Reads a dotted quad at i and returns its end, or -1 (each octet 0-255, at most three digits).
export function dottedQuad(s: string, i: number): number {
  let p = i;
  for (let octet = 0; octet < 4; octet++) {
    if (octet > 0) {
      if (s[p] !== '.') return -1;
      p++;
    }
    const n = digitRun(s, p);
    if (n === 0 || n > 3) return -1;
    if (fixedDigits(s, p, n) > 255) return -1;
    p += n;
  }
  return p;
}

// Addresses that never change between clusters: they stay literal on the expected side.
function isWellKnownIPv4(text: string): boolean {
  return text.startsWith('0.0.0.0') || text.startsWith('127.') || text.startsWith('255.255.255.255');
}

/** First port of the kernel's ephemeral range (Linux: 32768-60999): ports from here on are picked at random. */
export const EPHEMERAL_PORT = 32768;

// Whether the port of `ADDRESS:PORT` ending at portEnd is an ephemeral one.
export function isEphemeralPort(s: string, portEnd: number): boolean {
  const colon = s.lastIndexOf(':', portEnd - 1);
  return Number(s.slice(colon + 1, portEnd)) >= EPHEMERAL_PORT;
}

/**
 * Reads an IPv4 address with an optional `:port` or `/prefix`. A port stays literal unless it is
 * ephemeral: strictly, `10.0.0.5:9080` reads as a plain address followed by the literal `:9080`, while
 * `10.0.0.5:41854` reads as an address with a port, which matches any address with an ephemeral port.
 * Leniently, `want` = `plain` stops before a port, so the expected port is compared as text.
 */
export function readIPv4(s: string, i: number, strict: boolean, want?: string): Reading | null {
  if (i > 0 && (isWordAt(s, i - 1) || s[i - 1] === '.')) return null;
  if (!strict) {
    if (s.startsWith('<pending>', i)) return { kind: 'ipv4', end: i + 9, forms: forms('*') };
    if (s.startsWith('<none>', i)) return { kind: 'ipv4', end: i + 6, forms: forms('*') };
  }
  const quadEnd = dottedQuad(s, i);
  if (quadEnd < 0) return null;
  let end = quadEnd;
  let form = 'plain';
  const port = numberAfter(s, end, ':', 5, 65535);
  const prefix = port < 0 ? numberAfter(s, end, '/', 2, 32) : -1;
  // The expected side and an expected ephemeral port take ephemeral ports only; other readings take any port.
  const takePort = port > 0 && (strict || want === 'port' ? isEphemeralPort(s, port) : want !== 'plain');
  if (port > 0 && !takePort && want === 'port') return null;
  if (takePort) {
    end = port;
    form = 'port';
  } else if (prefix > 0) {
    end = prefix;
    form = 'prefix';
  }
  if (!endsWord(s, end) || (s[end] === '.' && isDigitAt(s, end + 1))) return null;
  const quad = s.slice(i, quadEnd);
  // A well-known address stays literal, but an ephemeral port on it is still picked at random (`127.0.0.1:41854`).
  if (strict && isWellKnownIPv4(quad)) return form === 'port' ? { kind: 'ipv4', end, forms: forms(fixedAddressPort(quad)) } : null;
  if (want !== undefined && want.startsWith(FIXED_PORT)) {
    return want === fixedAddressPort(quad) && port > 0 && isEphemeralPort(s, port) && endsWord(s, port) ? { kind: 'ipv4', end: port, forms: forms(want) } : null;
  }
  return { kind: 'ipv4', end, forms: forms(form) };
}

/** Prefix of the form of a well-known address with an ephemeral port: the address must be the same, the port any ephemeral one. */
export const FIXED_PORT = 'fixed-port:';

// The form of a well-known address (loopback, any, broadcast) with an ephemeral port.
export function fixedAddressPort(address: string): string {
  return `${FIXED_PORT}${address}`;
}
