// The --json lock through the real CLI: it names its holder by pid, start time and command, so a stale lock whose pid
// now belongs to another live process (pid 1 in a fresh container) is taken over, and a live holder still refuses.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, ISTIO_DIR, readEvents, runCliProcess, waitFor } from './harness.js';

beforeAll(() => ensureBuilt(), 60000);

const page = 'fixtures/run/failure/index.md';
const hasProc = existsSync('/proc/1/stat');
if (!hasProc) process.stdout.write('skipping the --json lock tests: no /proc/1/stat here (they need Linux /proc)\n');
const procTest = hasProc ? test : test.skip;

// The start time of a process in clock ticks since boot (field 22 of /proc/PID/stat).
function startTicks(pid: number): number {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[19]);
}

// A run of the failure page with --json beside a lock the test wrote.
async function runWithLock(lock: string | ((json: string) => string), touch?: Date) {
  const cluster = fakeCluster();
  const json = join(cluster.dir, 'events.jsonl');
  const lockFile = join(cluster.dir, '.events.jsonl.istio-doctest-lock');
  writeFileSync(lockFile, typeof lock === 'string' ? lock : lock(json));
  if (touch) utimesSync(lockFile, touch, touch);
  // A process of its own: the lock names its holder by pid, start time and command.
  const result = await runCliProcess(['run', '--istio-dir', ISTIO_DIR, '--json', json, page], cluster.env);
  return { ...result, json, lockFile };
}

describe('the --json lock', () => {
  procTest('a bare-pid lock whose pid (1) started after the lock was written is stale: the run takes it and reports', async () => {
    const { code, stderr, json, lockFile } = await runWithLock('1\n', new Date('2000-01-01T00:00:00Z'));
    expect(stderr).not.toMatch(/another run/);
    expect(code).toBe(1);
    expect(readEvents(json).some((e) => e.type === 'summary')).toBe(true);
    // The run removed its lock when it ended.
    expect(existsSync(lockFile)).toBe(false);
  }, 90000);

  procTest('a lock naming pid 1 with another start time and command is stale too', async () => {
    const lock = JSON.stringify({ pid: 1, startTicks: startTicks(1) + 4242, command: 'node bin/istio-doctest.js run --json events.jsonl content/en' });
    const { code, stderr } = await runWithLock(`${lock}\n`);
    expect(stderr).not.toMatch(/another run/);
    expect(code).toBe(1);
  }, 90000);

  procTest('a lock whose holder still runs (same pid, start time and command) refuses the run: one line naming it, exit 2', async () => {
    const holder = spawn('sleep', ['300'], { stdio: 'ignore' });
    try {
      await waitFor(() => existsSync(`/proc/${holder.pid}/cmdline`) && readFileSync(`/proc/${holder.pid}/cmdline`, 'utf8').startsWith('sleep'), 'the holder to start');
      const lock = JSON.stringify({ pid: holder.pid, startTicks: startTicks(holder.pid!), command: 'sleep 300' });
      const { code, stderr } = await runWithLock(`${lock}\n`);
      expect(stderr).toMatch(new RegExp(`^istio-doctest: --json .*events\\.jsonl: another run \\(pid ${holder.pid}\\) is writing it \\(started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC: sleep 300\\); give each run its own file$`));
      expect(code).toBe(2);
    } finally {
      holder.kill('SIGKILL');
    }
  }, 90000);
});
