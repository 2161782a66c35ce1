// Ages and durations: kubectl ages and Go durations.
import type { Reading } from './reading.js';
import { forms, isDigitAt, isWordAt, digitRun, endsWord } from './chars.js';

const DURATION_UNITS = ['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h', 'd', 'y'];

// Reads a kubectl age or a Go duration (`4s`, `5m12s`, `2d3h`, `1.5ms`, `250µs`) or `<unknown>`/`<invalid>`.
export function readAge(s: string, i: number): Reading | null {
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
