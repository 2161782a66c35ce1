// Page text is data: an `ENDSNIP` line in a translation's expected output (or in a YAML block) must not end the
// generated heredoc, where the lines after it would run as code when the snippets are sourced; `check` flags it.
// Through the real CLI: `extract --format snips` sourced by bash, and `run` of a page with an istio.io test script.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, ROOT, runCli } from '../run/harness.js';
import { writeTree } from './script-site.js';

beforeAll(() => ensureBuilt(), 120000);

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

// A page whose expected output has an ENDSNIP line followed by a command that leaves a mark, as does its YAML block.
const page = (marks: string) => `---
title: Demo
test: yes
---
## Greet {#greet}

{{< text bash >}}
$ echo "hello"
hello
ENDSNIP
touch ${marks}/output-ran
{{< /text >}}

{{< text yaml >}}
kind: ConfigMap
ENDSNIP
touch ${marks}/yaml-ran
{{< /text >}}
`;

function site(marks: string, script?: string): { root: string; page: string } {
  const root = mkdtempSync(join(tmpdir(), 'doctest-snip-delimiter-'));
  roots.push(root);
  writeTree(root, {
    'content/en/docs/demo/index.md': page(marks),
    ...(script ? { 'content/en/docs/demo/test.sh': script, 'tests/util/verify.sh': '', 'tests/util/helpers.sh': '', 'tests/util/debug.sh': '' } : {}),
  });
  return { root, page: relative(ROOT, join(root, 'content/en/docs/demo/index.md')) };
}

describe('the heredoc delimiter of generated snippets', () => {
  test('extract --format snips: sourcing runs none of the page text, and the outputs keep their ENDSNIP line', async () => {
    const marks = mkdtempSync(join(tmpdir(), 'doctest-marks-'));
    roots.push(marks);
    const s = site(marks);
    const { code, stdout } = await runCli(['extract', '--format', 'snips', s.page], {});
    expect(code).toBe(0);
    const snips = join(marks, 'snips.sh');
    writeFileSync(snips, stdout);
    const out = execFileSync('bash', ['-c', `source "$1" && printf '%s\\n---\\n%s\\n' "$snip_greet_1_out" "$snip_greet_2"`, 'x', snips], { encoding: 'utf8' });
    expect(existsSync(join(marks, 'output-ran'))).toBe(false);
    expect(existsSync(join(marks, 'yaml-ran'))).toBe(false);
    expect(out).toBe(`hello\nENDSNIP\ntouch ${marks}/output-ran\n---\nkind: ConfigMap\nENDSNIP\ntouch ${marks}/yaml-ran\n`);
    expect(stdout).toContain("read -r -d '' snip_greet_1_out <<\\ENDSNIP_1\n");
  });

  test('check flags each ENDSNIP line of a block with snip-delimiter', async () => {
    const s = site('/nowhere');
    const { code, stdout } = await runCli(['check', s.page], {});
    expect(stdout).toContain(`${s.page}:10:1 error this line is \`ENDSNIP\``);
    expect(stdout).toContain(`${s.page}:16:1 error this line is \`ENDSNIP\``);
    expect(stdout).toContain('[snip-delimiter]');
    expect(code).toBe(1);
  });

  test('run of a page with a test script: the snippets the runner sources run none of the page text', async () => {
    const cluster = fakeCluster();
    const marks = cluster.env.DOCTEST_MARKS;
    const s = site(marks, '#!/usr/bin/env bash\n# @setup profile=none\nset -e\n_verify_contains snip_greet_1 "hello"\n# @cleanup\n');
    const json = join(cluster.dir, 'events.jsonl');
    await runCli(['run', '--json', json, s.page], { ...cluster.env, VERIFY_TIMEOUT: '1' });
    expect(readEvents(json).filter((e) => e.type === 'step').map((e) => [e.id, e.status])).toContainEqual(['snip_greet_1', 'passed']);
    expect(existsSync(join(marks, 'output-ran'))).toBe(false);
    expect(existsSync(join(marks, 'yaml-ran'))).toBe(false);
  }, 120000);
});
