// Version numbers MAJOR.MINOR.PATCH with an optional pre-release suffix.
import type { Reading } from './reading.js';
import { forms, isDigitAt, isWordAt, hexClass, digitRun, endsWord } from './chars.js';

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
export function readVersion(s: string, i: number): Reading | null {
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
