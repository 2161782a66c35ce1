// A helper file only one script sources (its page's common.sh) keeps that script from running, as in `run`; the
// other pages run. Helpers every script sources (tests/util/verify.sh...) still fail every test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, ISTIO_DIR } from '../run/harness.js';
import { fixtureConfig, runJest, testsOfFile } from './harness.js';
import { writeTree } from '../istio/script-site.js';

beforeAll(() => ensureBuilt(), 120000);

const page = (title: string, word: string) => `---
title: ${title}
test: yes
---
## Say {#say}

{{< text bash >}}
$ echo ${word}
${word}
{{< /text >}}
`;

let site: string;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'doctest-jest-own-helper-'));
  const files: Record<string, string> = {
    'content/en/docs/lacks/index.md': page('Lacks', 'lacking'),
    'content/en/docs/lacks/test.sh': '# @setup profile=none\nsource "content/en/docs/lacks/common.sh"\n_verify_same snip_say_1 "$snip_say_1_out"\n# @cleanup\ntrue\n',
    'content/en/docs/whole/index.md': page('Whole', 'whole'),
    'content/en/docs/whole/test.sh': '# @setup profile=none\n_verify_same snip_say_1 "$snip_say_1_out"\n# @cleanup\ntrue\n',
    'tests/util/verify.sh': '',
    'tests/util/debug.sh': '',
    'tests/util/helpers.sh': '',
  };
  writeTree(site, files);
});
afterAll(() => rmSync(site, { recursive: true, force: true }));


test('a script whose own common.sh is missing is skipped with the reason, and the other page runs and passes', async () => {
  const cluster = fakeCluster();
  const config = fixtureConfig(cluster.dir, { istioDir: ISTIO_DIR, retryTimeout: '2s' }, undefined, [join(site, 'content')]);
  const run = await runJest(['--config', config], cluster.env, cluster.dir, 200000);
  expect(testsOfFile(run, 'whole/index.md')).toEqual(['passed 8 snip_say_1: echo whole', 'passed 4 test.sh:4: true']);
  expect(testsOfFile(run, 'lacks/index.md')).toEqual([
    'pending 2 test.sh:2: source "content/en/docs/lacks/common.sh"',
    'pending 8 snip_say_1: echo lacking',
    'pending 2 test.sh:2: source "content/en/docs/lacks/common.sh"',
    'pending 5 test.sh:5: true',
  ]);
  expect(run.stderr).toMatch(/^istio-doctest: skipped \S*content\/en\/docs\/lacks\/index\.md: preflight: \S*content\/en\/docs\/lacks\/test\.sh needs content\/en\/docs\/lacks\/common\.sh, which is not in the istio\.io checkout \S+ \(give one with globals\.doctest\.repoRoot or ISTIO_DOCTEST_REPO_ROOT\)$/m);
  expect(run.stderr).not.toContain('nothing was run');
  expect(run.code).toBe(0);
}, 240000);

test('pages calling a program PATH lacks are skipped with one line for the program, not one per page', async () => {
  const root = mkdtempSync(join(tmpdir(), 'doctest-jest-program-'));
  const call = (title: string) => `---\ntitle: ${title}\ntest: yes\n---\n## Log in {#login}\n\n{{< text bash >}}\n$ ibmcloud login --sso\n{{< /text >}}\n`;
  writeTree(root, { 'content/en/docs/one/index.md': call('One'), 'content/en/docs/two/index.md': call('Two'), 'content/en/docs/fine/index.md': page('Fine', 'fine') });
  try {
    const cluster = fakeCluster();
    const config = fixtureConfig(cluster.dir, { istioDir: ISTIO_DIR, retryTimeout: '2s' }, undefined, [join(root, 'content')]);
    const run = await runJest(['--config', config], cluster.env, cluster.dir, 200000);
    expect(testsOfFile(run, 'fine/index.md')).toEqual(['passed 8 snip_say_1: echo fine']);
    expect(testsOfFile(run, 'one/index.md')).toEqual(['pending 8 snip_log_in_1: ibmcloud login --sso']);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('istio-doctest:'));
    expect(lines).toEqual([expect.stringMatching(/^istio-doctest: ibmcloud is not on PATH: the 2 pages that call it are skipped \(first called at \S*content\/en\/docs\/(one|two)\/index\.md:8\); install ibmcloud or put it on PATH$/)]);
    expect(run.code).toBe(0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}, 240000);
