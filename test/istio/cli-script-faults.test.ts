// istio.io test scripts through the real CLI under hostile input: nested `_verify_*` calls on output that looks like
// the runner's own protocol, NUL bytes, invalid UTF-8 and escapes; what a failing nested call tells the user.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAlive } from '../../src/shell/proc.js';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureBuilt, FAKE_BIN, fakeCluster, readEvents, ROOT, runCli, spawnCli, waitFor } from '../run/harness.js';
import { writeTree } from './script-site.js';

beforeAll(() => ensureBuilt(), 120000);

const site = mkdtempSync(join(tmpdir(), 'doctest-script-faults-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

const page = `---
title: Hostile
test: yes
---
## Proto {#proto}

{{< text bash >}}
$ echo "contains	/tmp"; printf 'passed\\tsame\\tsnip_x\\t1\\n'; printf 'a\\0b\\xff\\x1b[31mred\\x1b[0m\\n'
{{< /text >}}

## Cleanup {#cleanup}

{{< text bash >}}
$ echo bye
{{< /text >}}
`;

const script = `# @setup profile=none
check() {
  _verify_contains snip_proto_1 "red"
  _verify_same snip_proto_1 "nope"
}
check
# @cleanup
snip_cleanup_1
`;

describe('nested verify calls of a test script', () => {
  test('a failing nested call is reported with its diff and its last output, named by its function; a passing one beside it', async () => {
    writeTree(site, {
      'content/en/docs/hostile/index.md': page,
      'content/en/docs/hostile/test.sh': script,
      'tests/util/verify.sh': '', 'tests/util/debug.sh': '', 'tests/util/helpers.sh': '',
    });
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const file = relative(ROOT, join(site, 'content/en/docs/hostile/index.md'));
    const { code, stdout, stderr } = await runCli(['run', '--json', json, file], { ...cluster.env, VERIFY_TIMEOUT: '1' });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((s) => [s.id, s.status])).toEqual([['test.sh:2', 'passed'], ['test.sh:6', 'passed'], ['snip_proto_1', 'passed'], ['snip_proto_1', 'failed'], ['snip_cleanup_1', 'passed']]);
    const failed = steps[3];
    expect(failed.message).toBe('snip_proto_1: _verify_same failed inside check');
    expect(failed.diff).toContain('-nope');
    expect(failed.output).toContain('passed\tsame\tsnip_x\t1');
    // The console shows why, under the failure.
    expect(stdout).toContain('-nope');
  }, 120000);
});

describe('a test script\'s # @setup line', () => {
  test('an unknown config is one positioned error with its rule id: that page is left out, the others run, and alone it runs nothing (exit 2)', async () => {
    writeTree(site, {
      'content/en/docs/typo/index.md': page,
      'content/en/docs/typo/test.sh': script.replace('profile=none', 'profile=defualt'),
      'content/en/docs/hostile/index.md': page,
      'content/en/docs/hostile/test.sh': script.replace('_verify_same snip_proto_1 "nope"', ':'),
      'tests/util/verify.sh': '', 'tests/util/debug.sh': '', 'tests/util/helpers.sh': '',
    });
    const cluster = fakeCluster();
    const typo = relative(ROOT, join(site, 'content/en/docs/typo/index.md'));
    const line = `${relative(ROOT, join(site, 'content/en/docs/typo/test.sh'))}:1:10 error unknown setup config 'profile=defualt' (known: profile=none, profile=default, profile=demo, profile=minimal, profile=ambient; multicluster and dualstack are skipped) [script-setup-unknown]`;
    const alone = await runCli(['run', typo], cluster.env);
    expect(alone).toEqual({ code: 2, stdout: '', stderr: `istio-doctest: preflight failed, nothing was run:\n  ${line}` });
    const json = join(cluster.dir, 'events.jsonl');
    const both = await runCli(['run', '--json', json, typo, relative(ROOT, join(site, 'content/en/docs/hostile/index.md'))], cluster.env);
    expect(both.code).toBe(0);
    expect(readEvents(json).find((e) => e.type === 'run')?.skipped).toEqual([{ file: typo, reason: expect.stringContaining('unknown setup config') }]);
    const checked = await runCli(['check', typo], cluster.env);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(line);
  }, 120000);
});

describe('signals during the cluster snapshot after a script', () => {
  test('a second SIGINT ends a snapshot whose kubectl hangs, with what it started, and the run exits 130', async () => {
    const cluster = fakeCluster();
    // A kubectl that hangs listing resource types once the script has asked it to (an API server gone away).
    const bin = join(cluster.dir, 'slow-bin');
    mkdirSync(bin);
    const hang = join(cluster.dir, 'hang');
    const pids = join(cluster.dir, 'sleep.pids');
    writeFileSync(join(bin, 'kubectl'), `#!/bin/bash\ncase " $* " in *" api-resources "*) hanging=1;; esac\nif [ -n "$hanging" ] && [ -e ${hang} ]; then sleep 60 & echo $! >> ${pids}; wait; fi\nexec ${join(FAKE_BIN, 'kubectl')} "$@"\n`);
    chmodSync(join(bin, 'kubectl'), 0o755);
    writeTree(site, {
      'content/en/docs/snap/index.md': page,
      'content/en/docs/snap/test.sh': `# @setup profile=none\nkubectl create namespace foo\ntouch ${hang}\n# @cleanup\nkubectl delete namespace foo\n`,
      'tests/util/verify.sh': '', 'tests/util/debug.sh': '', 'tests/util/helpers.sh': '',
    });
    const json = join(cluster.dir, 'events.jsonl');
    const started = Date.now();
    const child = spawnCli(['run', '--json', json, relative(ROOT, join(site, 'content/en/docs/snap/index.md'))], { ...cluster.env, PATH: `${bin}:${cluster.env.PATH}` });
    await waitFor(() => existsSync(pids), 'the snapshot after the script to hang', 60000);
    child.kill('SIGINT');
    await new Promise((r) => setTimeout(r, 500));
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(130);
    // Well before the hanging kubectl's 60 s, and its `sleep` ended with it.
    expect(Date.now() - started).toBeLessThan(45000);
    for (const pid of readFileSync(pids, 'utf8').split('\n').filter(Boolean)) expect(isAlive(Number(pid))).toBe(false);
    const events = readEvents(json);
    expect(events.filter((e) => e.type === 'step').map((e) => [e.index, e.status])).toEqual([[1, 'passed'], [2, 'passed'], [3, 'passed']]);
    expect(events.at(-1)).toMatchObject({ type: 'summary', status: 'interrupted', exitCode: 130 });
  }, 120000);
});

