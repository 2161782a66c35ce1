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

/**
 * How a duration on the expected side is judged: `volatile` in an age column (`AGE`, `LAST SEEN`,
 * `DURATION`...), `cell` in another table column, `line` anywhere else.
 */
export type DurationContext = 'volatile' | 'cell' | 'line';

/** Keys whose duration is an elapsed time, not configuration (lower case, without `_` and `-`). */
export const ELAPSED_KEYS: ReadonlySet<string> = new Set(['age', 'uptime', 'duration', 'elapsed', 'latency', 'took', 'time', 'since', 'lastseen', 'responsetime', 'upstreamservicetime']);

/** Column names of tables whose cells are elapsed times. */
export const AGE_COLUMNS: ReadonlySet<string> = new Set(['AGE', 'LAST SEEN', 'FIRST SEEN', 'DURATION', 'SINCE', 'UPTIME', 'ELAPSED', 'LAST SCHEDULE']);

// Words before a duration that make it an elapsed time in prose: `for 5m`, `took 2s`, `after 3s`.
const ELAPSED_WORDS = ['for', 'took', 'after', 'in', 'since', 'up'];

// The key a value at i is assigned to (`key: 7s`, `key=7s`, `"key": "7s"`), or null when none is.
function keyBefore(s: string, i: number): string | null {
  let p = i - 1;
  if (s[p] === '"' || s[p] === "'") p--;
  while (p >= 0 && (s[p] === ' ' || s[p] === '\t')) p--;
  if (s[p] !== ':' && s[p] !== '=') return null;
  p--;
  if (s[p] === '"' || s[p] === "'") p--;
  const end = p + 1;
  while (p >= 0 && /[A-Za-z0-9_.-]/.test(s[p])) p--;
  return end > p + 1 ? s.slice(p + 1, end) : null;
}

// The word just before a value, after blanks (and an opening parenthesis), in lower case.
function wordBefore(s: string, i: number): string {
  let p = i - 1;
  if (s[p] === '(') p--;
  if (s[p] !== ' ') return '';
  while (p >= 0 && s[p] === ' ') p--;
  const end = p + 1;
  while (p >= 0 && /[A-Za-z]/.test(s[p])) p--;
  return s.slice(p + 1, end).toLowerCase();
}

/**
 * Whether a duration read on the expected side at [start, end) is an elapsed time (masked) rather than
 * configuration (literal). Elapsed: in an age column, before `ago`, after `for`/`took`/`after`, after a
 * key naming an elapsed time (`age:`, `duration=`). Configuration: after any other key (`fixedDelay: 7s`,
 * `"connect_timeout": "0.25s"`). Otherwise a bare duration in a line of text or a row without header is
 * elapsed; a bare duration in a table cell of another column is configuration.
 */
export function isElapsed(s: string, start: number, end: number, context: DurationContext): boolean {
  if (context === 'volatile') return true;
  if (s.startsWith(' ago', end) || s.startsWith('ago', end)) return true;
  const key = keyBefore(s, start);
  if (key !== null) return ELAPSED_KEYS.has(key.toLowerCase().replace(/[-_]/g, '').replace(/.*\./, ''));
  if (ELAPSED_WORDS.includes(wordBefore(s, start))) return true;
  return context === 'line';
}
