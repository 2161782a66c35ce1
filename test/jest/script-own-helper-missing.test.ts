// A helper file only one script sources (its page's common.sh) keeps that script from running, as in `run`; the
// other pages run. Helpers every script sources (tests/util/verify.sh...) still fail every test file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureBuilt, fakeCluster, ISTIO_DIR } from '../run/harness.js';
import { fixtureConfig, runJest, type JestRun } from './harness.js';

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
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(site, path)), { recursive: true });
    writeFileSync(join(site, path), text);
  }
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

// `status title` of the tests of a test file, by the end of its path.
function testsOf(run: JestRun, end: string): string[] {
  const file = run.report.testResults.find((r) => r.name.endsWith(end));
  return file ? file.assertionResults.map((a) => `${a.status} ${a.title}`) : [`no test file ${end}`];
}

test('a script whose own common.sh is missing is skipped with the reason, and the other page runs and passes', async () => {
  const cluster = fakeCluster();
  const config = fixtureConfig(cluster.dir, { istioDir: ISTIO_DIR, retryTimeout: '2s' }, undefined, [join(site, 'content')]);
  const run = await runJest(['--config', config], cluster.env, cluster.dir, 200000);
  expect(testsOf(run, 'whole/index.md')).toEqual(['passed 8 snip_say_1: echo whole', 'passed 4 test.sh:4: true']);
  expect(testsOf(run, 'lacks/index.md')).toEqual([
    'pending 2 test.sh:2: source "content/en/docs/lacks/common.sh"',
    'pending 8 snip_say_1: echo lacking',
    'pending 2 test.sh:2: source "content/en/docs/lacks/common.sh"',
    'pending 5 test.sh:5: true',
  ]);
  expect(run.stderr).toMatch(/^istio-doctest: skipped \S*content\/en\/docs\/lacks\/index\.md: preflight: \S*content\/en\/docs\/lacks\/test\.sh needs content\/en\/docs\/lacks\/common\.sh, which is not in the istio\.io checkout \S+ \(give one with globals\.doctest\.repoRoot or ISTIO_DOCTEST_REPO_ROOT\)$/m);
  expect(run.stderr).not.toContain('nothing was run');
  expect(run.code).toBe(0);
}, 240000);
