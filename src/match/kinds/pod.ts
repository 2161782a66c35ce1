// Generated Kubernetes names: BASE-HASH-SUFFIX, BASE-SUFFIX, BASE-HASH.
import type { Reading } from './reading.js';
import { code0, code9, endsWord, isDigitAt, isWordAt } from './chars.js';

/** Kubernetes' generator alphabet for random name parts (no vowels, no 0, 1, 3). */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

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
  if (parts.length >= 3 && isOldHash(parts[parts.length - 2]) && isOldSuffix(last)) forms.push(`hs:${parts.slice(0, -2).join('-')}`);
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

// Whether a name part is the decimal pod-template hash of Kubernetes before 1.8 (`helloworld-v1-3523621687-dt7n7`).
function isOldHash(part: string): boolean {
  if (part.length < 9 || part.length > 10) return false;
  for (let k = 0; k < part.length; k++) if (!isDigitAt(part, k)) return false;
  return true;
}

// Whether a name part is a 5-character suffix of the old generator, which also used vowels, 0, 1 and 3.
function isOldSuffix(part: string): boolean {
  if (part.length !== 5) return false;
  for (let k = 0; k < part.length; k++) {
    const c = part.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || (c >= code0 && c <= code9))) return false;
  }
  return true;
}

// Reads a generated name: a run of `[a-z0-9-]` starting with a letter, outside any longer word.
export function readPod(s: string, i: number, strict: boolean): Reading | null {
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
  // The last part must be a 5-character suffix or a 6-10-character hash of the alphabet, or an old suffix after a decimal hash.
  const dash = s.lastIndexOf('-', j - 1);
  if (dash <= i || j - dash - 1 < 5 || j - dash - 1 > 10) return null;
  const old = j - dash - 1 === 5 && isOldHash(s.slice(s.lastIndexOf('-', dash - 1) + 1, dash));
  if (!old) for (let k = dash + 1; k < j; k++) if (!NAME_ALPHABET.includes(s[k])) return null;
  const found = nameForms(s.slice(i, j), strict);
  return found.length > 0 ? { kind: 'pod', end: j, forms: found } : null;
}
