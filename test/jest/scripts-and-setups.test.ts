// The Jest runner chooses how each page runs as `run` does: a page with an istio.io test.sh runs its script (each call
// a test at its markdown line), the others their page plan; pages grouped by setup config, the install and uninstall
// of a group their own test files; ISTIO_DOCTEST_SCRIPTS and ISTIO_DOCTEST_SETUP as `--scripts` and `--setup`.
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ensureBuilt, FAKE_BIN, fakeCluster, ISTIO_DIR, runsCommand, waitFor } from '../run/harness.js';
import { fixtureConfig, runJest, spawnJest, type JestRun, testsOfFile } from './harness.js';
import { writeTree } from '../istio/script-site.js';

beforeAll(() => ensureBuilt(), 120000);

const scripted = `---
title: Scripted
test: yes
---
## Greet {#greet}

{{< text bash >}}
$ echo "hello  world"
hello  world
{{< /text >}}

## Count {#count}

{{< text bash >}}
$ printf 'one\\ntwo\\n'
one
two
{{< /text >}}

## Cleanup {#cleanup}

{{< text bash >}}
$ echo bye
{{< /text >}}
`;

// The count verify fails: the output has no "three".
const scriptedTest = `# @setup profile=none
_verify_same snip_greet_1 "$snip_greet_1_out"
_verify_contains snip_count_1 "three"
# @cleanup
snip_cleanup_1
touch "$DOCTEST_MARKS/scripted-cleaned"
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

const meshed = `---
title: Meshed
test: yes
---
## Look {#look}

{{< text bash >}}
$ kubectl get deployments -n istio-system -o name
deployment/istiod
{{< /text >}}
`;

// A script that waits; its cleanup part leaves a mark.
const slowTest = `# @setup profile=none
snip_say_1
touch "$DOCTEST_MARKS/slow-started"
sleep 60
# @cleanup
touch "$DOCTEST_MARKS/slow-cleaned"
`;

const meshedTest = `# @setup profile=demo
_verify_contains snip_look_1 "deployment/istiod"
# @cleanup
`;

let site: string;
beforeAll(() => {
  site = mkdtempSync(join(tmpdir(), 'doctest-jest-scripts-'));
  const files: Record<string, string> = {
    'content/en/docs/scripted/index.md': scripted,
    'content/en/docs/scripted/test.sh': scriptedTest,
    'content/en/docs/plain/index.md': plain,
    'content/en/docs/meshed/index.md': meshed,
    'content/en/docs/meshed/test.sh': meshedTest,
    'tests/util/verify.sh': '_verify_same() { echo "istio.io verify.sh was called"; exit 3; }\n',
    'tests/util/debug.sh': '',
    'tests/util/helpers.sh': '',
    'slow/content/en/docs/slow/index.md': plain.replace('title: Plain', 'title: Slow'),
    'slow/content/en/docs/slow/test.sh': slowTest,
    'slow/tests/util/verify.sh': '',
    'slow/tests/util/debug.sh': '',
    'slow/tests/util/helpers.sh': '',
  };
  writeTree(site, files);
});
afterAll(() => rmSync(site, { recursive: true, force: true }));


// The test files Jest reported, by the end of their path after the site's content/en/docs/.
function filesOf(run: JestRun): string[] {
  return run.report.testResults.map((r) => r.name.replace(/^.*content\/en\/docs\//, ''));
}

const runIn = async (env: Record<string, string>, istioDir = ISTIO_DIR) => {
  const cluster = fakeCluster();
  const config = fixtureConfig(cluster.dir, { istioDir, retryTimeout: '2s', uncoveredPages: true }, undefined, [join(site, 'content')]);
  const run = await runJest(['--config', config], { ...cluster.env, VERIFY_TIMEOUT: '1', ...env }, cluster.dir, 200000);
  return { cluster, run };
};

describe('the Jest runner on istio.io test scripts and setup configs', () => {
  test('a page with a test.sh runs its script, each call a test at its markdown line; the others their page plan; a setup group\'s install and uninstall are tests of its first and last page', async () => {
    const { cluster, run } = await runIn({});
    expect(testsOfFile(run, 'scripted/index.md')).toEqual([
      'passed 8 snip_greet_1: echo "hello  world"',
      'failed 15 snip_count_1: printf \'one\\ntwo\\n\'',
      'passed 23 snip_cleanup_1: echo bye',
      'passed 6 test.sh:6: touch "$DOCTEST_MARKS/scripted-cleaned"',
    ]);
    const failure = run.report.testResults.flatMap((r) => r.assertionResults).find((a) => a.title.startsWith('15 snip_count_1'))!.failureMessages.join('\n');
    // The diff, then the call's command framed in the markdown, and the line Jest's GitHub reporter annotates.
    expect(failure).toContain('the output does not contain "three"');
    expect(failure).toContain(`content/en/docs/scripted/index.md:15\n  13 |\n  14 | {{< text bash >}}\n> 15 | $ printf 'one\\ntwo\\n'`);
    expect(failure).toContain(`\n    at ${join(site, 'content/en/docs/scripted/index.md')}:15:1`);
    expect(run.stdout + run.stderr).not.toContain('istio.io verify.sh was called');
    expect(existsSync(join(cluster.env.DOCTEST_MARKS, 'scripted-cleaned'))).toBe(true);
    expect(testsOfFile(run, 'plain/index.md')).toEqual(['passed 8 snip_say_1: echo plain']);
    // profile=none first, then the demo group: its install steps are tests of its first page, its uninstall of its last.
    expect(filesOf(run)).toEqual(['scripted/index.md', 'plain/index.md', 'meshed/index.md']);
    expect(testsOfFile(run, 'meshed/index.md')).toEqual([
      expect.stringMatching(/^passed 1 setup:profile=demo: \S*istioctl install --set profile=demo /),
      'passed 2 setup:profile=demo: kubectl rollout status deployment/istiod -n istio-system --timeout=300s --context kind-doctest',
      'passed 8 snip_look_1: kubectl get deployments -n istio-system -o name',
      expect.stringMatching(/^passed 1 teardown:profile=demo: \S*istioctl uninstall --purge -y --context kind-doctest$/),
      'passed 2 teardown:profile=demo: kubectl delete namespace istio-system --ignore-not-found --context kind-doctest',
    ]);
    expect(run.stderr).toMatch(/Test Suites: 1 failed, 2 passed, 3 total/);
    expect(run.code).toBe(1);
    expect(cluster.leftovers()).toBe('');
  }, 240000);

  test('ISTIO_DOCTEST_SCRIPTS=off runs the page plan instead; ISTIO_DOCTEST_SETUP=keep installs nothing; only=CONFIG runs that config\'s pages', async () => {
    const off = await runIn({ ISTIO_DOCTEST_SCRIPTS: 'off', ISTIO_DOCTEST_SETUP: 'keep' });
    expect(testsOfFile(off.run, 'scripted/index.md')).toEqual([
      'passed 8 snip_greet_1: echo "hello  world"',
      'passed 15 snip_count_1: printf \'one\\ntwo\\n\'',
      'passed 23 snip_cleanup_1: echo bye',
    ]);
    expect(filesOf(off.run).sort()).toEqual(['meshed/index.md', 'plain/index.md', 'scripted/index.md']);
    // No Istio installed: the meshed page's page plan fails at its line.
    expect(testsOfFile(off.run, 'meshed/index.md')).toEqual(['failed 8 snip_look_1: kubectl get deployments -n istio-system -o name']);

    const only = await runIn({ ISTIO_DOCTEST_SETUP: 'only=profile=demo' });
    expect(testsOfFile(only.run, 'meshed/index.md').map((t) => t.split(':')[0])).toEqual(['passed 1 setup', 'passed 2 setup', 'passed 8 snip_look_1', 'passed 1 teardown', 'passed 2 teardown']);
    expect(testsOfFile(only.run, 'plain/index.md')).toEqual(['pending 8 snip_say_1: echo plain']);
    expect(only.run.stderr).toContain('setup profile=none, not profile=demo (globals.doctest.setup: only=profile=demo)');
    expect(only.run.code).toBe(0);
    expect(only.cluster.leftovers()).toBe('');
  }, 300000);

  test('a failed install fails the group\'s first page at its setup step, and its steps are reported skipped with the reason', async () => {
    // An Istio release whose istioctl fails: setup uses the release's bin/istioctl.
    const release = mkdtempSync(join(tmpdir(), 'doctest-jest-release-'));
    mkdirSync(join(release, 'bin'));
    writeFileSync(join(release, 'bin', 'istioctl'), '#!/bin/sh\necho "Error: no cluster for you" >&2\nexit 1\n', { mode: 0o755 });
    try {
      const { run } = await runIn({ ISTIO_DOCTEST_SETUP: 'only=profile=demo' }, release);
      expect(testsOfFile(run, 'meshed/index.md').map((t) => t.split(':')[0])).toEqual(['failed 1 setup', 'pending 2 setup', 'failed 1 teardown', 'pending 2 teardown', 'pending 8 snip_look_1']);
      const file = run.report.testResults.find((r) => r.name.endsWith('meshed/index.md'))!;
      expect(file.assertionResults[0].failureMessages.join('\n')).toContain('Error: no cluster for you');
      expect(run.stderr).toContain('skipped: not run: setup profile=demo failed');
      expect(run.code).toBe(1);
    } finally {
      rmSync(release, { recursive: true, force: true });
    }
  }, 120000);

  test('without istioctl, one line says so and where to get it, the group that installs Istio is skipped with the reason, and the others run', async () => {
    // A PATH with the fake kubectl and no istioctl anywhere, and a release without bin/istioctl.
    const bin = mkdtempSync(join(tmpdir(), 'doctest-jest-kubectl-only-'));
    for (const program of ['kubectl', 'fake-cluster-state']) symlinkSync(join(FAKE_BIN, program), join(bin, program));
    const release = mkdtempSync(join(tmpdir(), 'doctest-jest-release-'));
    const system = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir && dir !== FAKE_BIN && !existsSync(join(dir, 'istioctl')));
    try {
      const { cluster, run } = await runIn({ PATH: [bin, ...system].join(delimiter) }, release);
      expect(run.stderr.split('\n').filter((line) => line.startsWith('istio-doctest: istioctl is missing'))).toEqual([
        expect.stringContaining('it installs Istio for the setup profile=demo, so its page is skipped; download an Istio release'),
      ]);
      expect(testsOfFile(run, 'meshed/index.md')).toEqual(['pending 8 snip_look_1: kubectl get deployments -n istio-system -o name']);
      expect(testsOfFile(run, 'plain/index.md')).toEqual(['passed 8 snip_say_1: echo plain']);
      expect(cluster.leftovers()).toBe('');
    } finally {
      rmSync(bin, { recursive: true, force: true });
      rmSync(release, { recursive: true, force: true });
    }
  }, 240000);

  test('a page plan\'s doctest.yaml page.source is read from ISTIO_DOCTEST_REPO_ROOT, as run --repo-root reads it', async () => {
    const checkout = mkdtempSync(join(tmpdir(), 'doctest-jest-checkout-'));
    const pages = mkdtempSync(join(tmpdir(), 'doctest-jest-sourced-'));
    try {
      mkdirSync(join(checkout, 'tests', 'util'), { recursive: true });
      for (const helper of ['verify', 'debug', 'helpers']) writeFileSync(join(checkout, 'tests', 'util', `${helper}.sh`), '');
      writeFileSync(join(checkout, 'tests', 'util', 'lab.sh'), 'lab_hello() { echo "hello from the lab"; }\n');
      mkdirSync(join(pages, 'content', 'en', 'docs', 'lab'), { recursive: true });
      writeFileSync(join(pages, 'content', 'en', 'docs', 'lab', 'index.md'), plain.replace('title: Plain', 'title: Lab').replace('$ echo plain\nplain', '$ lab_hello\nhello from the lab'));
      writeFileSync(join(pages, 'content', 'en', 'docs', 'lab', 'doctest.yaml'), 'page:\n  source: [tests/util/lab.sh]\n');
      const cluster = fakeCluster();
      const config = fixtureConfig(cluster.dir, { istioDir: ISTIO_DIR, retryTimeout: '2s', setup: 'keep', uncoveredPages: true }, undefined, [join(pages, 'content')]);
      const run = await runJest(['--config', config], { ...cluster.env, ISTIO_DOCTEST_REPO_ROOT: checkout }, cluster.dir, 200000);
      expect(testsOfFile(run, 'lab/index.md')).toEqual([expect.stringMatching(/^passed \d+ page\.source\.0: /), 'passed 8 snip_say_1: lab_hello']);
    } finally {
      rmSync(checkout, { recursive: true, force: true });
      rmSync(pages, { recursive: true, force: true });
    }
  }, 240000);

  test('SIGINT to jest during a script stops its step and runs the script\'s cleanup part', async () => {
    const cluster = fakeCluster();
    const config = fixtureConfig(cluster.dir, { istioDir: ISTIO_DIR }, undefined, [join(site, 'slow', 'content')]);
    const child = spawnJest(['--config', config], cluster.env);
    await waitFor(() => existsSync(join(cluster.env.DOCTEST_MARKS, 'slow-started')), 'the script to reach its sleep', 60000);
    await waitFor(() => runsCommand(`DOCTEST_MARKS=${cluster.env.DOCTEST_MARKS}`, ['sleep', '60']), 'its `sleep 60` to run', 60000);
    child.kill('SIGINT');
    const result = await child;
    expect(existsSync(join(cluster.env.DOCTEST_MARKS, 'slow-cleaned'))).toBe(true);
    expect(String(result.stderr)).toMatch(/● Slow › 4 test\.sh:4: sleep 60\n\n {4}interrupted/);
    expect(result.exitCode).toBe(1);
  }, 120000);

  test('bad ISTIO_DOCTEST_SCRIPTS and ISTIO_DOCTEST_SETUP values are one line with run\'s wording, exit 1, no stack trace, and nothing runs', async () => {
    const { cluster, run } = await runIn({ ISTIO_DOCTEST_SCRIPTS: 'sometimes', ISTIO_DOCTEST_SETUP: 'ambient' });
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('istio-doctest:'));
    expect(lines).toEqual([
      'istio-doctest: globals.doctest.setup (or ISTIO_DOCTEST_SETUP): expected keep or only=CONFIG (e.g. only=profile=default), got \'ambient\'; globals.doctest.scripts (or ISTIO_DOCTEST_SCRIPTS): expected one of auto, only, off, got \'sometimes\'',
    ]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.code).toBe(1);
    expect(cluster.touched()).toBe(false);
  }, 120000);
});
