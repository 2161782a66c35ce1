// `npm run bench:retry -- [--trials N] [--no-docs]`: the attempt policy (backoff from 100 ms to 1 s, no retries where
// waiting cannot help) against the former one (every failing step retried every second), in the same run, on the fake
// cluster: the median delay between a pod becoming ready at a random time and its step passing, the wall time of the
// README's `run --keep-going --update fixtures/run/update/index.md` example, and of `npm run test:docs`. Prints
// figures and ratios; asserts nothing.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RETRY_POLICY_VAR, type RetryStyle } from '../run/attempt-policy.js';
import { generator } from './generator.js';

// npm runs the script from the project's root.
const ROOT = resolve(process.cwd());
const FAKE_BIN = join(ROOT, 'fixtures', 'fake-cluster', 'bin');
const CLI = join(ROOT, 'bin', 'istio-doctest.js');
const args = process.argv.slice(2);
const trials = Number(args[args.indexOf('--trials') + 1]) || 7;
const docs = !args.includes('--no-docs');
const work = mkdtempSync(join(tmpdir(), 'bench-retry-'));
const next = generator(20261207);

// A fresh fake cluster (its own state and kubeconfig) whose pods are ready after readySeconds.
function cluster(readySeconds: number, policy: RetryStyle): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(work, 'cluster-'));
  const kubeconfig = join(dir, 'kubeconfig.yaml');
  writeFileSync(
    kubeconfig,
    "apiVersion: v1\nkind: Config\ncurrent-context: kind-doctest\nclusters:\n- name: test\n  cluster: {server: 'https://127.0.0.1:6443'}\n" +
      'contexts:\n- name: kind-doctest\n  context: {cluster: test, user: test}\nusers:\n- name: test\n  user: {}\n',
  );
  return {
    ...process.env,
    PATH: `${FAKE_BIN}:${process.env.PATH}`,
    FAKE_CLUSTER_STATE: join(dir, 'state'),
    FAKE_READY_SECONDS: String(readySeconds),
    KUBECONFIG: kubeconfig,
    ISTIO_DIR: join(ROOT, 'fixtures', 'istio'),
    GITHUB_ACTIONS: '',
    NO_COLOR: '1',
    [RETRY_POLICY_VAR]: policy,
  };
}

// Runs a command to its end and returns its wall time in ms.
function timed(command: string, argv: string[], env: NodeJS.ProcessEnv, cwd = ROOT): number {
  const start = performance.now();
  spawnSync(command, argv, { env, cwd, stdio: 'ignore' });
  return performance.now() - start;
}

// The delay between readiness and the pass of `kubectl get pods` in the retry fixture, from the run's JSON events:
// the pod is created by the step before, so it is ready readySeconds after that step ends.
function readyToPassed(readySeconds: number, policy: RetryStyle): number | undefined {
  const json = join(work, `events-${policy}-${readySeconds}.jsonl`);
  const env = cluster(readySeconds, policy);
  spawnSync('node', [CLI, 'run', '--istio-dir', join(ROOT, 'fixtures', 'istio'), '--no-wait', '--json', json, 'fixtures/run/retry/index.md'], { env, cwd: ROOT, stdio: 'ignore' });
  const events = readFileSync(json, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  const pods = events.find((e) => e.type === 'step' && e.line === 17);
  if (!pods || pods.status !== 'passed') return undefined;
  return Number(pods.durationMs) - readySeconds * 1000;
}

// The median of a list of numbers.
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (n: number) => (n >= 10000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
const ratio = (ours: number, old: number) => `${(old / Math.max(1, ours)).toFixed(1)}x`;


// 1. Ready to passed, readiness at random times between 0.3 s and 3 s; both policies see the same times.
const delays: Record<RetryStyle, number[]> = { backoff: [], flat: [] };
for (let k = 0; k < trials; k++) {
  const ready = 0.3 + (next() % 2700) / 1000;
  for (const policy of ['backoff', 'flat'] as const) {
    const delay = readyToPassed(ready, policy);
    if (delay !== undefined) delays[policy].push(delay);
  }
}
console.log(`ready to passed, median of ${trials} (readiness at random times 0.3-3 s, fake cluster):`);
console.log(`  backoff 100 ms to 1 s: ${ms(median(delays.backoff))}   flat 1 s poll: ${ms(median(delays.flat))}   (${ratio(median(delays.backoff), median(delays.flat))} sooner)`);

// 2. The README's --update example, on a copy of the fixture each time.
const update: Record<RetryStyle, number> = { backoff: 0, flat: 0 };
for (const policy of ['backoff', 'flat'] as const) {
  const dir = join(work, `update-${policy}`);
  mkdirSync(dir);
  for (const name of ['index.md', 'doctest.yaml']) copyFileSync(join(ROOT, 'fixtures/run/update', name), join(dir, name));
  update[policy] = timed('node', [CLI, 'run', '--keep-going', '--update', join(dir, 'index.md')], cluster(1, policy));
}
console.log('run --keep-going --update fixtures/run/update/index.md (wall):');
console.log(`  backoff: ${ms(update.backoff)}   flat: ${ms(update.flat)}   (${ratio(update.backoff, update.flat)} faster)`);

// 3. npm run test:docs on the fake cluster.
if (docs) {
  const wall: Record<RetryStyle, number> = { backoff: 0, flat: 0 };
  for (const policy of ['backoff', 'flat'] as const) wall[policy] = timed('npm', ['run', 'test:docs', '--silent'], { ...cluster(1, policy), ISTIO_DOCTEST_CLUSTER: '1' });
  console.log('npm run test:docs on the fake cluster (wall):');
  console.log(`  backoff: ${ms(wall.backoff)}   flat: ${ms(wall.flat)}   (${ratio(wall.backoff, wall.flat)} faster)`);
}
rmSync(work, { recursive: true, force: true });
