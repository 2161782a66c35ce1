// `npm run bench:match-corpus -- [DIR] [--limit N] [--show K]`: false-pass and false-failure rates of the
// `auto` matcher on real expected outputs of istio.io pages. Each output gets a refreshed variant (what a
// cluster of today would print: fresh pod hashes, IPs, ephemeral ports, ages, timestamps, ids, volatile
// header values), which must match, and one-change variants (a status code, a port, a configured
// duration, a name's version, a count, a status word), which must not. The variants are made by the
// regular expressions below, independently of the matcher's own readers. Prints figures; asserts nothing.
import { match } from '../match/index.js';
import { loadPages } from '../app/pages.js';
import { generator } from './generator.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const k = args.indexOf(name);
  return k >= 0 ? Number(args[k + 1]) : fallback;
};
const dir = args.find((a, k) => !a.startsWith('--') && (k === 0 || !args[k - 1].startsWith('--'))) ?? '../shared/corpus/istio.io/content/en';
const limit = flag('--limit', Infinity);
const show = flag('--show', 0);


const next = generator(20250101);
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const pick = (chars: string, n: number) => Array.from({ length: n }, () => chars[next() % chars.length]).join('');
const HEX = '0123456789abcdef';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const two = (n: number) => String(n).padStart(2, '0');

// Replaces every match of a pattern as String.replace does, but keeps the columns after it where they were,
// as kubectl and istioctl lay tables out again: the run of blanks after the value grows or shrinks (to one blank at least).
function relayout(text: string, pattern: RegExp, rewrite: (...m: string[]) => string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    const at = m.index;
    if (at < last) continue;
    const fresh = rewrite(...(m as unknown as string[]));
    out += text.slice(last, at) + fresh;
    last = at + m[0].length;
    let run = 0;
    while (text[last + run] === ' ') run++;
    if (run >= 2 && last + run < text.length && text[last + run] !== '\n') {
      out += ' '.repeat(Math.max(1, run - (fresh.length - m[0].length)));
      last += run;
    }
  }
  return out + text.slice(last);
}

/** One way a cluster of today prints a value differently: a name and a rewrite of the whole text. */
interface Refresh {
  name: string;
  apply: (text: string) => string | { text: string };
}

// Runs a refresh and returns the text it made.
const refresh = (r: Refresh, text: string): string => {
  const out = r.apply(text);
  return typeof out === 'string' ? out : out.text;
};

// A fresh duration of about the same size, as an age column or "... ago" shows it.
function freshAge(age: string): string {
  const unit = age.match(/[a-z]+$/)?.[0] ?? 's';
  const n = (next() % 50) + 2;
  const fresh = unit === 's' ? `${n}s` : unit === 'm' ? `${n}m` : unit === 'h' ? `${n}h` : `${n}${unit}`;
  return fresh === age ? `${n + 1}${unit}` : fresh;
}

// Ages in table columns named AGE, LAST SEEN or DURATION: the header gives their start.
function refreshAgeColumns(text: string): string {
  const lines = text.split('\n');
  let starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i].match(/^(?:[A-Z][A-Z0-9()-]*(?: [A-Z][A-Z0-9()-]*)?\s{2,})+/);
    if (header && /(^|\s)(AGE|LAST SEEN|DURATION)(\s|$)/.test(lines[i])) {
      starts = [];
      for (const m of lines[i].matchAll(/(?<=^|\s\s)(AGE|LAST SEEN|DURATION)(?=\s|$)/g)) starts.push(m.index);
      continue;
    }
    if (lines[i].trim() === '') starts = [];
    for (const s of starts) {
      const m = lines[i].slice(s).match(/^(\d+[smhd])+(?=\s|$)/);
      if (m) lines[i] = lines[i].slice(0, s) + freshAge(m[0]).padEnd(m[0].length) + lines[i].slice(s + m[0].length);
    }
  }
  return lines.join('\n');
}

// Wraps a text so that chained replacements keep columns (see relayout).
function R(text: string) {
  return {
    text,
    replace(pattern: RegExp, rewrite: (...m: string[]) => string) {
      return R(relayout(this.text, pattern, rewrite));
    },
  };
}

const REFRESHES: Refresh[] = [
  {
    name: 'pod hash and suffix',
    apply: (t) =>
      R(t)
        .replace(new RegExp(`\\b([a-z][a-z0-9-]*?)-([${ALPHABET}]{8,10})-([${ALPHABET}]{5})\\b`, 'g'), (_, base: string, hash: string) => `${base}-${pick(ALPHABET, hash.length)}-${pick(ALPHABET, 5)}`)
        .replace(/\b([a-z][a-z0-9-]*?-v\d)-(\d{9,10})-([a-z0-9]{5})\b/g, (_, base: string) => `${base}-${(next() % 9e9) + 1e9}-${pick(ALPHABET, 5)}`),
  },
  {
    name: 'IP address and ephemeral port',
    apply: (t) =>
      R(t).replace(/(?<![\w.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?::(\d{1,5}))?(?![\w.])/g, (all, a: string, b: string, _c: string, _d: string, port?: string) => {
        if (a === '127' || a === '0' || a === '255' || Number(a) > 255 || (a === '1' && b === '1')) return all;
        // The same number of digits in each octet: tabwriter would widen a column for a longer address.
        const octet = (digits: number) => String(digits === 1 ? (next() % 8) + 2 : digits === 2 ? (next() % 90) + 10 : (next() % 150) + 100);
        const ip = [a, octet(b.length), octet(_c.length), octet(_d.length)].join('.');
        if (port === undefined) return ip;
        return `${ip}:${Number(port) >= 32768 ? 32768 + (next() % 28000) : port}`;
      }),
  },
  { name: 'age column', apply: refreshAgeColumns },
  { name: 'age in prose', apply: (t) => R(t).replace(/\b((?:\d+[smhd])+) ago\b/g, (_, age: string) => `${freshAge(age)} ago`) },
  {
    name: 'ISO timestamp',
    apply: (t) =>
      R(t).replace(/\b(20\d\d)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?/g, (_a, _y, _mo, _d, _h, _mi, _s, frac?: string, zone?: string) => {
        const f = frac ? `.${pick('0123456789', frac.length - 1)}` : '';
        return `2026-${two((next() % 12) + 1)}-${two((next() % 28) + 1)}T${two(next() % 24)}:${two(next() % 60)}:${two(next() % 60)}${f}${zone ?? ''}`;
      }),
  },
  {
    name: 'CLF timestamp',
    apply: (t) =>
      R(t).replace(/\[\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\]/g, () => `[${two((next() % 28) + 1)}/${MONTHS[next() % 12]}/2026:${two(next() % 24)}:${two(next() % 60)}:${two(next() % 60)} +0000]`),
  },
  {
    name: 'date -u and HTTP dates',
    apply: (t) =>
      R(t)
        .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d:\d\d UTC \d{4}\b/g, () => `${DAYS[next() % 7]} ${MONTHS[next() % 12]} ${(next() % 28) + 1} ${two(next() % 24)}:${two(next() % 60)}:${two(next() % 60)} UTC 2026`)
        .replace(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT\b/g, () => `${DAYS[next() % 7]}, ${two((next() % 28) + 1)} ${MONTHS[next() % 12]} 2026 ${two(next() % 24)}:${two(next() % 60)}:${two(next() % 60)} GMT`),
  },
  {
    name: 'hex id and UUID',
    apply: (t) =>
      R(t)
        .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, () => [8, 4, 4, 4, 12].map((n) => pick(HEX, n)).join('-'))
        .replace(/\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{16,64}\b/g, (all) => pick(HEX, all.length)),
  },
  {
    name: 'volatile HTTP header',
    apply: (t) =>
      R(t)
        .replace(/^(\s*"?x-envoy-upstream-service-time"?\s*[:=]\s*"?)(\d+)/gim, (_, head: string) => `${head}${(next() % 90) + 1}`)
        .replace(/^(\s*"?x-request-id"?\s*[:=]\s*"?)([0-9a-f-]{8,})/gim, (_, head: string) => `${head}${[8, 4, 4, 4, 12].map((n) => pick(HEX, n)).join('-')}`),
  },
  {
    name: 'pre-release version',
    apply: (t) => R(t).replace(/\b(\d+\.\d+)(?:\.\d+)?-alpha\.([0-9a-f]{40})\b/g, () => `1.${20 + (next() % 9)}-alpha.${pick(HEX, 40)}`),
  },
];

/** One semantic change: a name and a rewrite of the first place it applies (or null when it applies nowhere). */
interface Change {
  name: string;
  apply: (text: string) => string | null;
}

// Rewrites the first match of a pattern, or returns null when there is none or nothing changes.
function first(text: string, pattern: RegExp, rewrite: (...m: string[]) => string): string | null {
  const m = pattern.exec(text);
  if (!m) return null;
  const replaced = rewrite(...m);
  return replaced === m[0] ? null : text.slice(0, m.index) + replaced + text.slice(m.index + m[0].length);
}

const CHANGES: Change[] = [
  { name: 'status code', apply: (t) => first(t, /(?<=HTTP\/[\d.]+ |" |^|\s)(200|201|403|404|503)(?=\s|$)/m, (code) => (code === '200' ? '503' : '200')) },
  {
    name: 'port',
    // After an address or a host name (not a time of day, not a Go source line), below the ephemeral range.
    apply: (t) => first(t, /(?<=(?:\b\d+\.\d+\.\d+\.\d+|\b[a-z][\w-]*(?<!\.go)|\]):)(\d{2,5})(?![\w.:])/, (port) => (Number(port) < 32767 ? String(Number(port) + 1) : port)),
  },
  {
    name: 'configured duration',
    apply: (t) => first(t, /(?<=^\s*[a-zA-Z]+: "?)(\d+)(ms|s|m|h)(?="?$)/m, (_all, n, unit) => `${Number(n) * 2}${unit}`),
  },
  { name: 'name version', apply: (t) => first(t, /(?<=[a-z]-v)(\d)(?=\b)/, (v) => String(Number(v) + 1)) },
  { name: 'count', apply: (t) => first(t, /(?<=(?:^|\s))(\d)\/(\d)(?=\s|$)/m, (_all, a, b) => `${a === '0' ? 1 : Number(a) - 1}/${b}`) },
  { name: 'status word', apply: (t) => first(t, /\b(Running|SYNCED|HEALTHY|true)\b/, (w) => ({ Running: 'Pending', SYNCED: 'STALE', HEALTHY: 'UNHEALTHY', true: 'false' })[w] ?? w) },
];

// The real outputs: every non-empty expected output of a bash step, once each.
function outputs(): { where: string; text: string }[] {
  const { pages } = loadPages([dir]);
  const seen = new Set<string>();
  const out: { where: string; text: string }[] = [];
  for (const page of pages) {
    for (const block of page.blocks) {
      for (const step of block.steps ?? []) {
        const text = step.expected;
        if (text.trim() === '' || seen.has(text)) continue;
        seen.add(text);
        out.push({ where: `${block.file}:${step.expectedLine ?? step.line}`, text });
      }
    }
  }
  return out.slice(0, limit);
}

/** Counts per category: how many variants, how many were judged wrongly, and a few examples. */
interface Tally {
  total: number;
  wrong: number;
  examples: string[];
}

const tally = (map: Map<string, Tally>, name: string, wrong: boolean, example: () => string) => {
  const t = map.get(name) ?? { total: 0, wrong: 0, examples: [] };
  t.total++;
  if (wrong) {
    t.wrong++;
    if (t.examples.length < show) t.examples.push(example());
  }
  map.set(name, t);
};

const t0 = performance.now();
const all = outputs();
const refreshedBy = new Map<string, Tally>();
const changedBy = new Map<string, Tally>();
let refreshed = 0;
let falseFailures = 0;
let changed = 0;
let falsePasses = 0;
let crashes = 0;
for (const { where, text } of all) {
  // The refreshed variant: every refresh that applies, together; counted under each one that changed something.
  let fresh = text;
  const applied: string[] = [];
  for (const r of REFRESHES) {
    const after = refresh(r, fresh);
    if (after !== fresh) applied.push(r.name);
    fresh = after;
  }
  if (applied.length > 0) {
    const result = match(text, fresh);
    if ('error' in result && result.error) crashes++;
    refreshed++;
    if (!result.ok) falseFailures++;
    for (const name of applied) tally(refreshedBy, name, !result.ok, () => `${where}\n${result.diff}`);
  }
  // One variant per change that applies, on top of the refresh.
  for (const c of CHANGES) {
    const one = c.apply(text);
    if (one === null) continue;
    let variant = one;
    for (const r of REFRESHES) variant = refresh(r, variant);
    const result = match(text, variant);
    if ('error' in result && result.error) crashes++;
    changed++;
    if (result.ok) falsePasses++;
    tally(changedBy, c.name, result.ok, () => `${where}\n--- expected\n${text}\n+++ actual\n${variant}`);
  }
}
const pct = (n: number, d: number) => `${d === 0 ? '0.0' : ((100 * n) / d).toFixed(1)}%`;
const lines: string[] = [
  `${all.length} distinct expected outputs from ${dir}`,
  `refreshed variants (must match): ${refreshed}, false failures: ${falseFailures} (${pct(falseFailures, refreshed)})`,
  ...[...refreshedBy].map(([name, t]) => `  ${name}: ${t.wrong}/${t.total} (${pct(t.wrong, t.total)})`),
  `one-change variants (must not match): ${changed}, false passes: ${falsePasses} (${pct(falsePasses, changed)})`,
  ...[...changedBy].map(([name, t]) => `  ${name}: ${t.wrong}/${t.total} (${pct(t.wrong, t.total)})`),
  `matcher errors: ${crashes}; ${((performance.now() - t0) / 1000).toFixed(1)} s`,
];
if (show > 0) {
  for (const [name, t] of [...refreshedBy, ...changedBy]) {
    for (const e of t.examples) lines.push('', `=== ${name}: ${e}`);
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
