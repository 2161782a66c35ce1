// The real CLI under faults: huge output, a closed terminal (SIGHUP), a report that cannot be written, two runs on one
// report file. Each must end with the page cleaned up and one clear line about what went wrong.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, processesWithEnv } from '../../src/shell/proc.js';
import { ensureBuilt, fakeCluster, ISTIO_DIR, readEvents, runCli, spawnCli, waitFor } from './harness.js';

beforeAll(() => ensureBuilt(), 60000);

const page = (name: string) => `fixtures/run/${name}/index.md`;
const tokenOf = (cluster: { env: Record<string, string> }) => readFileSync(join(cluster.env.DOCTEST_MARKS, 'token'), 'utf8').trim();

describe('istio-doctest run with huge output', () => {
  test('a failing step and a failing cleanup step of 300,000 and 200,000 lines are reported, bounded, with the summary and JUnit', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const junit = join(cluster.dir, 'junit.xml');
    const { code, stdout, stderr } = await runCli(['run', '--retry-timeout', '1s', '--json', json, '--junit', junit, page('huge-output')], cluster.env, 120000);
    expect(stderr).not.toMatch(/RangeError|at .*\.js:\d+/);
    expect(code).toBe(1);
    expect(stdout).toMatch(/1 page: 0 passed, 1 failed/);
    expect(stdout).toMatch(/the output was long: [\d.]+ KB of its middle were not kept/);
    // The console shows a bounded part of each failure, not hundreds of thousands of lines.
    expect(stdout.split('\n').length).toBeLessThan(2000);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((s) => s.status)).toEqual(['failed', 'failed']);
    expect(steps[1].warning).toBe(true);
    expect(steps[0].output.length).toBeLessThan(2 * 1024 * 1024);
    expect(steps[0].output).toMatch(/^1\n2\n3\n/);
    expect(steps[0].output).toMatch(/\n300000\n$/);
    expect(readFileSync(junit, 'utf8')).toContain('<testsuites name="istio-doctest" tests="2" failures="1"');
  }, 150000);
});

describe('istio-doctest run and SIGHUP', () => {
  test('a closed terminal (SIGHUP) is treated like SIGTERM: the cleanup runs, nothing is left, exit 130', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const cli = spawnCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, page('interrupt')], { ...cluster.env, TMPDIR: cluster.dir });
    await waitFor(() => readEvents(json).some((e) => e.type === 'step-start' && e.index === 4), 'the long step to start');
    cli.kill('SIGHUP');
    const result = await cli;
    expect(result.exitCode).toBe(130);
    expect(readEvents(json).filter((e) => e.type === 'step' && e.cleanup).map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(cluster.leftovers()).toBe('');
    expect(processesWithEnv([`ISTIO_DOCTEST_RUN=${tokenOf(cluster)}`]).filter(isAlive)).toEqual([]);
    expect(execFileSync('ls', [cluster.dir], { encoding: 'utf8' })).not.toMatch(/istio-doctest-/);
  });
});

describe('istio-doctest run when a report cannot be written', () => {
  test('a --json file that fails mid-run (a full disk) is one line on stderr; the page still runs and cleans up; exit 2', async () => {
    const cluster = fakeCluster();
    const { code, stdout, stderr } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--no-wait', '--json', '/dev/full', page('retry')], cluster.env);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).toMatch(/^istio-doctest: --json \/dev\/full: cannot write it \(ENOSPC\); the run goes on without it$/);
    expect(stdout).toMatch(/1 page: 1 passed/);
    expect(code).toBe(2);
    expect(cluster.leftovers()).toBe('');
  });

  test('a --junit path that cannot be written is refused before anything runs', async () => {
    const cluster = fakeCluster();
    const { code, stderr } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--junit', join(cluster.dir, 'no-such-dir', 'junit.xml'), page('failure')], cluster.env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^istio-doctest: --junit .*junit\.xml: cannot write it \(ENOENT\)$/);
    expect(cluster.touched()).toBe(false);
  });

  test('a second run given the --json file of a run in progress is refused, and the first run\'s lines stay whole', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const first = spawnCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, page('interrupt')], cluster.env);
    await waitFor(() => readEvents(json).some((e) => e.type === 'step-start' && e.index === 4), 'the long step to start');
    const second = await runCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, page('failure')], fakeCluster().env);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/--json .*events\.jsonl: another run \(pid \d+\) is writing it/);
    first.kill('SIGINT');
    await first;
    const lines = readFileSync(json, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1).map((l) => JSON.parse(l).type)).toContain('summary');
    // Once the first run is over, the file is free again.
    const third = await runCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, page('failure')], fakeCluster().env);
    expect(third.code).toBe(1);
    expect(existsSync(json)).toBe(true);
    // Three runs of the real CLI, one with its cleanup, each starting node and the fake's kubectl: 58 s measured on a
    // loaded two-core machine, over Jest's 60 s in a loop there. Nothing to wait for instead: the time is the work.
  }, 150000);
});
