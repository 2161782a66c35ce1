// What a page leaves running: a daemon that shed the run's token and process group must not keep the CLI from exiting
// and is named as a leftover; a runner killed outright (SIGKILL, an OOM kill) leaves nothing behind once the next run
// starts. Through the real CLI.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive } from '../../src/shell/proc.js';
import { ensureBuilt, fakeCluster, readEvents, runCli, runCliProcess, waitFor } from '../run/harness.js';

beforeAll(() => ensureBuilt(), 60000);

// Writes a page whose steps are the given commands, one block each, and returns its path.
function page(dir: string, name: string, commands: string[]): string {
  const folder = join(dir, 'content', 'en', 'docs', name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.md'), `---\ntitle: ${name}\ntest: yes\n---\n\n## Steps\n\n${commands.map((c) => `{{< text bash >}}\n$ ${c}\n{{< /text >}}\n`).join('\n')}`);
  return join(folder, 'index.md');
}
const pidIn = (file: string) => Number(readFileSync(file, 'utf8').trim());

describe('a daemon that escaped the run token and process group', () => {
  test('does not keep the CLI from exiting; it is ended and named as a leftover, and the page fails', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const daemon = join(cluster.dir, 'daemon.pid');
    // The step waits until the daemon has escaped (shed the token: it is `sleep` now); a page that ended before that
    // would end it as its own background process, still carrying the token, which is right but not what is tested.
    const escaped = `(setsid env -i sh -c 'echo $$ > "$0"; exec sleep 300' ${daemon} &); until [ "$(cat /proc/$(cat ${daemon} 2>/dev/null)/comm 2>/dev/null)" = sleep ]; do sleep 0.05; done`;
    const file = page(cluster.dir, 'daemon', [escaped, 'echo after']);
    // Far below the daemon's 300 s: the CLI waited for it (it held the shell's report pipe) and never exited.
    const { code, stdout } = await runCli(['run', '--json', json, file], { ...cluster.env, TMPDIR: cluster.dir }, 60000);
    expect(code).toBe(1);
    expect(readEvents(json).filter((e) => e.type === 'step').map((e) => e.status)).toEqual(['passed', 'passed']);
    const pid = pidIn(daemon);
    expect(stdout).toContain(`left behind process ${pid} (sleep 300), which escaped the run's token and process group; ended`);
    expect(isAlive(pid)).toBe(false);
  }, 90000);
});

describe('a runner killed with SIGKILL by its page', () => {
  test('leaves its page\'s processes (with and without the token) and folders until the next run starts, which ends and removes them', async () => {
    const cluster = fakeCluster();
    const env = { ...cluster.env, TMPDIR: cluster.dir };
    const marks = cluster.env.DOCTEST_MARKS;
    const killed = page(cluster.dir, 'killed', [
      `sleep 1000 & echo $! > ${marks}/job; (setsid env -i sh -c 'echo $$ > "$0"; exec sleep 1001' ${marks}/daemon &); dirname "$PWD" > ${marks}/root`,
      'kill -9 $PPID',
    ]);
    // Processes of their own: the page kills its runner.
    const first = await runCliProcess(['run', killed], env, 60000);
    expect(first.code).not.toBe(0);
    await waitFor(() => existsSync(join(marks, 'daemon')), 'the daemon to start');
    const job = pidIn(join(marks, 'job'));
    const daemon = pidIn(join(marks, 'daemon'));
    const root = readFileSync(join(marks, 'root'), 'utf8').trim();
    // Left behind by the killed runner.
    expect(isAlive(job)).toBe(true);
    expect(isAlive(daemon)).toBe(true);
    expect(existsSync(root)).toBe(true);
    const next = await runCliProcess(['run', page(cluster.dir, 'next', ['echo next'])], env, 60000);
    expect(next.code).toBe(0);
    expect(isAlive(job)).toBe(false);
    expect(isAlive(daemon)).toBe(false);
    expect(existsSync(root)).toBe(false);
  }, 150000);
});
