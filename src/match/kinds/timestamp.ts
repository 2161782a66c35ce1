// Timestamps: ISO-8601/RFC-3339, dates, times of day, Go log stamps, HTTP dates.
import type { Reading } from './reading.js';
import { forms, isDigitAt, digitRun, fixedDigits, endsWord, startsWord } from './chars.js';

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

// Reads ` +0000 UTC` after a Go `time.Time.String()` clock (numeric offset, optional zone name) and returns its end (i when absent).
function goZone(s: string, i: number): number {
  if (s[i] !== ' ' || (s[i + 1] !== '+' && s[i + 1] !== '-') || fixedDigits(s, i + 2, 4) < 0) return i;
  let p = i + 6;
  if (s[p] === ' ') {
    let q = p + 1;
    while (q < s.length && s.charCodeAt(q) >= 65 && s.charCodeAt(q) <= 90) q++;
    if (q - p - 1 >= 3 && q - p - 1 <= 5) p = q;
  }
  return p;
}

// Reads `date`'s and Go's UnixDate/ANSIC forms at a day name: `Thu Jun 15 02:25:42 UTC 2017`, `Fri Jan 20 22:00:44 2023`.
function unixDate(s: string, i: number): number {
  if (!DAYS.includes(s.slice(i, i + 3)) || s[i + 3] !== ' ' || !MONTHS.includes(s.slice(i + 4, i + 7)) || s[i + 7] !== ' ') return -1;
  let p = i + 8;
  if (s[p] === ' ') p++;
  const n = digitRun(s, p);
  if (n < 1 || n > 2 || s[p + n] !== ' ') return -1;
  const c = clock(s, p + n + 1);
  if (c < 0 || s[c] !== ' ') return -1;
  p = c + 1;
  let q = p;
  while (q < s.length && s.charCodeAt(q) >= 65 && s.charCodeAt(q) <= 90) q++;
  if (q - p >= 3 && q - p <= 5 && s[q] === ' ') p = q + 1;
  return fixedDigits(s, p, 4) >= 1900 ? p + 4 : -1;
}

// Reads the Common Log Format stamp of Apache, httpbin and old Envoy logs: `07/Mar/2018:19:26:44 +0000`.
function clfDate(s: string, i: number): number {
  const d = fixedDigits(s, i, 2);
  if (d < 1 || d > 31 || s[i + 2] !== '/' || !MONTHS.includes(s.slice(i + 3, i + 6)) || s[i + 6] !== '/') return -1;
  if (fixedDigits(s, i + 7, 4) < 1900 || s[i + 11] !== ':') return -1;
  const c = clock(s, i + 12);
  if (c < 0) return -1;
  return s[c] === ' ' && (s[c + 1] === '+' || s[c + 1] === '-') && fixedDigits(s, c + 2, 4) >= 0 ? c + 6 : c;
}

/**
 * Reads a timestamp: ISO-8601/RFC-3339 (and Go's `2023-01-20 22:00:44.1 +0000 UTC`), a date, a time of
 * day, a Go log stamp (`2021/01/07 22:55:47`), an HTTP date, `date`'s and Go's UnixDate/ANSIC forms and
 * the Common Log Format. One reading covers the whole stamp, blanks included, so a diff never shows a
 * stamp made of expected and actual parts.
 */
export function readTimestamp(s: string, i: number): Reading | null {
  if (!startsWord(s, i)) return null;
  let end = -1;
  let form = '';
  const c0 = s.charCodeAt(i);
  const unix = c0 >= 65 && c0 <= 90 ? unixDate(s, i) : -1;
  const clf = unix < 0 && c0 >= 48 && c0 <= 57 ? clfDate(s, i) : -1;
  if (unix > 0) {
    end = unix;
    form = 'unix';
  } else if (clf > 0) {
    end = clf;
    form = 'clf';
  } else if (s[i + 3] === ',' && s[i + 4] === ' ' && DAYS.includes(s.slice(i, i + 3))) {
    // IMF-fixdate: `Tue, 07 Jan 2025 10:00:00 GMT`.
    const p = i + 5;
    const d = fixedDigits(s, p, 2);
    const month = MONTHS.indexOf(s.slice(p + 3, p + 6));
    if (d >= 1 && d <= 31 && s[p + 2] === ' ' && month >= 0 && s[p + 6] === ' ' && fixedDigits(s, p + 7, 4) >= 0 && s[p + 11] === ' ') {
      const c = clock(s, p + 12);
      if (c > 0 && s.startsWith(' GMT', c)) {
        end = c + 4;
        form = 'http';
      } else if (c > 0 && s[c] === ' ' && (s[c + 1] === '+' || s[c + 1] === '-') && fixedDigits(s, c + 2, 4) >= 0) {
        end = c + 6;
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
          if (end === c) end = goZone(s, c);
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
