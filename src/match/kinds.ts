// Volatile value kinds: values that change from one cluster or one run to the next.
// Each kind is read by hand at a position (no regular expressions over user text), in two flavours:
// strict, to decide on the expected side that a value is volatile, and lenient, to accept on the
// actual side any value of that kind. A kind comes with a form that must be equal on both sides
// (an IP with a port only matches an IP with a port; a generated name only matches one of the same base).

export type Kind = 'timestamp' | 'uuid' | 'nodeport' | 'ipv6' | 'ipv4' | 'pod' | 'hex' | 'version' | 'age';

/** A value read at a position: where it ends and the forms it can stand for (`*` stands for any form). */
export interface Reading {
  kind: Kind;
  end: number;
  forms: string[];
}

/** Kubernetes' generator alphabet for random name parts (no vowels, no 0, 1, 3). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

// Order in which kinds are tried at a position: the more specific shapes first.
const KIND_ORDER: readonly Kind[] = ['timestamp', 'uuid', 'nodeport', 'ipv6', 'ipv4', 'pod', 'hex', 'version', 'age'];

const code0 = 48;
const code9 = 57;

// Shared form lists, so that reading a value allocates as little as possible.
const FORMS: Record<string, string[]> = {};
function forms(form: string): string[] {
  return (FORMS[form] ??= [form]);
}

// Whether the character at i is an ASCII digit (false outside the string).
function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= code0 && c <= code9;
}

// Whether a character belongs to a word, so that a value cannot start or end next to it.
function isWordAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= code0 && c <= code9) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

// Whether a character is a lower-case hexadecimal digit or a decimal digit.
function hexClass(s: string, i: number): 'digit' | 'lower' | 'upper' | null {
  const c = s.charCodeAt(i);
  if (c >= code0 && c <= code9) return 'digit';
  if (c >= 97 && c <= 102) return 'lower';
  if (c >= 65 && c <= 70) return 'upper';
  return null;
}

// Counts the digits starting at i, so callers can check lengths without slicing.
function digitRun(s: string, i: number): number {
  let j = i;
  while (isDigitAt(s, j)) j++;
  return j - i;
}

// Reads a fixed number of digits as a number, or -1 when they are not all digits.
function fixedDigits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    if (!isDigitAt(s, i + k)) return -1;
    v = v * 10 + (s.charCodeAt(i + k) - code0);
  }
  return v;
}

// Whether a value may end at `end`: the next character does not continue a word.
function endsWord(s: string, end: number): boolean {
  return end >= s.length || !isWordAt(s, end);
}

// Reads `SEP NUMBER` at i (a port after `:`, a prefix length after `/`) and returns its end, or -1
// when it is absent or longer than maxDigits or larger than max.
function numberAfter(s: string, i: number, sep: string, maxDigits: number, max: number): number {
  if (s[i] !== sep || !isDigitAt(s, i + 1)) return -1;
  const n = digitRun(s, i + 1);
  return n <= maxDigits && fixedDigits(s, i + 1, n) <= max ? i + 1 + n : -1;
}

// Whether a value may start at i: the previous character does not continue a word.
function startsWord(s: string, i: number): boolean {
  return i === 0 || !isWordAt(s, i - 1);
}

// ---------------------------------------------------------------------------------------------- IPv4

// Reads a dotted quad at i and returns its end, or -1 (each octet 0-255, at most three digits).
function dottedQuad(s: string, i: number): number {
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

// Reads an IPv4 address with an optional `:port` or `/prefix`.
function readIPv4(s: string, i: number, strict: boolean): Reading | null {
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
  if (port > 0) {
    end = port;
    form = 'port';
  } else if (prefix > 0) {
    end = prefix;
    form = 'prefix';
  }
  if (!endsWord(s, end) || (s[end] === '.' && isDigitAt(s, end + 1))) return null;
  if (strict && isWellKnownIPv4(s.slice(i, quadEnd))) return null;
  return { kind: 'ipv4', end, forms: forms(form) };
}

// ---------------------------------------------------------------------------------------------- IPv6

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

// Reads an IPv6 address: plain, with a `/prefix`, or bracketed with an optional `:port`.
function readIPv6(s: string, i: number, strict: boolean): Reading | null {
  if (!strict) {
    if (s.startsWith('<pending>', i)) return { kind: 'ipv6', end: i + 9, forms: forms('*') };
    if (s.startsWith('<none>', i)) return { kind: 'ipv6', end: i + 6, forms: forms('*') };
  }
  if (i > 0 && (isWordAt(s, i - 1) || s[i - 1] === ':' || s[i - 1] === '.')) return null;
  const bracket = s[i] === '[';
  const start = bracket ? i + 1 : i;
  const bodyEnd = ipv6Body(s, start);
  if (bodyEnd < 0) return null;
  if (strict) {
    const body = s.slice(start, bodyEnd).toLowerCase();
    if (body === '::' || body === '::1') return null;
  }
  let end = bodyEnd;
  let form = 'plain';
  if (bracket) {
    if (s[end] !== ']') return null;
    end++;
    form = 'bracket';
    // Five digits at most, whatever their value.
    const port = numberAfter(s, end, ':', 5, 99999);
    if (port > 0) {
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
  return { kind: 'ipv6', end, forms: forms(form) };
}

// ----------------------------------------------------------------------------------- ages, durations

const DURATION_UNITS = ['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h', 'd', 'y'];

// Reads a kubectl age or a Go duration (`4s`, `5m12s`, `2d3h`, `1.5ms`, `250µs`) or `<unknown>`/`<invalid>`.
function readAge(s: string, i: number): Reading | null {
  if (s.startsWith('<unknown>', i)) return { kind: 'age', end: i + 9, forms: forms('') };
  if (s.startsWith('<invalid>', i)) return { kind: 'age', end: i + 9, forms: forms('') };
  if (i > 0 && (isWordAt(s, i - 1) || s[i - 1] === '.')) return null;
  let p = i;
  let parts = 0;
  while (isDigitAt(s, p)) {
    let q = p + digitRun(s, p);
    if (s[q] === '.' && isDigitAt(s, q + 1)) q += 1 + digitRun(s, q + 1);
    let unit = '';
    for (const u of DURATION_UNITS) {
      if (s.startsWith(u, q)) {
        unit = u;
        break;
      }
    }
    if (unit === '') return null;
    p = q + unit.length;
    parts++;
  }
  if (parts === 0 || !endsWord(s, p) || (s[p] === '.' && isDigitAt(s, p + 1))) return null;
  if (p < s.length && s.charCodeAt(p) > 127 && /\p{L}/u.test(s[p])) return null;
  return { kind: 'age', end: p, forms: forms('') };
}

// ------------------------------------------------------------------------- generated Kubernetes names

// Words made only of the generator alphabet that end hand-written names (`foo-https`), not random ones.
const WORD_SUFFIXES = new Set(['https', 'http2', 'grpcs']);

// Whether every character of a name part is from Kubernetes' generator alphabet.
function inAlphabet(part: string): boolean {
  for (let k = 0; k < part.length; k++) if (!NAME_ALPHABET.includes(part[k])) return false;
  return true;
}

// Whether a name part holds at least one letter: random parts almost always do, words of digits do not.
function hasLetter(part: string): boolean {
  for (let k = 0; k < part.length; k++) if (part.charCodeAt(k) >= 97) return true;
  return false;
}

// Whether a name part holds at least one digit, as ReplicaSet hashes almost always do.
function hasDigit(part: string): boolean {
  for (let k = 0; k < part.length; k++) if (isDigitAt(part, k)) return true;
  return false;
}

/**
 * The forms a generated name can take, most specific first, each as `FORM:BASE`:
 * `hs` BASE-HASH-SUFFIX (Deployment pods), `s` BASE-SUFFIX (DaemonSet and Job pods, generated secrets),
 * `h` BASE-HASH (ReplicaSets). Strict readings want a letter where random parts almost always have
 * one: in the hash or the suffix of BASE-HASH-SUFFIX, in the suffix of BASE-SUFFIX, and a letter and
 * a digit in the hash of BASE-HASH.
 */
export function nameForms(token: string, strict: boolean): string[] {
  const parts = token.split('-');
  if (parts.some((p) => p === '')) return [];
  const forms: string[] = [];
  const last = parts[parts.length - 1];
  const suffix = last.length === 5 && inAlphabet(last) && !(strict && WORD_SUFFIXES.has(last));
  if (parts.length >= 3 && suffix) {
    // The hash makes the shape unmistakable: an all-digit suffix is fine if the hash has a letter.
    const hash = parts[parts.length - 2];
    if (hash.length >= 6 && hash.length <= 10 && inAlphabet(hash) && (!strict || hasLetter(hash) || hasLetter(last))) {
      forms.push(`hs:${parts.slice(0, -2).join('-')}`);
    }
  }
  if (parts.length >= 2 && suffix && (!strict || hasLetter(last))) forms.push(`s:${parts.slice(0, -1).join('-')}`);
  if (parts.length >= 2 && last.length >= 6 && last.length <= 10 && inAlphabet(last)) {
    if (!strict || (hasLetter(last) && hasDigit(last))) forms.push(`h:${parts.slice(0, -1).join('-')}`);
  }
  return strict ? forms.slice(0, 1) : forms;
}

// Reads a generated name: a run of `[a-z0-9-]` starting with a letter, outside any longer word.
function readPod(s: string, i: number, strict: boolean): Reading | null {
  const c = s.charCodeAt(i);
  if (!(c >= 97 && c <= 122)) return null;
  if (i > 0 && (isWordAt(s, i - 1) || s[i - 1] === '-')) return null;
  let j = i;
  while (j < s.length) {
    const d = s.charCodeAt(j);
    if ((d >= 97 && d <= 122) || (d >= code0 && d <= code9) || d === 45) j++;
    else break;
  }
  if (!endsWord(s, j)) return null;
  // The last part must be a 5-character suffix or a 6-10-character hash of the alphabet.
  const dash = s.lastIndexOf('-', j - 1);
  if (dash <= i || j - dash - 1 < 5 || j - dash - 1 > 10) return null;
  for (let k = dash + 1; k < j; k++) if (!NAME_ALPHABET.includes(s[k])) return null;
  const found = nameForms(s.slice(i, j), strict);
  return found.length > 0 ? { kind: 'pod', end: j, forms: found } : null;
}

// ------------------------------------------------------------------------------------ hex ids, UUIDs

// Reads a hexadecimal id of 8 or more characters; strictly it needs a digit and a letter, in one case.
function readHex(s: string, i: number, strict: boolean): Reading | null {
  if (!startsWord(s, i)) return null;
  let j = i;
  let lower = false;
  let upper = false;
  let digit = false;
  for (;;) {
    const k = hexClass(s, j);
    if (k === null) break;
    if (k === 'digit') digit = true;
    else if (k === 'lower') lower = true;
    else upper = true;
    j++;
  }
  const n = j - i;
  if (n < 8 || (lower && upper) || !endsWord(s, j)) return null;
  if (strict && (!digit || !(lower || upper))) return null;
  const forms = lower ? [`${n}l`] : upper ? [`${n}u`] : [`${n}l`, `${n}u`];
  return { kind: 'hex', end: j, forms };
}

// Reads a UUID (8-4-4-4-12 hexadecimal digits, in one case).
function readUUID(s: string, i: number): Reading | null {
  if (!startsWord(s, i)) return null;
  let p = i;
  let lower = false;
  let upper = false;
  const sizes = [8, 4, 4, 4, 12];
  for (let g = 0; g < sizes.length; g++) {
    if (g > 0) {
      if (s[p] !== '-') return null;
      p++;
    }
    for (let k = 0; k < sizes[g]; k++, p++) {
      const h = hexClass(s, p);
      if (h === null) return null;
      if (h === 'lower') lower = true;
      if (h === 'upper') upper = true;
    }
  }
  if ((lower && upper) || !endsWord(s, p)) return null;
  return { kind: 'uuid', end: p, forms: forms('') };
}

// -------------------------------------------------------------------------------------- timestamps

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Reads `HH:MM:SS` with an optional fraction and returns its end, or -1.
function clock(s: string, i: number): number {
  const h = fixedDigits(s, i, 2);
  const m = s[i + 2] === ':' ? fixedDigits(s, i + 3, 2) : -1;
  const sec = s[i + 5] === ':' ? fixedDigits(s, i + 6, 2) : -1;
  if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60) return -1;
  let p = i + 8;
  if ((s[p] === '.' || s[p] === ',') && isDigitAt(s, p + 1)) p += 1 + digitRun(s, p + 1);
  return p;
}

// Reads a calendar date `YYYY-MM-DD` (or `YYYY/MM/DD`) and returns its end, or -1.
function calendarDate(s: string, i: number, sep: string): number {
  const y = fixedDigits(s, i, 4);
  const mo = s[i + 4] === sep ? fixedDigits(s, i + 5, 2) : -1;
  const d = s[i + 7] === sep ? fixedDigits(s, i + 8, 2) : -1;
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31) return -1;
  return i + 10;
}

// Reads a time zone designator (`Z`, `+01:00`, `-0700`) and returns its end (i when there is none).
function zone(s: string, i: number): number {
  if (s[i] === 'Z') return i + 1;
  if (s[i] === '+' || s[i] === '-') {
    if (fixedDigits(s, i + 1, 2) >= 0) {
      if (s[i + 3] === ':' && fixedDigits(s, i + 4, 2) >= 0) return i + 6;
      if (fixedDigits(s, i + 3, 2) >= 0) return i + 5;
    }
  }
  return i;
}

// Reads an ISO-8601/RFC-3339 timestamp, a date, a time of day, a Go log stamp or an HTTP date.
function readTimestamp(s: string, i: number): Reading | null {
  if (!startsWord(s, i)) return null;
  let end = -1;
  let form = '';
  if (s[i + 3] === ',' && s[i + 4] === ' ' && DAYS.includes(s.slice(i, i + 3))) {
    // IMF-fixdate: `Tue, 07 Jan 2025 10:00:00 GMT`.
    const p = i + 5;
    const d = fixedDigits(s, p, 2);
    const month = MONTHS.indexOf(s.slice(p + 3, p + 6));
    if (d >= 1 && d <= 31 && s[p + 2] === ' ' && month >= 0 && s[p + 6] === ' ' && fixedDigits(s, p + 7, 4) >= 0 && s[p + 11] === ' ') {
      const c = clock(s, p + 12);
      if (c > 0 && s.startsWith(' GMT', c)) {
        end = c + 4;
        form = 'http';
      }
    }
  } else if (isDigitAt(s, i)) {
    const dash = calendarDate(s, i, '-');
    const slash = dash < 0 ? calendarDate(s, i, '/') : -1;
    if (dash > 0) {
      end = dash;
      form = 'date';
      if ((s[dash] === 'T' || s[dash] === ' ') && isDigitAt(s, dash + 1)) {
        const c = clock(s, dash + 1);
        if (c > 0) {
          end = zone(s, c);
          form = 'datetime';
        }
      }
    } else if (slash > 0 && s[slash] === ' ') {
      const c = clock(s, slash + 1);
      if (c > 0) {
        end = c;
        form = 'logstamp';
      }
    } else if (s[i - 1] !== ':' && s[i - 1] !== '.') {
      const c = clock(s, i);
      if (c > 0) {
        end = c;
        form = 'time';
      }
    }
  }
  if (end < 0 || !endsWord(s, end) || (s[end] === ':' && isDigitAt(s, end + 1))) return null;
  return { kind: 'timestamp', end, forms: forms(form) };
}

// ----------------------------------------------------------------------------------------- versions

// Whether a dash-separated identifier looks like a pre-release (`alpha.1`, `rc.0`, `DEV`, a build hash).
function isPreRelease(ident: string, first: boolean): boolean {
  if (/^(alpha|beta|rc|dev|pre|preview|snapshot|nightly)\d*$/i.test(ident)) return true;
  let digit = false;
  for (let k = 0; k < ident.length; k++) {
    const h = hexClass(ident, k);
    if (h === null) return false;
    if (h === 'digit') digit = true;
  }
  return digit && (first || ident.length <= 40);
}

// Reads `MAJOR.MINOR.PATCH` with an optional pre-release suffix (`1.27.0`, `7.73.0-DEV`, `1.24.0-alpha.1`).
function readVersion(s: string, i: number): Reading | null {
  if (i > 0 && (isDigitAt(s, i - 1) || s[i - 1] === '.' || s[i - 1] === '_')) return null;
  let p = i;
  for (let part = 0; part < 3; part++) {
    if (part > 0) {
      if (s[p] !== '.') return null;
      p++;
    }
    const n = digitRun(s, p);
    if (n === 0 || n > 9) return null;
    p += n;
  }
  if (s[p] === '-') {
    // Identifiers are runs of letters and digits: `[A-Za-z0-9]`.
    let q = p + 1;
    let first = true;
    let accepted = p;
    for (;;) {
      let r = q;
      while (r < s.length && isWordAt(s, r) && s[r] !== '_') r++;
      if (r === q || !isPreRelease(s.slice(q, r), first)) break;
      accepted = r;
      first = false;
      if (s[r] === '.' && isWordAt(s, r + 1)) q = r + 1;
      else break;
    }
    p = accepted;
  }
  if (!endsWord(s, p) || (s[p] === '.' && isDigitAt(s, p + 1))) return null;
  return { kind: 'version', end: p, forms: forms('') };
}

// ---------------------------------------------------------------------------------------- node ports

// Reads `PORT:NODEPORT/PROTO` of `kubectl get svc`, where the node port (30000-32767) is random.
function readNodePort(s: string, i: number): Reading | null {
  if (i > 0 && (isWordAt(s, i - 1) || s[i - 1] === ':' || s[i - 1] === '.')) return null;
  const n = digitRun(s, i);
  if (n === 0 || n > 5 || s[i + n] !== ':') return null;
  const nodePort = fixedDigits(s, i + n + 1, 5);
  if (nodePort < 30000 || nodePort > 32767 || s[i + n + 6] !== '/') return null;
  const protoStart = i + n + 7;
  const proto = ['TCP', 'UDP', 'SCTP'].find((p) => s.startsWith(p, protoStart));
  if (!proto || !endsWord(s, protoStart + proto.length)) return null;
  return { kind: 'nodeport', end: protoStart + proto.length, forms: [`${s.slice(i, i + n)}/${proto}`] };
}

// ------------------------------------------------------------------------------------------- public

// Reads a value of one kind at position i; strict on the expected side, lenient on the actual side.
export function readKind(kind: Kind, s: string, i: number, strict = false): Reading | null {
  switch (kind) {
    case 'timestamp':
      return readTimestamp(s, i);
    case 'uuid':
      return readUUID(s, i);
    case 'nodeport':
      return readNodePort(s, i);
    case 'ipv6':
      return readIPv6(s, i, strict);
    case 'ipv4':
      return readIPv4(s, i, strict);
    case 'pod':
      return readPod(s, i, strict);
    case 'hex':
      return readHex(s, i, strict);
    case 'version':
      return readVersion(s, i);
    case 'age':
      return readAge(s, i);
  }
}

/** Classes of the first character of a value, to try only the readers that can start with it. */
type StartClass = 'digit' | 'hex-lower' | 'lower' | 'hex-upper' | 'upper' | 'angle' | 'ipv6-start';

// The characters each kind can start with: `<` for `<none>`, `<pending>`, `<unknown>`; `[` and `:` for IPv6.
const STARTS: Record<Kind, readonly StartClass[]> = {
  timestamp: ['digit', 'hex-upper', 'upper'],
  uuid: ['digit', 'hex-lower', 'hex-upper'],
  nodeport: ['digit'],
  ipv6: ['digit', 'hex-lower', 'hex-upper', 'angle', 'ipv6-start'],
  ipv4: ['digit', 'angle'],
  pod: ['hex-lower', 'lower'],
  hex: ['digit', 'hex-lower', 'hex-upper'],
  version: ['digit'],
  age: ['digit', 'angle'],
};

// The kinds that can start with a class of character, in KIND_ORDER.
function startingWith(c: StartClass): readonly Kind[] {
  return KIND_ORDER.filter((k) => STARTS[k].includes(c));
}

// Worked out once, so most positions try one or two readers.
const DIGIT_KINDS = startingWith('digit');
const HEX_LOWER_KINDS = startingWith('hex-lower');
const LOWER_KINDS = startingWith('lower');
const HEX_UPPER_KINDS = startingWith('hex-upper');
const UPPER_KINDS = startingWith('upper');
const ANGLE_KINDS = startingWith('angle');
const IPV6_START_KINDS = startingWith('ipv6-start');
const NO_KINDS: readonly Kind[] = [];

// The candidate kinds for a character: none for blanks and most punctuation.
function kindsFor(c: number): readonly Kind[] {
  if (c >= code0 && c <= code9) return DIGIT_KINDS;
  if (c >= 97 && c <= 102) return HEX_LOWER_KINDS;
  if (c >= 103 && c <= 122) return LOWER_KINDS;
  if (c >= 65 && c <= 70) return HEX_UPPER_KINDS;
  if (c >= 71 && c <= 90) return UPPER_KINDS;
  if (c === 60) return ANGLE_KINDS;
  if (c === 58 || c === 91) return IPV6_START_KINDS;
  return NO_KINDS;
}

// Reads the first kind that fits at position i, in KIND_ORDER.
export function readAny(s: string, i: number, strict: boolean): Reading | null {
  const kinds = kindsFor(s.charCodeAt(i));
  if (kinds.length === 0) return null;
  if (i > 0 && isWordAt(s, i - 1)) {
    // Inside a word only a version can start, after letters (`go1.21.3`, `v1.2.3`).
    if (!isDigitAt(s, i) || isDigitAt(s, i - 1) || s[i - 1] === '_') return null;
    return readVersion(s, i);
  }
  for (const kind of kinds) {
    const r = readKind(kind, s, i, strict);
    if (r && r.end > i) return r;
  }
  return null;
}

// Whether a reading on the actual side can stand for a value of the expected form.
export function formFits(form: string, reading: Reading): boolean {
  return reading.forms.includes(form) || reading.forms.includes('*');
}

// Names a kind (and its form) for messages: "an IPv4 address with a port", "a generated name of reviews-v1".
export function describeKind(kind: Kind, form = ''): string {
  switch (kind) {
    case 'ipv4':
    case 'ipv6': {
      const name = kind === 'ipv4' ? 'an IPv4 address' : 'an IPv6 address';
      if (form === 'port' || form === 'bracket-port') return `${name} with a port`;
      if (form === 'prefix') return `${name} with a prefix length`;
      return name;
    }
    case 'age':
      return 'an age or duration';
    case 'pod': {
      const [shape, base] = [form.slice(0, form.indexOf(':')), form.slice(form.indexOf(':') + 1)];
      const what = shape === 'hs' ? 'BASE-HASH-SUFFIX' : shape === 's' ? 'BASE-SUFFIX' : 'BASE-HASH';
      return `a generated name ${what} with BASE "${base}"`;
    }
    case 'hex':
      return `a hexadecimal id of ${parseInt(form, 10)} characters`;
    case 'uuid':
      return 'a UUID';
    case 'timestamp':
      return form === 'date' ? 'a date' : form === 'time' ? 'a time of day' : form === 'http' ? 'an HTTP date' : 'a timestamp';
    case 'version':
      return 'a version number';
    case 'nodeport':
      return `a node port mapping of ${form}`;
  }
}

/** Named placeholder of a kind, as shown in keys and when a value has no expected counterpart. */
export function placeholder(kind: Kind): string {
  switch (kind) {
    case 'ipv4':
    case 'ipv6':
      return '[ip]';
    case 'age':
      return '[age]';
    case 'pod':
      return '[pod]';
    case 'hex':
      return '[hex]';
    case 'uuid':
      return '[uuid]';
    case 'timestamp':
      return '[time]';
    case 'version':
      return '[version]';
    case 'nodeport':
      return '[nodeport]';
  }
}

/**
 * A key of a text where every value the lenient readers recognize is replaced by its kind and form,
 * and runs of blanks by one space. Two texts that match usually share a key; keys only group
 * candidates for pairing, every pair is still checked by the real comparison.
 */
export function maskKey(s: string): string {
  let out = '';
  let lit = 0;
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === ' ' || ch === '\t') {
      out += s.slice(lit, i) + ' ';
      while (s[i] === ' ' || s[i] === '\t') i++;
      lit = i;
      continue;
    }
    const r = readAny(s, i, false);
    if (r) {
      const form = r.kind === 'ipv4' || r.kind === 'ipv6' || r.kind === 'age' ? '' : r.forms[0];
      out += s.slice(lit, i) + placeholder(r.kind) + form;
      i = r.end;
      lit = i;
      continue;
    }
    i++;
  }
  return out + s.slice(lit);
}
