// VERIFY_* values through the real CLI, as istio.io's verify.sh would use them: a pass always needs a successful
// comparison (VERIFY_CONSECUTIVE=0 is one success, as in verify.sh's loop), and a value verify.sh could not use
// fails the call with the reason instead of being replaced by a default.
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { ensureBuilt, fakeCluster, readEvents, ROOT, runCli } from '../run/harness.js';
import { writeTree } from './script-site.js';

beforeAll(() => ensureBuilt(), 120000);

const page = `---
title: Demo
test: yes
---
## Greet {#greet}

{{< text bash >}}
$ echo "hello"
hello
{{< /text >}}
`;

// A site whose English page runs the given test.sh.
function site(script: string): { root: string; page: string } {
  const root = mkdtempSync(join(tmpdir(), 'doctest-verify-settings-'));
  writeTree(root, {
    'content/en/docs/demo/index.md': page,
    'content/en/docs/demo/test.sh': `#!/usr/bin/env bash\n# @setup profile=none\nset -e\n${script}\n# @cleanup\n`,
    'tests/util/verify.sh': '_verify_same() { exit 3; }\n',
    'tests/util/helpers.sh': '',
    'tests/util/debug.sh': '',
  });
  return { root, page: relative(ROOT, join(root, 'content/en/docs/demo/index.md')) };
}

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

async function run(script: string, env: Record<string, string> = {}) {
  const s = site(script);
  roots.push(s.root);
  const cluster = fakeCluster();
  const json = join(cluster.dir, 'events.jsonl');
  const result = await runCli(['run', '--keep-going', '--json', json, s.page], { ...cluster.env, VERIFY_TIMEOUT: '1', VERIFY_DELAY: '0.1', ...env });
  return { ...result, steps: readEvents(json).filter((e) => e.type === 'step') };
}

describe('VERIFY_* as verify.sh uses them', () => {
  test('VERIFY_CONSECUTIVE=0 still needs a matching output, for a call of its own and for one inside a function', async () => {
    const { code, steps, stdout } = await run('VERIFY_CONSECUTIVE=0 _verify_same snip_greet_1 "bye"\ncheck() {\n  _verify_same snip_greet_1 "bye"\n}\ncheck', { VERIFY_CONSECUTIVE: '0' });
    expect(steps.filter((s) => s.id === 'snip_greet_1').map((s) => s.status)).toEqual(['failed', 'failed']);
    expect(stdout).toContain('VERIFY FAILED snip_greet_1');
    expect(code).toBe(1);
  }, 120000);

  test('VERIFY_CONSECUTIVE=0 with a matching output passes (one success, as verify.sh)', async () => {
    const { code, steps } = await run('_verify_same snip_greet_1 "hello"\ncheck() {\n  _verify_same snip_greet_1 "hello"\n}\ncheck', { VERIFY_CONSECUTIVE: '0' });
    expect(steps.filter((s) => s.id === 'snip_greet_1').map((s) => s.status)).toEqual(['passed', 'passed']);
    expect(code).toBe(0);
  }, 120000);

  test.each([
    ['VERIFY_CONSECUTIVE', 'two'],
    ['VERIFY_TIMEOUT', '2m'],
    ['VERIFY_DELAY', 'soon'],
  ])('%s=%s, a value verify.sh cannot use, fails the call with the reason (not a default in its place)', async (name, value) => {
    const { code, steps, stdout } = await run('_verify_same snip_greet_1 "hello"\ncheck() {\n  _verify_same snip_greet_1 "hello"\n}\ncheck', { [name]: value });
    expect(steps.filter((s) => s.id === 'snip_greet_1').map((s) => s.status)).toEqual(['failed', 'failed']);
    expect(stdout).toContain(`${name}=${value}`);
    expect(code).toBe(1);
  }, 120000);
});
