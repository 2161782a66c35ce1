// Signals to the real CLI mid-page: SIGINT runs the cleanup and exits 130; SIGKILL cannot be handled, but the
// JSON lines written so far survive it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { killTree } from '../../src/shell/kill-tree.js';
import { isAlive, processesWithEnv } from '../../src/shell/proc.js';
import { ensureBuilt, fakeCluster, ISTIO_DIR, readEvents, spawnCli, waitFor } from './harness.js';

beforeAll(() => ensureBuilt(), 60000);

const page = 'fixtures/run/interrupt/index.md';

// Starts the interrupt fixture and waits until its long step (`sleep 60`, step 4) runs.
async function startLongStep() {
  const cluster = fakeCluster();
  const json = join(cluster.dir, 'events.jsonl');
  // The runner's temporary folders go inside the test's, so a killed runner's are removed with it.
  const cli = spawnCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, page], { ...cluster.env, TMPDIR: cluster.dir });
  // A loaded machine (load 25 on 2 cores) can take longer than 30 s to get there: the event is waited for, not a time.
  await waitFor(() => readEvents(json).some((e) => e.type === 'step-start' && e.index === 4), 'the long step to start', 80000);
  return { cluster, json, cli };
}

describe('istio-doctest run interrupted', () => {
  test('SIGINT mid-page ends the running step, runs the cleanup steps with the page variables, and exits 130', async () => {
    const { cluster, json, cli } = await startLongStep();
    cli.kill('SIGINT');
    const result = await cli;
    expect(result.exitCode).toBe(130);
    const events = readEvents(json);
    const steps = events.filter((e) => e.type === 'step');
    // A failed step's message is in the array, so that a failure says why.
    expect(steps.map((s) => [s.index, s.status === 'failed' ? `failed: ${s.message}` : s.status, s.cleanup])).toEqual([
      [1, 'passed', false],
      [2, 'passed', false],
      [3, 'passed', false],
      [4, 'interrupted', false],
      [5, 'skipped', false],
      [6, 'passed', true],
      [7, 'passed', true],
    ]);
    expect(events.find((e) => e.type === 'page')).toMatchObject({ status: 'interrupted' });
    expect(events.at(-1)).toMatchObject({ type: 'summary', status: 'interrupted', exitCode: 130 });
    expect(cluster.leftovers()).toBe('');
    const token = readFileSync(join(cluster.env.DOCTEST_MARKS, 'token'), 'utf8').trim();
    expect(processesWithEnv([`ISTIO_DOCTEST_RUN=${token}`]).filter(isAlive)).toEqual([]);
  }, 180000);

  test('after SIGKILL of the runner, every JSON line written so far is whole and says what was done', async () => {
    const { cluster, json, cli } = await startLongStep();
    cli.kill('SIGKILL');
    await cli;
    const token = readFileSync(join(cluster.env.DOCTEST_MARKS, 'token'), 'utf8').trim();
    // A killed runner cannot clean up: the test ends what it left (the shell and its `sleep 60`).
    await killTree(processesWithEnv([`ISTIO_DOCTEST_RUN=${token}`]), 200);
    const lines = readFileSync(json, 'utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    const events = lines.slice(0, -1).map((line) => JSON.parse(line));
    expect(events.map((e) => `${e.type}${e.index ? ` ${e.index}` : ''}${e.status ? ` ${e.status}` : ''}`)).toEqual([
      'run started',
      'page-start',
      'step-start 1',
      'step 1 passed',
      'step-start 2',
      'step 2 passed',
      'step-start 3',
      'step 3 passed',
      'step-start 4',
    ]);
  }, 180000);
});
