// The real CLI with its temporary folder (TMPDIR) on a disk that fills up: a step whose output does not fit fails and
// says so, rather than passing on what was cut short. Needs root to mount a small tmpfs; skipped with the reason otherwise.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { writeTree } from '../istio/script-site.js';
import { ensureBuilt, fakeCluster, readEvents, ROOT, runCli } from './harness.js';

const site = mkdtempSync(join(tmpdir(), 'doctest-full-disk-'));
const disk = join(site, 'tiny');
// Whether a 1 MB tmpfs could be mounted (root in a container that allows it).
let mounted = false;

beforeAll(() => {
  ensureBuilt();
  mkdirSync(disk);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk], { stdio: 'pipe' });
    mounted = true;
  } catch (error) {
    process.stdout.write(`cli-full-disk: skipped, cannot mount a tmpfs (${(error as Error).message.split('\n')[0]})\n`);
  }
}, 60000);

afterAll(() => {
  if (mounted) execFileSync('umount', [disk]);
  rmSync(site, { recursive: true, force: true });
});

const page = `---
title: Big
test: yes
---
## Big {#big}

{{< text bash >}}
$ head -c 5000000 /dev/zero | tr '\\0' 'x'; echo
{{< /text >}}

## Small {#small}

{{< text bash >}}
$ echo small
small
{{< /text >}}
`;

describe('istio-doctest run when the disk under TMPDIR fills up', () => {
  test('a step whose output filled the disk fails, saying the disk was full; the next steps run as usual', async () => {
    if (!mounted) return;
    writeTree(site, { 'content/en/docs/big/index.md': page });
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const file = relative(ROOT, join(site, 'content/en/docs/big/index.md'));
    const { code, stdout } = await runCli(['run', '--keep-going', '--json', json, file], { ...cluster.env, TMPDIR: disk });
    expect(code).toBe(1);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((s) => [s.id, s.status])).toEqual([['snip_big_1', 'failed'], ['snip_small_1', 'passed']]);
    expect(steps[0].message).toMatch(/the disk holding .*tiny.* was full after this step \(no space left\)/);
    expect(stdout).toContain('set TMPDIR to a larger folder');
  }, 120000);

  test('a test script\'s statement that filled the disk fails rather than passing on its exit code (scripts run without pipefail)', async () => {
    if (!mounted) return;
    writeTree(site, {
      'content/en/docs/big/index.md': page,
      'content/en/docs/big/test.sh': '# @setup profile=none\nsnip_big_1\n_verify_same snip_small_1 "small"\n# @cleanup\n',
      'tests/util/verify.sh': '', 'tests/util/debug.sh': '', 'tests/util/helpers.sh': '',
    });
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const file = relative(ROOT, join(site, 'content/en/docs/big/index.md'));
    const { code, stderr } = await runCli(['run', '--keep-going', '--json', json, file], { ...cluster.env, TMPDIR: disk });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((s) => [s.id, s.status])).toEqual([['snip_big_1', 'failed'], ['snip_small_1', 'passed']]);
    expect(steps[0].message).toMatch(/^the disk holding .*tiny.* was full after this step/);
  }, 120000);
});
