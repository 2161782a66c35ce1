// Only regular files are read as pages or option files: a page path that is a symlink to /dev/zero (git stores
// symlinks; CI passes changed paths), a FIFO page, `--vars /dev/zero`, `report --runs FIFO` and `match --actual`
// on a FIFO are refused at once (`file-unreadable` for a page, a usage error for an option file); nothing blocks.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from '../run/harness.js';

beforeAll(() => ensureBuilt(), 120000);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// A site with a page that is a symlink to /dev/zero, a FIFO page, and a regular page; a FIFO beside them.
function site(): { root: string; zero: string; fifo: string; fine: string; spare: string } {
  const root = mkdtempSync(join(tmpdir(), 'doctest-regular-'));
  dirs.push(root);
  const docs = join(root, 'content', 'en', 'docs');
  for (const name of ['zero', 'fifo', 'fine']) mkdirSync(join(docs, name), { recursive: true });
  symlinkSync('/dev/zero', join(docs, 'zero', 'index.md'));
  execFileSync('mkfifo', [join(docs, 'fifo', 'index.md'), join(root, 'spare.fifo')]);
  writeFileSync(join(docs, 'fine', 'index.md'), '---\ntitle: Fine\ntest: yes\n---\n\n## Steps\n\n{{< text bash >}}\n$ echo hi\nhi\n{{< /text >}}\n');
  return { root, zero: join(docs, 'zero', 'index.md'), fifo: join(docs, 'fifo', 'index.md'), fine: join(docs, 'fine', 'index.md'), spare: join(root, 'spare.fifo') };
}

describe('only regular files are read', () => {
  test('check of a page that is a symlink to /dev/zero and of a FIFO page: file-unreadable each, the other page checked', async () => {
    const s = site();
    const result = await runCli(['check', s.zero, s.fifo, s.fine], {}, 60000);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/docs\/zero\/index\.md:1:1 error cannot read the file: not a regular file \(a character device\) \[file-unreadable\]/);
    expect(result.stdout).toMatch(/docs\/fifo\/index\.md:1:1 error cannot read the file: not a regular file \(a FIFO\) \[file-unreadable\]/);
    expect(result.stdout).toMatch(/3 pages, 1 block, 1 command: 2 errors/);
  }, 70000);

  test('run --dry-run and extract of the same pages go on with the regular one', async () => {
    const s = site();
    const dry = await runCli(['run', '--dry-run', s.zero, s.fifo, s.fine], {}, 60000);
    expect(dry.stdout).toMatch(/skipped .*docs\/zero\/index\.md: cannot read the file: not a regular file \(a character device\)\n/);
    expect(dry.stdout).toMatch(/skipped .*docs\/fifo\/index\.md: cannot read the file: not a regular file \(a FIFO\)\n/);
    expect(dry.stdout).toMatch(/1 page would run, 1 step/);
    const extract = await runCli(['extract', s.zero, s.fifo, s.fine], {}, 60000);
    expect(JSON.parse(extract.stdout).pages).toHaveLength(3);
  }, 70000);

  test('--vars /dev/zero, report --runs FIFO and match --actual FIFO are usage errors naming what the file is', async () => {
    const s = site();
    const vars = await runCli(['check', '--vars', '/dev/zero', s.fine], {}, 60000);
    expect(vars.code).toBe(2);
    expect(vars.stderr).toMatch(/^istio-doctest: --vars: cannot read vars file \/dev\/zero: not a regular file \(a character device\)\n/);
    const report = await runCli(['report', '--runs', s.spare, '--html', join(s.root, 'out.html'), s.fine], {}, 60000);
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/^istio-doctest: --runs .*spare\.fifo: cannot read it \(not a regular file \(a FIFO\)\)\n/);
    const match = await runCli(['match', '--expected', s.fine, '--actual', s.spare], {}, 60000);
    expect(match.code).toBe(2);
    expect(match.stderr).toMatch(/cannot read --actual .*spare\.fifo: not a regular file \(a FIFO\)$/);
  }, 70000);
});
