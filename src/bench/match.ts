// `npm run bench:match`: throughput of the matcher on a generated `kubectl get pods -o wide` table
// (rows shuffled, fresh hashes, IPs and ages on the actual side) and on a plain log-like output, and
// the growth from 1x to 10x input measured in the same run. Prints figures; asserts nothing.
import { match } from '../match/index.js';
import { NAME_ALPHABET as ALPHABET } from '../match/kinds/pod.js';
import { generator } from './generator.js';


// Draws the volatile parts of one pod row: hash, suffix, age, IP.
function volatileParts(next: () => number) {
  const pick = (n: number) => Array.from({ length: n }, () => ALPHABET[next() % ALPHABET.length]).join('');
  const age = next() % 3 === 0 ? `${(next() % 23) + 1}h` : `${(next() % 59) + 1}m${next() % 60}s`;
  return { hash: pick(9 + (next() % 2)), suffix: pick(5), age, ip: `10.${next() % 250}.${next() % 250}.${(next() % 253) + 1}` };
}

// Lays rows out as kubectl does: columns padded to their widest cell plus three spaces.
function layout(rows: string[][]): string {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) => r.map((c, j) => (j === r.length - 1 ? c : c.padEnd(widths[j] + 3))).join('').trimEnd()).join('\n');
}

const HEADER = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'];

// The expected table and the actual one: same pods, fresh volatile values, rows in another order.
function podTables(n: number): { expected: string; actual: string } {
  const stable = generator(7);
  const pods = Array.from({ length: n }, (_, k) => ({
    base: `app${k % 97}-v${(k % 3) + 1}`,
    ready: stable() % 20 === 0 ? '1/2' : '2/2',
    status: stable() % 25 === 0 ? 'CrashLoopBackOff' : 'Running',
    restarts: String(stable() % 3),
    node: `worker-${stable() % 12}`,
  }));
  const render = (seed: number) => {
    const next = generator(seed);
    return pods.map((p) => {
      const v = volatileParts(next);
      return [`${p.base}-${v.hash}-${v.suffix}`, p.ready, p.status, p.restarts, v.age, v.ip, p.node, '<none>', '<none>'];
    });
  };
  const expected = render(11);
  const actual = render(23);
  const shuffle = generator(5);
  for (let k = actual.length - 1; k > 0; k--) {
    const j = shuffle() % (k + 1);
    [actual[k], actual[j]] = [actual[j], actual[k]];
  }
  return { expected: layout([HEADER, ...expected]), actual: layout([HEADER, ...actual]) };
}

// A plain output of about `bytes` bytes: istiod-like log lines full of volatile values.
function plainOutputs(bytes: number): { expected: string; actual: string } {
  const words = generator(3);
  const shapes: number[] = [];
  let size = 0;
  while (size < bytes) {
    const shape = words() % 4;
    shapes.push(shape);
    size += 110;
  }
  const render = (seed: number) => {
    const next = generator(seed);
    return shapes
      .map((shape, k) => {
        const v = volatileParts(next);
        const hex = Array.from({ length: 32 }, () => '0123456789abcdef'[next() % 16]).join('');
        const ts = `2025-0${(next() % 9) + 1}-1${next() % 9}T0${next() % 9}:1${next() % 9}:2${next() % 9}.${100 + (next() % 900)}Z`;
        switch (shape) {
          case 0:
            return `${ts}\tinfo\tads\tADS: new connection for node:reviews-v${(k % 3) + 1}-${v.hash}-${v.suffix}.default-${k}`;
          case 1:
            return `${ts}\tinfo\tads\tCDS: PUSH for node:${v.ip} resources:${k % 40} size:${k % 90}.1kB cached:${k % 7}/${k % 9}`;
          case 2:
            return `[${ts}] "GET /status/200 HTTP/1.1" 200 - via_upstream - "-" 0 0 3 2 "-" "curl/8.5.0" "${hex}" "httpbin:8000" "${v.ip}:8080"`;
          default:
            return `${ts}\tinfo\txdsproxy\tconnected to upstream XDS server: istiod.istio-system.svc:15012 id=${k} age=${v.age}`;
        }
      })
      .join('\n');
  };
  return { expected: render(31), actual: render(47) };
}

// Times comparisons of a 1x and a 10x input, alternating runs so that load on the machine hits both
// alike; keeps the best run of each (after a warm-up) and checks every run matched.
function timePair(small: { expected: string; actual: string }, large: { expected: string; actual: string }, runs = 5) {
  const best = { small: Infinity, large: Infinity };
  let ok = { small: true, large: true };
  match(small.expected, small.actual);
  match(large.expected, large.actual);
  for (let k = 0; k < runs; k++) {
    for (const size of ['small', 'large'] as const) {
      const input = size === 'small' ? small : large;
      const t0 = performance.now();
      const result = match(input.expected, input.actual);
      best[size] = Math.min(best[size], performance.now() - t0);
      ok = { ...ok, [size]: ok[size] && result.ok };
    }
  }
  return { t1: { ms: best.small, ok: ok.small }, t10: { ms: best.large, ok: ok.large } };
}

// Times one comparison once.
function timeOnce(expected: string, actual: string): { ms: number; ok: boolean } {
  const t0 = performance.now();
  const result = match(expected, actual);
  return { ms: performance.now() - t0, ok: result.ok };
}

const mb = (s: string) => Buffer.byteLength(s) / 1e6;
const out: string[] = [];

const table1 = podTables(500);
const table10 = podTables(5000);
const { t1, t10 } = timePair(table1, table10);
out.push(
  `kubectl get pods table, 5,000 rows shuffled with fresh hashes/IPs/ages (${mb(table10.actual).toFixed(2)} MB): ${t10.ms.toFixed(0)} ms = ${((5000 / t10.ms) * 1000).toFixed(0)} rows/s, ${(mb(table10.actual) / (t10.ms / 1000)).toFixed(1)} MB/s, matched: ${t10.ok}`,
  `  growth 500 -> 5,000 rows (1x -> 10x): ${t1.ms.toFixed(1)} ms -> ${t10.ms.toFixed(1)} ms, ratio ${(t10.ms / t1.ms).toFixed(1)} (must stay under 15), matched at 1x: ${t1.ok}`,
);

const plain1 = plainOutputs(500_000);
const plain10 = plainOutputs(5_000_000);
const { t1: p1, t10: p10 } = timePair(plain1, plain10);
const lines10 = plain10.actual.split('\n').length;
out.push(
  `plain output, ${mb(plain10.actual).toFixed(1)} MB (${lines10} lines, fresh timestamps/IPs/ids): ${p10.ms.toFixed(0)} ms = ${(mb(plain10.actual) / (p10.ms / 1000)).toFixed(1)} MB/s, matched: ${p10.ok}`,
  `  growth 0.5 MB -> 5 MB (1x -> 10x): ${p1.ms.toFixed(1)} ms -> ${p10.ms.toFixed(1)} ms, ratio ${(p10.ms / p1.ms).toFixed(1)} (must stay under 15), matched at 1x: ${p1.ok}`,
);

// A failing comparison costs more (diff rendering): measure one changed row among 5,000 too.
const broken = table10.actual.replace(/ Running /, ' Pending ');
const tb = timeOnce(table10.expected, broken);
out.push(`5,000-row table with one changed row (differences and diff rendered): ${tb.ms.toFixed(0)} ms, matched: ${tb.ok}`);

process.stdout.write(`${out.join('\n')}\n`);
