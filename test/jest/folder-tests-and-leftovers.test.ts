// The Jest runner gives run's two guarantees around istio.io-style tests: a page plan that leaves objects in the
// cluster fails with a `snapshot` test (unless `snapshot: false`), as a script does; and a folder test (a `*test.sh`
// with no index.md beside it, driving sub-pages) is a Jest test file of its own when testMatch selects it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, ISTIO_DIR } from '../run/harness.js';
import { fixtureConfig, runJest, type JestRun, testsOfFile } from './harness.js';
import { writeTree } from '../istio/script-site.js';

beforeAll(() => ensureBuilt(), 120000);

// The leftover step's test name, the same for every page and script (its command cut to the width of a test name).
const SNAPSHOT_TEST = 'snapshot: kubectl get namespaces; kubectl get <Kubernetes, Istio and Gateway API resources> -n default|istio-…';

// A page whose plan creates a namespace and never deletes it.
const leaky = `---
title: Leaky
test: yes
---
## Make {#make}

{{< text bash >}}
$ kubectl create namespace leaky
namespace/leaky created
{{< /text >}}
`;

// The same, cleaned up by its last block.
const tidy = `---
title: Tidy
test: yes
---
## Make {#make}

{{< text bash >}}
$ kubectl create namespace tidy
namespace/tidy created
{{< /text >}}

## Cleanup {#cleanup}

{{< text bash >}}
$ kubectl delete namespace tidy
namespace "tidy" deleted
{{< /text >}}
`;

// Two sub-pages of a tour, driven by one test.sh in their parent folder, which has no index.md.
const tourOne = `---
title: Tour one
test: no
---
## Start {#start}

{{< text bash >}}
$ echo "first stop"
first stop
{{< /text >}}
`;

const tourTwo = `---
title: Tour two
test: no
---
## Go on {#go-on}

{{< text bash >}}
$ kubectl create namespace tour
namespace/tour created
{{< /text >}}

{{< text bash >}}
$ printf 'second\\nstop\\n'
second
stop
third
{{< /text >}}
`;

// The second verify fails (the output has no "third"); the namespace is left behind.
const tourTest = `# @setup profile=none
source "content/en/docs/tour/one/snips.sh"
source "content/en/docs/tour/two/snips.sh"
_verify_same snip_start_1 "$snip_start_1_out"
snip_go_on_1
_verify_contains snip_go_on_2 "third"
# @cleanup
echo done
`;

const plain = `---
title: Plain
test: yes
---
## Say {#say}

{{< text bash >}}
$ echo plain
plain
{{< /text >}}
`;

let site: string;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'doctest-jest-folder-'));
  const files: Record<string, string> = {
    'content/en/docs/leaky/index.md': leaky,
    'content/en/docs/tidy/index.md': tidy,
    'content/en/docs/tour/one/index.md': tourOne,
    'content/en/docs/tour/two/index.md': tourTwo,
    'content/en/docs/tour/test.sh': tourTest,
    'content/en/docs/plain/index.md': plain,
    'content/en/docs/plain/test.sh': '# @setup profile=none\nsnip_say_1\n# @cleanup\n',
    // A folder test that cannot be split (no @setup, no @cleanup).
    'content/en/docs/broken/test.sh': 'echo hi\n',
    'tests/util/verify.sh': '',
    'tests/util/debug.sh': '',
    'tests/util/helpers.sh': '',
  };
  writeTree(site, files);
});
afterAll(() => rmSync(site, { recursive: true, force: true }));


// The failure message of the test whose title starts with `title`, in the test file ending with `end`.
function failureOf(run: JestRun, end: string, title: string): string {
  const file = run.report.testResults.find((r) => r.name.endsWith(end));
  return file?.assertionResults.find((a) => a.title.startsWith(title))?.failureMessages.join('\n') ?? `no test ${title} in ${end}`;
}

const runIn = async (doctest: Record<string, unknown>, env: Record<string, string> = {}, testMatch = ['**/index.md', '**/*test.sh'], args: string[] = []) => {
  const cluster = fakeCluster();
  const config = fixtureConfig(cluster.dir, { istioDir: ISTIO_DIR, retryTimeout: '2s', setup: 'keep', uncoveredPages: true, ...doctest }, undefined, [join(site, 'content')], testMatch);
  const run = await runJest(['--config', config, ...args], { ...cluster.env, VERIFY_TIMEOUT: '1', ...env }, cluster.dir, 200000);
  return { cluster, run };
};

describe('the Jest runner snapshots page plans and runs folder tests', () => {
  test('a page plan that leaves a namespace fails with a snapshot test after its steps, naming the leftover; a page that cleans up has no such test', async () => {
    const { run } = await runIn({}, {}, ['**/index.md']);
    expect(testsOfFile(run, 'leaky/index.md')).toEqual(['passed 8 snip_make_1: kubectl create namespace leaky', `failed 1 ${SNAPSHOT_TEST}`]);
    expect(failureOf(run, 'leaky/index.md', '1 snapshot')).toMatch(/^leftover: namespace leaky\n/);
    expect(testsOfFile(run, 'tidy/index.md')).toEqual(['passed 8 snip_make_1: kubectl create namespace tidy', 'passed 15 snip_cleanup_1: kubectl delete namespace tidy']);
    expect(run.stderr).toMatch(/Test Suites: 1 failed, 2 skipped, 2 passed, 3 of 5 total/);
    // As run says it: the pages no script covers that run their own page plan, once.
    expect(run.stderr).toMatch(/istio-doctest: globals\.doctest\.uncoveredPages: true: \d+ pages no istio\.io test script covers run its own page plan, which istio\.io's framework does not run\n/);
    expect(run.code).toBe(1);
  }, 240000);

  test('snapshot: false takes no snapshot, of page plans or of scripts, as run --no-snapshot', async () => {
    const { cluster, run } = await runIn({ snapshot: false });
    expect(testsOfFile(run, 'leaky/index.md')).toEqual(['passed 8 snip_make_1: kubectl create namespace leaky']);
    expect(testsOfFile(run, 'tour/test.sh').some((t) => t.includes('snapshot'))).toBe(false);
    expect(cluster.leftovers()).toContain('leaky');
  }, 240000);

  test('a test.sh with no index.md beside it is a test file of its own when testMatch selects it: its calls at their sub-pages\' lines, its leftovers a snapshot test', async () => {
    const { run } = await runIn({});
    expect(testsOfFile(run, 'tour/test.sh')).toEqual([
      'passed 2 test.sh:2: source "content/en/docs/tour/one/snips.sh"',
      'passed 3 test.sh:3: source "content/en/docs/tour/two/snips.sh"',
      'passed 8 snip_start_1: echo "first stop"',
      'passed 8 snip_go_on_1: kubectl create namespace tour',
      'failed 13 snip_go_on_2: printf \'second\\nstop\\n\'',
      'passed 2 test.sh:2: source "content/en/docs/tour/one/snips.sh"',
      'passed 3 test.sh:3: source "content/en/docs/tour/two/snips.sh"',
      'passed 8 test.sh:8: echo done',
      `failed 1 ${SNAPSHOT_TEST}`,
    ]);
    // The failure is framed in the sub-page the snippet is written in.
    const failure = failureOf(run, 'tour/test.sh', '13 snip_go_on_2');
    expect(failure).toContain('the output does not contain "third"');
    expect(failure).toContain(`\n    at ${join(site, 'content/en/docs/tour/two/index.md')}:13:1`);
    expect(failureOf(run, 'tour/test.sh', '1 snapshot')).toMatch(/^leftover: namespace tour\n/);
    // The sub-pages are test: no, as in istio.io: the folder test is what runs them.
    expect(testsOfFile(run, 'tour/one/index.md')).toEqual(['pending 8 snip_start_1: echo "first stop"']);
    // A script beside an index.md is that page's test: its own test file is skipped, saying so.
    expect(testsOfFile(run, 'plain/test.sh')).toEqual(['pending 0 (no steps): runs as the test of the index.md beside it']);
    expect(testsOfFile(run, 'plain/index.md')).toEqual(['passed 8 snip_say_1: echo plain']);
    expect(run.stderr).toContain('istio-doctest: 1 test script of this project skipped: runs as the test of the index.md beside it (1)');
    // A folder test that cannot be split is its own skipped test file, with the error at its line; the others run.
    expect(testsOfFile(run, 'broken/test.sh')).toEqual([expect.stringMatching(/^pending 0 \(no steps\): preflight: a test script needs exactly one '# @cleanup' line .* at \S*content\/en\/docs\/broken\/test\.sh:1$/)]);
    expect(run.code).toBe(1);
  }, 240000);

  test("in an istio.io checkout a sub-page runs inside the folder test that sources it, and a page no script covers only with uncoveredPages", async () => {
    const { run } = await runIn({ uncoveredPages: false }, {}, ['**/index.md']);
    expect(testsOfFile(run, 'leaky/index.md').every((t) => t.startsWith('pending '))).toBe(true);
    expect(run.stderr).toContain("no istio.io test script covers it, and istio.io's framework runs only its scripts (globals.doctest.uncoveredPages: true runs its page plan) (2)");
    expect(run.stderr).toMatch(/runs inside \S*content\/en\/docs\/tour\/test\.sh \(it sources this page's snippets\), not as a page of its own \(2\)/);
    expect(testsOfFile(run, 'plain/index.md')).toEqual(['passed 8 snip_say_1: echo plain']);
    expect(run.code).toBe(0);
  }, 240000);

  test('-t selects a folder test\'s steps by name; ISTIO_DOCTEST_SCRIPTS=off reports folder tests skipped', async () => {
    const named = await runIn({}, {}, ['**/tour/test.sh'], ['-t', 'snip_start_1']);
    expect(named.run.report.testResults.map((r) => r.name.replace(/^.*content\/en\/docs\//, ''))).toEqual(['tour/test.sh']);
    expect(testsOfFile(named.run, 'tour/test.sh').filter((t) => !t.startsWith('pending'))).toEqual(['passed 8 snip_start_1: echo "first stop"']);
    expect(named.run.code).toBe(0);

    const off = await runIn({}, { ISTIO_DOCTEST_SCRIPTS: 'off' });
    expect(testsOfFile(off.run, 'tour/test.sh')).toEqual(['pending 0 (no steps): a folder test, and globals.doctest.scripts: off']);
    expect(off.cluster.leftovers()).not.toContain('tour');
  }, 300000);
});
