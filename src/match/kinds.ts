// Volatile value kinds: values that change from one cluster or one run to the next.
// Each kind is read by hand at a position (no regular expressions over user text), in two flavours:
// strict, to decide on the expected side that a value is volatile, and lenient, to accept on the
// actual side any value of that kind. A kind comes with a form that must be equal on both sides
// (an IP with a port only matches an IP with a port; a generated name only matches one of the same base).
// This file picks the reader for a position; each kind's reader is in kinds/.
import { code0, code9, isDigitAt, isWordAt } from './kinds/chars.js';
import { readAge } from './kinds/age.js';
import { readHeaderValue } from './kinds/header.js';
import { readHex, readUUID } from './kinds/hex.js';
import { readIPv4 } from './kinds/ipv4.js';
import { readIPv6 } from './kinds/ipv6.js';
import { readNodePort } from './kinds/nodeport.js';
import { readPod } from './kinds/pod.js';
import type { Kind, Reader, Reading } from './kinds/reading.js';
import { readSerial } from './kinds/serial.js';
import { readTimestamp } from './kinds/timestamp.js';
import { readVersion } from './kinds/version.js';

export type { Kind, Reading } from './kinds/reading.js';

// The reader of each kind.
const READERS: Record<Kind, Reader> = {
  timestamp: (s, i) => readTimestamp(s, i),
  uuid: (s, i) => readUUID(s, i),
  nodeport: (s, i) => readNodePort(s, i),
  ipv6: readIPv6,
  ipv4: readIPv4,
  serial: readSerial,
  pod: readPod,
  hex: readHex,
  version: (s, i) => readVersion(s, i),
  age: (s, i) => readAge(s, i),
  header: (s, i, strict, want) => readHeaderValue(s, i, strict ? undefined : want),
};

// Order in which kinds are tried at a position: the more specific shapes first. Header values are
// never read by position, only after the name of a volatile header.
const KIND_ORDER: readonly Kind[] = ['timestamp', 'uuid', 'nodeport', 'ipv6', 'ipv4', 'serial', 'pod', 'hex', 'version', 'age'];

/**
 * Reads a value of one kind at position i; strict on the expected side, lenient on the actual side,
 * where `want` is the expected form for kinds whose extent depends on it.
 */
export function readKind(kind: Kind, s: string, i: number, strict = false, want?: string): Reading | null {
  return READERS[kind](s, i, strict, want);
}

/** Classes of the first character of a value, to try only the readers that can start with it. */
type StartClass = 'digit' | 'hex-lower' | 'lower' | 'hex-upper' | 'upper' | 'angle' | 'ipv6-start';

// The characters each kind can start with: `<` for `<none>`, `<pending>`, `<unknown>`; `[` and `:` for IPv6.
const STARTS: Record<Kind, readonly StartClass[]> = {
  header: [],
  serial: ['digit'],
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
