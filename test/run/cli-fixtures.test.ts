// The runner's promises through the real CLI on small fixture pages: the context guard, the preflight, cleanup after
// a failure, time-outs that leave nothing running, retries, and the CI reports.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, processesWithEnv } from '../../src/shell/proc.js';
import { ensureBuilt, fakeCluster, ISTIO_DIR, readEvents, runCli, SEED } from './harness.js';

beforeAll(() => ensureBuilt(), 60000);

const page = (name: string) => `fixtures/run/${name}/index.md`;

describe('istio-doctest run, refusing before anything runs', () => {
  test('the context guard refuses a context named like a production cluster, naming it, before any command', async () => {
    const cluster = fakeCluster({ context: 'gke_prod-project_us-central1_prod' });
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stderr, stdout } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, SEED('es')], cluster.env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^istio-doctest: context guard:\n {2}refusing to run on kube context "gke_prod-project_us-central1_prod"/);
    expect(stdout).toBe('');
    expect(cluster.touched()).toBe(false);
    expect(readEvents(json)).toEqual([{ type: 'run', status: 'refused', problems: [expect.stringContaining('gke_prod-project_us-central1_prod')] }]);
  });

  test('--context NAME accepts that context, and only when it is the current one', async () => {
    const cluster = fakeCluster({ context: 'staging-east' });
    const refused = await runCli(['run', '--context', 'staging-west', '--istio-dir', ISTIO_DIR, page('failure')], cluster.env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the current kube context is "staging-east", not "staging-west" given with --context');
    expect(cluster.touched()).toBe(false);
    const accepted = await runCli(['run', '--context', 'staging-east', '--istio-dir', ISTIO_DIR, page('failure')], cluster.env);
    expect(accepted.code).toBe(1);
    expect(cluster.touched()).toBe(true);
  });

  test('a failed preflight says what is missing and runs nothing', async () => {
    const cluster = fakeCluster();
    const { code, stderr } = await runCli(['run', SEED('uk')], cluster.env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^istio-doctest: preflight failed, nothing was run:\n {2}content\/uk\/boilerplates\/before-you-begin-egress\.md:13:1 error uses files of an Istio release \(samples\/sleep\/sleep\.yaml\): give one with --istio-dir DIR or ISTIO_DIR=DIR.* \[istio-dir-missing\]$/);
    expect(cluster.touched()).toBe(false);
  });

  test('bad option values are usage errors (exit 2)', async () => {
    const cluster = fakeCluster();
    for (const bad of [['--shard', '3/2'], ['--step-timeout', 'soon'], ['--tab', 'gateway-api'], ['--allow-context', '(']]) {
      const { code, stderr } = await runCli(['run', ...bad, page('failure')], cluster.env);
      expect(code).toBe(2);
      expect(stderr).toMatch(new RegExp(`^istio-doctest: ${bad[0]}: `));
    }
    expect(cluster.touched()).toBe(false);
  });
});

describe('istio-doctest run on fixture pages', () => {
  test('after a failing step the run stops, the cleanup still runs, and the cluster is left empty', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const junit = join(cluster.dir, 'junit.xml');
    const summary = join(cluster.dir, 'summary.md');
    const { code, stdout } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, '--junit', junit, '--summary', summary, page('failure')], { ...cluster.env, GITHUB_ACTIONS: 'true' });
    expect(code).toBe(1);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((s) => [s.line, s.status, s.cleanup])).toEqual([
      [10, 'passed', false],
      [17, 'failed', false],
      [23, 'skipped', false],
      [30, 'passed', true],
    ]);
    // doctest.yaml says `retry: false` for the failing block.
    expect(steps[1].attempts).toBe(1);
    expect(cluster.leftovers()).toBe('');
    // One line for the failure, the same in every report: the row that differs (19), the kind, the values, the command's line.
    const line = 'fixtures/run/failure/index.md:19: line-differs: column STATUS: expected "Terminating", got "Active" (command at line 17)';
    expect(stdout.split('\n')).toContain(line);
    expect(steps[1]).toMatchObject({ line: 17, failureLine: line, failure: { kind: 'line-differs', file: 'fixtures/run/failure/index.md', line: 19, commandLine: 17, column: 'STATUS', expected: 'Terminating', actual: 'Active' } });
    const annotations = stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toContain(`::error file=fixtures/run/failure/index.md,line=19,col=1,title=step-failed::${line}%0A\`kubectl get namespace failure-demo\`: the output does not match`);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testcase name="snip_create_2" classname="fixtures/run/failure/index.md" file="fixtures/run/failure/index.md" line="17"');
    expect(xml).toContain(`<failure message="${line.replace(/"/g, '&quot;')}" type="line-differs">`);
    expect(readFileSync(summary, 'utf8')).toContain(`[${line}](fixtures/run/failure/index.md#L19) snip\\_create\\_2`);
  });

  test('a hung step is killed with its children, a shell stuck in a loop is replaced, and nothing of the run is left', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code } = await runCli(['run', '--step-timeout', '1s', '--keep-going', '--json', json, page('hung')], cluster.env);
    expect(code).toBe(1);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((s) => s.status)).toEqual(['passed', 'passed', 'timeout', 'timeout', 'passed']);
    // The cleanup ran in the replacement shell with the page's variables and directory.
    expect(readFileSync(join(cluster.env.DOCTEST_MARKS, 'cleanup'), 'utf8')).toBe('cleanup saw kept in work\n');
    const token = readFileSync(join(cluster.env.DOCTEST_MARKS, 'token'), 'utf8').trim();
    expect(token).toMatch(/^[0-9a-f]{16}$/);
    expect(readEvents(json).find((e) => e.type === 'page-start')?.token).toBe(token);
    expect(processesWithEnv([`ISTIO_DOCTEST_RUN=${token}`]).filter(isAlive)).toEqual([]);
  });

  test('retries turn a pod that is not ready yet into a pass', async () => {
    const cluster = fakeCluster({ readySeconds: 3 });
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--no-wait', '--json', json, page('retry')], cluster.env);
    expect(code).toBe(0);
    const pods = readEvents(json).find((e) => e.type === 'step' && e.line === 17);
    expect(pods).toMatchObject({ status: 'passed' });
    expect(pods!.attempts).toBeGreaterThan(1);
    const attempts = readEvents(json).filter((e) => e.type === 'attempt');
    expect(attempts[0].message).toBe('the output does not match (auto: row 1, column READY: expected "1/1", got "0/1")');
    expect(stdout).toMatch(/✓ 3\/4 kubectl get pods -n retry-demo \(\d+ attempts, /);
    expect(cluster.leftovers()).toBe('');
    expect(existsSync(join(cluster.dir, 'state'))).toBe(true);
  });
});
