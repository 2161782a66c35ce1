// The snapshot after a page when the cluster's API fails a call (a TLS handshake time-out), through the real CLI with
// the fake cluster's fault knob: one failure is retried and the leak is still found; a snapshot that cannot be taken
// fails the page with "could not verify leftovers" (it was a warning, so a page that leaked a namespace passed and
// the next page's snapshot before took the leak for the cluster's own).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, runCli } from './harness.js';

beforeAll(() => ensureBuilt(), 60000);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// A page that creates a namespace and never deletes it.
function leakyPage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'doctest-snapshot-faults-'));
  dirs.push(dir);
  const file = join(dir, 'content/en/docs/leak/index.md');
  mkdirSync(join(dir, 'content/en/docs/leak'), { recursive: true });
  writeFileSync(file, '---\ntitle: Leak\ntest: yes\n---\n\n## Create\n\n{{< text bash >}}\n$ kubectl create namespace leak\nnamespace/leak created\n{{< /text >}}\n');
  return file;
}

// Runs the page with `kubectl get namespaces` failing `times` times after the snapshot before's own call.
async function run(times: number) {
  const cluster = fakeCluster();
  const json = join(cluster.dir, 'events.jsonl');
  const env = { ...cluster.env, FAKE_FAULT_ARGS: 'get namespaces', FAKE_FAULT_AFTER: '1', FAKE_FAULT_TIMES: String(times) };
  const result = await runCli(['run', '--json', json, leakyPage()], env);
  return { ...result, snapshot: readEvents(json).find((e) => e.type === 'step' && e.id === 'snapshot') };
}

describe('the snapshot after a page under API faults', () => {
  test('one failed call is retried, and the leaked namespace still fails the page', async () => {
    const { code, snapshot, stdout } = await run(1);
    expect(snapshot).toMatchObject({ status: 'failed', message: 'leftover: namespace leak' });
    expect(stdout).toContain('leftover: namespace leak');
    expect(code).toBe(1);
  }, 60000);

  test('a snapshot that fails every attempt fails the page: could not verify leftovers', async () => {
    const { code, snapshot, stdout } = await run(10);
    expect(snapshot).toMatchObject({ status: 'failed' });
    expect(snapshot!.message).toBe('could not verify leftovers: the snapshot after the test failed: kubectl get namespaces -o name: Unable to connect to the server: net/http: TLS handshake timeout (3 attempts)');
    expect(stdout).toContain('could not verify leftovers');
    expect(code).toBe(1);
  }, 60000);
});
