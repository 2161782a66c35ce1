// istio-doctest's Jest runner end to end: a child `jest` on fixture pages, with the fake cluster first on PATH.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { ensureBuilt, fakeCluster, ISTIO_DIR, ROOT, runsCommand, waitFor } from '../run/harness.js';
import { FIXTURES, fixtureConfig, runJest, spawnJest, testsOf, type JestRun } from './harness.js';

beforeAll(() => ensureBuilt(), 120000);

// The failure messages of one test, by the start of its title.
function failureOf(run: JestRun, title: string): string {
  const test = run.report.testResults.flatMap((r) => r.assertionResults).find((a) => a.title.startsWith(title));
  return test ? test.failureMessages.join('\n') : `no test ${title}`;
}

describe('doc pages as Jest tests', () => {
  test('each step is a test in page order: passed, failed with the diff and a code frame, skipped with the reason, timed out; the cleanup runs after a failure and a time-out', async () => {
    const cluster = fakeCluster();
    const summary = join(cluster.dir, 'summary.md');
    const config = fixtureConfig(cluster.dir, { istioDir: ISTIO_DIR, retryTimeout: '2s', summary });
    const run = await runJest(['--config', config], cluster.env, cluster.dir);
    expect(testsOf(run, 'pass')).toEqual([
      'passed 10 snip_greet_1: kubectl create namespace jest-pass',
      'passed 15 snip_greet_2: export GREETING=hello; echo "$GREETING world"',
      'passed 20 snip_greet_3: echo "$GREETING again" > "$DOCTEST_MARKS/pass-last-step"',
      'passed 26 snip_cleanup_1: kubectl delete namespace jest-pass',
    ]);
    expect(testsOf(run, 'fail')).toEqual([
      'passed 10 snip_create_1: kubectl create namespace jest-fail',
      'failed 17 snip_create_2: kubectl get namespace jest-fail',
      'pending 23 snip_create_3: echo "never reached"',
      'passed 30 snip_cleanup_1: kubectl delete namespace jest-fail',
    ]);
    const failure = failureOf(run, '17 snip_create_2');
    expect(failure).toMatch(/^-jest-fail +Terminating +5s$/m);
    expect(failure).toMatch(/^\+jest-fail +Active +5s$/m);
    // The code frame: the expected output marked, under its file:line.
    expect(failure).toContain('fixtures/jest/fail/index.md:18\n  16 | {{< text bash >}}\n  17 | $ kubectl get namespace jest-fail\n> 18 | NAME        STATUS        AGE\n> 19 | jest-fail   Terminating   5s\n  20 | {{< /text >}}');
    // Annotated at the row that differs, which the failure's one line names first.
    expect(failure.startsWith('fixtures/jest/fail/index.md:19: line-differs: column STATUS: expected "Terminating", got "Active" (command at line 17)\n')).toBe(true);
    expect(failure).toContain(`\n    at ${FIXTURES}/fail/index.md:19:1`);
    expect(run.stderr).toContain('● A page with a failing step › 17 snip_create_2: kubectl get namespace jest-fail');
    expect(run.stderr).toContain('skipped 1 step (line 23): not run: an earlier step failed');

    expect(testsOf(run, 'skip')).toEqual(['pending 8 snip__1: echo "not run"']);
    // A page without commands is one skipped test (Jest fails a test file with none).
    expect(testsOf(run, 'prose')).toEqual(['pending 0 (no steps): the page has no shell commands to run']);
    expect(run.stderr).toContain('istio-doctest: 1 doc page of this project skipped: front matter test: no (use globals.doctest.all: true to run it anyway) (1)');

    expect(testsOf(run, 'timeout')).toEqual(['failed 10 snip_wait_1: export WAITED=yes; sleep 120', 'passed 16 snip_cleanup_1: echo "cleanup saw WAITED=$WAITED" > "$DOCTEST_MARKS/timeout-cleanup"']);
    expect(failureOf(run, '10 snip_wait_1')).toMatch(/time/i);
    expect(readFileSync(join(cluster.env.DOCTEST_MARKS, 'timeout-cleanup'), 'utf8')).toBe('cleanup saw WAITED=yes\n');

    expect(run.code).toBe(1);
    expect(cluster.leftovers()).toBe('');
    const table = readFileSync(summary, 'utf8');
    expect(table).toMatch(/^\| ❌ fixtures\/jest\/fail\/index\.md \| en \| 2 \| 1 \| 1 \| [^|]+ \| \[fixtures\/jest\/fail\/index\.md:19: line-differs: column STATUS: expected "Terminating", got "Active" \(command at line 17\)\]\(fixtures\/jest\/fail\/index\.md#L19\) snip\\_create\\_2 \|$/m);
    expect(table).toMatch(/^\| ✅ fixtures\/jest\/pass\/index\.md \| en \| 4 \| 0 \| 0 \| /m);
  }, 240000);

  test('-t runs the steps before the matching one and the cleanup, reports only the matching one, and runs no page without a match', async () => {
    const cluster = fakeCluster();
    const config = fixtureConfig(cluster.dir, { istioDir: ISTIO_DIR, retryTimeout: '2s' });
    const run = await runJest(['--config', config, '-t', 'snip_greet_2'], cluster.env, cluster.dir);
    expect(testsOf(run, 'pass')).toEqual([
      'pending 10 snip_greet_1: kubectl create namespace jest-pass',
      'passed 15 snip_greet_2: export GREETING=hello; echo "$GREETING world"',
      'pending 26 snip_cleanup_1: kubectl delete namespace jest-pass',
    ]);
    // The step after the match did not run, the cleanup did, and the other pages did not run at all.
    expect(() => readFileSync(join(cluster.env.DOCTEST_MARKS, 'pass-last-step'))).toThrow();
    expect(testsOf(run, 'fail')).toEqual(['pending 10 snip_create_1: kubectl create namespace jest-fail', 'pending 17 snip_create_2: kubectl get namespace jest-fail', 'pending 23 snip_create_3: echo "never reached"', 'pending 30 snip_cleanup_1: kubectl delete namespace jest-fail']);
    expect(run.code).toBe(0);
    expect(cluster.leftovers()).toBe('');
  }, 120000);

  test('--shard 1/2 and 2/2 split the pages between them, each page in exactly one', async () => {
    const cluster = fakeCluster();
    // No Istio directory: with skipUnlessCluster the pages are reported skipped, which is enough to see which ran where.
    const config = fixtureConfig(cluster.dir, { skipUnlessCluster: true });
    const pagesOf = (run: JestRun) => run.report.testResults.map((r) => r.name.slice(FIXTURES.length + 1)).sort();
    const first = await runJest(['--config', config, '--shard', '1/2'], cluster.env, cluster.dir);
    const second = await runJest(['--config', config, '--shard', '2/2'], cluster.env, cluster.dir);
    expect(pagesOf(first).length).toBeGreaterThan(0);
    expect(pagesOf(second).length).toBeGreaterThan(0);
    expect([...pagesOf(first), ...pagesOf(second)].sort()).toEqual(['fail/index.md', 'pass/index.md', 'prose/index.md', 'skip/index.md', 'timeout/index.md']);
    expect(first.stderr).toMatch(/^istio-doctest: the \d doc pages? of this project were not run \(ISTIO_DIR is not set\): to run them, /m);
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(cluster.touched()).toBe(false);
  }, 120000);

  test('SIGINT to jest stops the running step, runs the page\'s cleanup, and jest reports the step failed', async () => {
    const cluster = fakeCluster();
    const config = fixtureConfig(cluster.dir, { istioDir: ISTIO_DIR }, undefined, [join(ROOT, 'fixtures', 'jest-interrupt')]);
    const child = spawnJest(['--config', config], cluster.env);
    await waitFor(() => existsSync(join(cluster.env.DOCTEST_MARKS, 'token')), 'the page to reach its long step', 60000);
    await waitFor(() => runsCommand(`DOCTEST_MARKS=${cluster.env.DOCTEST_MARKS}`, ['sleep', '60']), 'its `sleep 60` to run', 60000);
    child.kill('SIGINT');
    const result = await child;
    expect(String(result.stderr)).toMatch(/● A page interrupted while a step runs › 17 snip_wait_1: sleep 60\n\n {4}interrupted/);
    expect(result.exitCode).toBe(1);
    expect(cluster.leftovers()).toBe('');
  }, 120000);
});
