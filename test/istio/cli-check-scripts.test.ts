// `check` reports an istio.io test script that `run` could not run (no @setup, two @cleanup, bash syntax) at its line,
// without a cluster, and says nothing about scripts that are fine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureBuilt, ROOT, runCli } from '../run/harness.js';
import { writeTree } from './script-site.js';

beforeAll(() => ensureBuilt(), 120000);

const page = `---
title: Demo
test: yes
---
## Step {#step}

{{< text bash >}}
$ echo hello
hello
{{< /text >}}
`;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'doctest-check-scripts-'));
  const files: Record<string, string> = {
    'content/en/docs/good/index.md': page,
    'content/en/docs/good/test.sh': '# @setup profile=none\nsnip_step_1\n# @cleanup\necho done\n',
    'content/en/docs/nosetup/index.md': page,
    'content/en/docs/nosetup/test.sh': 'snip_step_1\n# @cleanup\n',
    'content/en/docs/twice/index.md': page,
    'content/en/docs/twice/test.sh': '# @setup profile=none\nsnip_step_1\n# @cleanup\necho a\n# @cleanup\n',
    'content/en/docs/syntax/index.md': page,
    'content/en/docs/syntax/test.sh': '# @setup profile=none\nsnip_step_1\n# @cleanup\nif then fi (\n',
    'content/en/docs/multi/test.sh': '# @setup profile=none\nfor x in; do\n# @cleanup\n',
  };
  writeTree(root, files);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rel = (path: string) => relative(ROOT, join(root, path));

describe('check with istio.io test scripts', () => {
  test('a script run could not run is an error at its line, in the cleanup part and in a folder test too; good scripts say nothing', async () => {
    const { code, stdout } = await runCli(['check', '--no-drift', rel('content/en')], {});
    const problems = stdout.split('\n').filter((line) => / error .*\[script-/.test(line));
    expect(problems).toEqual([
      `  ${rel('content/en/docs/multi/test.sh')}:2:11 error bash cannot parse this script: "do" must be followed by a statement list [script-syntax]`,
      `  ${rel('content/en/docs/nosetup/test.sh')}:1:1 error a test script needs exactly one '# @setup CONFIG' line before '# @cleanup' (e.g. '# @setup profile=default'); found none [script-setup]`,
      `  ${rel('content/en/docs/syntax/test.sh')}:4:1 error bash cannot parse this script: "if" must be followed by a statement list [script-syntax]`,
      `  ${rel('content/en/docs/twice/test.sh')}:5:1 error a test script needs exactly one '# @cleanup' line separating the test from its cleanup; found 2, on lines 3, 5 [script-cleanup-separator]`,
    ]);
    expect(stdout).not.toContain(`${rel('content/en/docs/good/test.sh')}  test script`);
    expect(stdout).toMatch(/: 4 errors, 0 warnings$/);
    expect(code).toBe(1);
  }, 60000);

  test('--json lists every script checked with its diagnostics', async () => {
    const { stdout } = await runCli(['check', '--json', '--no-drift', rel('content/en/docs/good'), rel('content/en/docs/twice')], {});
    const doc = JSON.parse(stdout);
    expect(doc.scripts.map((s: { file: string; diagnostics: { ruleId: string }[] }) => [s.file, s.diagnostics.map((d) => d.ruleId)])).toEqual([
      [rel('content/en/docs/good/test.sh'), []],
      [rel('content/en/docs/twice/test.sh'), ['script-cleanup-separator']],
    ]);
    expect(doc.summary.errors).toBe(1);
  }, 60000);
});
