// The three seed pages through the real CLI and a real bash, on the fake cluster.
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, ISTIO_DIR, readEvents, runCli, SEED } from './harness.js';

beforeAll(() => ensureBuilt(), 60000);

const args = (json: string) => ['run', '--istio-dir', ISTIO_DIR, '--retry-timeout', '2s', '--json', json];

describe('istio-doctest run on the seed pages', () => {
  test('with --keep-going, the es page fails exactly at its two Wikipedia-title steps, and cleans up', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli([...args(json), '--keep-going', SEED('es')], cluster.env, 115000);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps).toHaveLength(28);
    const notPassed = steps.filter((s) => s.status !== 'passed').map((s) => `${s.file}:${s.line} ${s.status}`);
    expect(notPassed).toEqual([`${SEED('es')}:198 failed`, `${SEED('es')}:222 failed`]);
    for (const failed of steps.filter((s) => s.status === 'failed')) {
      expect(failed.diff).toContain('-<title>Wikipedia, la enciclopedia libre</title>\n+<title>Wikipedia, the free encyclopedia</title>');
      // drift knows the expected output was translated, so waiting cannot help: one attempt, and the step says why.
      expect(failed.attempts).toBe(1);
      expect(failed.message).toMatch(/translated/);
    }
    // Boilerplate steps are reported at the boilerplate's own file and line.
    expect(steps[0]).toMatchObject({ file: 'content/es/boilerplates/before-you-begin-egress.md', line: 13, status: 'passed', cleanup: false });
    expect(steps.filter((s) => s.cleanup).map((s) => s.line)).toEqual([146, 147, 243, 244, 245, 253, 259, 265, 271]);
    expect(readEvents(json).find((e) => e.type === 'page')).toMatchObject({ file: SEED('es'), status: 'failed', passed: 26, failed: 2 });
    // The failure's one line points at the expected output line that differs; the failure says why once, and where the
    // English page's output stands.
    const line = `${SEED('es')}:199: line-differs: expected "<title>Wikipedia, la enciclopedia libre</title>", got "<title>Wikipedia, the free encyclopedia</title>" (command at line 198)`;
    expect(steps.find((s) => s.line === 198)).toMatchObject({ failureLine: line });
    const at = stdout.indexOf(`${line}\n  snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_4  failed`);
    expect(at).toBeGreaterThanOrEqual(0);
    const failure = stdout.slice(at);
    const head = failure.split('\n').slice(0, 6);
    expect(head.filter((line) => line.includes('the output does not match')).length).toBeLessThanOrEqual(1);
    expect(head).toContain(`  this block's expected output was translated from the reference page's at ${SEED('en')}:207 (see \`istio-doctest drift\`)`);
    expect(code).toBe(1);
    expect(cluster.leftovers()).toBe('');
    // A page of 28 steps with two retried for 2 s: over Jest's 60 s once on a loaded two-core machine (load 14); the
    // time is the page's own work (a node process per fake kubectl call), there is no event to wait for instead.
  }, 120000);

  test('the uk and zh pages pass, one after the other on one cluster, and leave it empty', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli([...args(json), SEED('uk'), SEED('zh')], cluster.env, 115000);
    const pages = readEvents(json).filter((e) => e.type === 'page');
    expect(pages.map((p) => [p.file, p.status, p.passed])).toEqual([
      [SEED('uk'), 'passed', 28],
      [SEED('zh'), 'passed', 28],
    ]);
    expect(stdout).toMatch(/^2 pages: 2 passed, 0 failed; /m);
    expect(code).toBe(0);
    expect(cluster.leftovers()).toBe('');
    // Two pages of 28 steps and their cluster snapshots: about a minute on a machine under a load of 11.
  }, 120000);

  test('--dry-run lists the steps with their verification and runs nothing, not even kubectl', async () => {
    const cluster = fakeCluster();
    const { code, stdout } = await runCli(['run', '--dry-run', SEED('zh')], { ...cluster.env, PATH: '/usr/bin:/bin' });
    expect(stdout).toContain(`${SEED('zh')} [zh] 28 steps; programs: grep, istioctl, kubectl`);
    expect(stdout).toMatch(/snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_7\n +verify: output contains "Connected to en\.wikipedia\.org", retried until it matches or 2m pass, time-out 5m/);
    // Its only page left out, a real run would refuse: the dry run does not say the page would run.
    expect(stdout).toContain('A real run would stop in its preflight and run nothing:');
    expect(stdout).toMatch(/istioctl is not on PATH/);
    expect(stdout).toMatch(/1 page planned, 28 steps; 1 left out by the preflight, so 0 would run; nothing was run$/);
    expect(code).toBe(0);
    expect(cluster.touched()).toBe(false);
  });
});
