// Signalling a page's processes: one already gone is not an error, one the runner may not signal (another user's)
// is reported as denied, never taken for gone, and does not hold the kill up for the grace period.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killTree, signal } from '../../src/shell/kill-tree.js';
import { descendantsOf, isAlive } from '../../src/shell/proc.js';
import { ensureBuilt, ROOT } from './harness.js';

beforeAll(() => ensureBuilt(), 60000);

// The compiled kill-tree module and what it imports, copied to a folder any user can read: the checkout may sit in a
// private (0700) folder, as a clone into a home folder or `mktemp -d` does, where another user cannot load it.
function readableKillTree(): { module: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'doctest-kill-tree-'));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'package.json'), '{"type": "module"}\n', { mode: 0o644 });
  for (const file of ['kill-tree.js', 'proc.js']) {
    copyFileSync(join(ROOT, 'dist', 'shell', file), join(dir, file));
    chmodSync(join(dir, file), 0o644);
  }
  return { module: join(dir, 'kill-tree.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// A child that has exited and been reaped.
async function goneChild(): Promise<number> {
  const child = spawn('true');
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('signal and killTree', () => {
  test('a process that has already exited is gone, not an error', async () => {
    expect(signal(await goneChild(), 'SIGTERM')).toBe('gone');
  });

  test('a tree of the runner\'s own processes is ended, nothing denied', async () => {
    const child = spawn('bash', ['-c', 'sleep 1000 & sleep 1001; wait'], { stdio: 'ignore' });
    // Both sleeps started (a loaded machine may take longer than any fixed wait to start them).
    for (const deadline = Date.now() + 30000; descendantsOf([child.pid!]).length < 2 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    const result = await killTree([child.pid!], 500);
    expect(result.denied).toEqual([]);
    expect(result.signalled.length).toBeGreaterThanOrEqual(3);
    expect(result.signalled.filter(isAlive)).toEqual([]);
  });

  test('a process of another user is denied (EPERM), still running, and does not hold the kill up', () => {
    if (process.getuid?.() !== 0) {
      // Not root: pid 1 belongs to another user.
      expect(signal(1, 'SIGCONT')).toBe('denied');
      return;
    }
    let runuser = '';
    try {
      runuser = execFileSync('sh', ['-c', 'command -v runuser'], { encoding: 'utf8' }).trim();
    } catch {
      console.log('skipped: root without runuser cannot act as another user here');
      return;
    }
    const victim = spawn('sleep', ['1000'], { stdio: 'ignore' });
    const readable = readableKillTree();
    try {
      const script = `import { signal, killTree } from ${JSON.stringify(readable.module)};
        const started = Date.now();
        const result = await killTree([${victim.pid}], 5000);
        console.log(JSON.stringify({ once: signal(${victim.pid}, 'SIGTERM'), denied: result.denied, ms: Date.now() - started }));`;
      const out = JSON.parse(execFileSync(runuser, ['-u', 'nobody', '--', process.execPath, '--input-type=module', '-e', script], { encoding: 'utf8' }));
      expect(out.once).toBe('denied');
      expect(out.denied).toEqual([victim.pid]);
      // Not the 5 s grace: nothing it could kill was waited for.
      expect(out.ms).toBeLessThan(4000);
      expect(isAlive(victim.pid!)).toBe(true);
    } finally {
      victim.kill('SIGKILL');
      readable.remove();
    }
  });
});
