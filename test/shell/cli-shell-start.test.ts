// A shell that cannot be started or restarted mid-page is a failed step with its reason, and the cleanup steps still
// run (it was an internal error, exit 70, with the cleanup skipped). Through the real CLI.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, runCli } from '../run/harness.js';

beforeAll(() => ensureBuilt(), 60000);

// Writes a page of the given sections (heading, then its commands, one block each) and returns its path.
function page(dir: string, sections: [string, string[]][]): string {
  const folder = join(dir, 'content', 'en', 'docs', 'shell-start');
  mkdirSync(folder, { recursive: true });
  const body = sections.map(([heading, commands]) => `## ${heading}\n\n${commands.map((c) => `{{< text bash >}}\n$ ${c}\n{{< /text >}}\n`).join('\n')}`).join('\n');
  writeFileSync(join(folder, 'index.md'), `---\ntitle: Shell start\ntest: yes\n---\n\n${body}`);
  return join(folder, 'index.md');
}

describe('a shell that cannot be restarted mid-page', () => {
  test('when the runner can make its folder again, the page goes on: the step that exited fails, the cleanup runs', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const file = page(cluster.dir, [
      ['Steps', ['export KEPT=yes', 'rm -rf "$(dirname "$BASH_SOURCE")"; exit 1']],
      ['Cleanup', ['echo "cleaned $KEPT" > "$DOCTEST_MARKS/cleanup"']],
    ]);
    const { code, stderr } = await runCli(['run', '--json', json, file], cluster.env);
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(1);
    expect(readEvents(json).filter((e) => e.type === 'step').map((e) => e.status)).toEqual(['passed', 'failed', 'passed']);
    expect(readFileSync(join(cluster.env.DOCTEST_MARKS, 'cleanup'), 'utf8')).toMatch(/^cleaned/);
  });

  test('when no shell can be started, the step fails with the reason and each cleanup step is tried and fails with it', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    // The runner's folder made a file: neither its FIFO nor the folder can be made again.
    const file = page(cluster.dir, [
      ['Steps', ['d=$(dirname "$BASH_SOURCE"); rm -rf "$d"; : > "$d"; exit 1', 'echo never']],
      ['Cleanup', ['echo cleaned > "$DOCTEST_MARKS/cleanup"']],
    ]);
    const { code, stdout, stderr } = await runCli(['run', '--json', json, file], cluster.env);
    expect(stderr).not.toMatch(/internal error/);
    expect(code).toBe(1);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((e) => e.status)).toEqual(['failed', 'skipped', 'failed']);
    expect(steps[0].message).toMatch(/the shell could not be restarted after it: .*(EEXIST|not a directory|mkfifo)/);
    expect(steps[2]).toMatchObject({ warning: true });
    expect(steps[2].message).toMatch(/^no shell to run it in: /);
    expect(existsSync(join(cluster.env.DOCTEST_MARKS, 'cleanup'))).toBe(false);
    expect(stdout).toMatch(/1 page: 0 passed, 1 failed/);
  });
});
