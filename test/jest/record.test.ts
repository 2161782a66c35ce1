// The Jest runner writes the run record as `run --record` does (globals.doctest.record), for `check --against`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeCluster, ISTIO_DIR } from '../run/harness.js';
import { FIXTURES, fixtureConfig, runJest } from './harness.js';

test('globals.doctest.record: each step that ran, with its command and output, after a header naming the versions', async () => {
  const cluster = fakeCluster();
  const record = join(cluster.dir, 'record.jsonl');
  const config = fixtureConfig(cluster.dir, { istioDir: ISTIO_DIR, retryTimeout: '2s', record }, undefined, [join(FIXTURES, 'pass')]);
  const run = await runJest(['--config', config], cluster.env, cluster.dir);
  expect(run.code).toBe(0);
  const lines = readFileSync(record, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  expect(lines[0]).toMatchObject({ type: 'record', version: 1, kubernetes: expect.stringMatching(/^v\d/), istio: expect.stringMatching(/^\d/) });
  expect(lines.slice(1).map((s) => `${s.id} ${s.occurrence} ${s.status} ${s.command}`)).toEqual([
    'snip_greet_1 1 passed kubectl create namespace jest-pass',
    'snip_greet_2 1 passed export GREETING=hello; echo "$GREETING world"',
    'snip_greet_3 1 passed echo "$GREETING again" > "$DOCTEST_MARKS/pass-last-step"',
    'snip_cleanup_1 1 passed kubectl delete namespace jest-pass',
  ]);
  expect(lines[2].output).toBe('hello world\n');
}, 180000);
