// Version numbers MAJOR.MINOR.PATCH with an optional pre-release suffix.
import type { Reading } from './reading.js';
import { forms, isDigitAt, isWordAt, hexClass, digitRun, endsWord } from './chars.js';

// The named pre-releases: `alpha`, `rc1`, `DEV`...
const NAMED_PRE_RELEASE = /^(alpha|beta|rc|dev|pre|preview|snapshot|nightly)\d*$/i;

// Whether a dash-separated identifier looks like a pre-release (`alpha.1`, `rc.0`, `DEV`, a build hash).
function isPreRelease(ident: string, first: boolean): boolean {
  if (NAMED_PRE_RELEASE.test(ident)) return true;
  let digit = false;
  for (let k = 0; k < ident.length; k++) {
    const h = hexClass(ident, k);
    if (h === null) return false;
    if (h === 'digit') digit = true;
  }
  return digit && (first || ident.length <= 40);
}

/**
 * Reads `MAJOR.MINOR.PATCH` with an optional pre-release suffix (`1.27.0`, `7.73.0-DEV`, `1.24.0-alpha.1`),
 * or `MAJOR.MINOR` with a pre-release or build suffix, as dev builds print it (`1.17-alpha.f5212a6f...`,
 * `1.24-dev`). A plain `MAJOR.MINOR` stays literal: `1.20` is as often a ratio or an API version.
 */
export function readVersion(s: string, i: number): Reading | null {
  if (i > 0 && (isDigitAt(s, i - 1) || s[i - 1] === '.' || s[i - 1] === '_')) return null;
  let p = i;
  for (let part = 0; part < 3; part++) {
    if (part > 0) {
      if (s[p] !== '.') {
        if (part === 2 && s[p] === '-') break;
        return null;
      }
      p++;
    }
    const n = digitRun(s, p);
    if (n === 0 || n > 9) return null;
    p += n;
  }
  const parts = s.slice(i, p).split('.').length;
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
  // Two parts need a named pre-release (`1.17-alpha...`, `1.24-dev`): `1.17-3` is a range.
  const dash = s.indexOf('-', i);
  if (parts < 3 && (dash < 0 || dash >= p || !NAMED_PRE_RELEASE.test(s.slice(dash + 1, p).split('.')[0]))) return null;
  if (!endsWord(s, p) || (s[p] === '.' && isDigitAt(s, p + 1))) return null;
  return { kind: 'version', end: p, forms: forms('') };
}
