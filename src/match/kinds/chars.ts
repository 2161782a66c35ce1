// Reading characters by hand at a position: digits, words, hexadecimal digits, numbers; shared by the kind readers.

// Character codes of '0' and '9'.
export const code0 = 48;
export const code9 = 57;

const FORMS: Record<string, string[]> = {};

// A shared one-form list, so that reading a value allocates as little as possible.
export function forms(form: string): string[] {
  return (FORMS[form] ??= [form]);
}

// Whether the character at i is an ASCII digit (false outside the string).
export function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= code0 && c <= code9;
}

// Whether a character belongs to a word, so that a value cannot start or end next to it.
export function isWordAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= code0 && c <= code9) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

// Whether a character is a lower-case hexadecimal digit or a decimal digit.
export function hexClass(s: string, i: number): 'digit' | 'lower' | 'upper' | null {
  const c = s.charCodeAt(i);
  if (c >= code0 && c <= code9) return 'digit';
  if (c >= 97 && c <= 102) return 'lower';
  if (c >= 65 && c <= 70) return 'upper';
  return null;
}

// Counts the digits starting at i, so callers can check lengths without slicing.
export function digitRun(s: string, i: number): number {
  let j = i;
  while (isDigitAt(s, j)) j++;
  return j - i;
}

// Reads a fixed number of digits as a number, or -1 when they are not all digits.
export function fixedDigits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    if (!isDigitAt(s, i + k)) return -1;
    v = v * 10 + (s.charCodeAt(i + k) - code0);
  }
  return v;
}

// Whether a value may end at `end`: the next character does not continue a word.
export function endsWord(s: string, end: number): boolean {
  return end >= s.length || !isWordAt(s, end);
}

// Reads `SEP NUMBER` at i (a port after `:`, a prefix length after `/`) and returns its end, or -1
// when it is absent or longer than maxDigits or larger than max.
export function numberAfter(s: string, i: number, sep: string, maxDigits: number, max: number): number {
  if (s[i] !== sep || !isDigitAt(s, i + 1)) return -1;
  const n = digitRun(s, i + 1);
  return n <= maxDigits && fixedDigits(s, i + 1, n) <= max ? i + 1 + n : -1;
}

// Whether a value may start at i: the previous character does not continue a word.
export function startsWord(s: string, i: number): boolean {
  return i === 0 || !isWordAt(s, i - 1);
}
