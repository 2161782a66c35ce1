// Long decimal numbers: certificate serial numbers (`istioctl proxy-config secret`, `openssl x509 -text`).
import type { Reading } from './reading.js';
import { digitRun, endsWord, forms, isDigitAt, isWordAt } from './chars.js';

/** Fewest digits of a number the expected side takes for a serial: no count or size has 20 digits. */
export const SERIAL_DIGITS = 20;

// Reads a decimal serial number: 20 digits or more on the expected side, 12 or more on the actual side
// (a random 128-bit serial has 37 to 39 digits, fewer when it happens to start with zeros).
export function readSerial(s: string, i: number, strict: boolean): Reading | null {
  if (i > 0 && (isWordAt(s, i - 1) || s[i - 1] === '.')) return null;
  const n = digitRun(s, i);
  if (n < (strict ? SERIAL_DIGITS : 12) || !endsWord(s, i + n) || (s[i + n] === '.' && isDigitAt(s, i + n + 1))) return null;
  return { kind: 'serial', end: i + n, forms: forms('') };
}
