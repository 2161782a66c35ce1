// doctest.yaml's `page.source`, `page.before`, `page.cleanup` and `page.setup` through the real CLI on the fake cluster:
// a page without a test script made runnable by hidden steps reported at their doctest.yaml line, its cleanup run after
// a failure and after SIGINT, leftovers failing it, its setup group, and bad keys as positioned diagnostics.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { ensureBuilt, fakeCluster, ISTIO_DIR, readEvents, ROOT, runCli, spawnCli, waitFor } from './harness.js';

beforeAll(() => ensureBuilt(), 120000);

// A page that assumes what its "Before you begin" only links to: a labelled namespace with curl in it, and a helper.
const labPage = (extra = '') =>
  [
    '---', 'title: Lab', 'test: yes', '---', '## Check the namespace {#check}', '',
    '{{< text bash >}}', "$ kubectl get namespace lab -o jsonpath='{.metadata.labels.istio-injection}'", 'enabled', '{{< /text >}}', '',
    '{{< text bash >}}', '$ greet lab', 'hello lab', '{{< /text >}}', '',
    extra,
    '## Cleanup {#cleanup}', '',
    '{{< text bash >}}', '$ echo page-cleanup >> "$DOCTEST_MARKS/order"', '{{< /text >}}', '',
  ].join('\n');

// The doctest.yaml that makes it runnable: a helper sourced, the namespace made and labelled, curl deployed, all removed.
const labSpec = (cleanup = true) =>
  [
    'page:',
    '  source: tests/util/lab.sh',
    '  before:',
    '    - run: kubectl create namespace lab',
    '    - run: kubectl label namespace lab istio-injection=enabled',
    '    - run: kubectl apply -f @samples/curl/curl.yaml@ -n lab',
    '      verify: contains',
    '      arg: deployment.apps/curl created',
    ...(cleanup ? ['  cleanup:', '    - run: echo spec-cleanup >> "$DOCTEST_MARKS/order"', '    - run: kubectl delete namespace lab'] : []),
    '',
  ].join('\n');

let site: string;
// Writes files under a fresh site root (the folder holding content/ and tests/, the default --repo-root).
function writeSite(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'doctest-prereq-site-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

beforeAll(() => {
  site = writeSite({
    'tests/util/lab.sh': 'greet() { echo "hello $1"; }\n',
    'content/en/docs/lab/index.md': labPage(),
    'content/en/docs/lab/doctest.yaml': labSpec(),
    // Fails at its first step: the namespace is not labelled the way it shows.
    'content/en/docs/failing/index.md': labPage().replace('\nenabled\n', '\ndisabled\n'),
    'content/en/docs/failing/doctest.yaml': labSpec(),
    'content/en/docs/slow/index.md': labPage('{{< text bash >}}\n$ touch "$DOCTEST_MARKS/slow-started"; sleep 60\n{{< /text >}}\n'),
    'content/en/docs/slow/doctest.yaml': labSpec(),
    'content/en/docs/forgetful/index.md': labPage(),
    'content/en/docs/forgetful/doctest.yaml': labSpec(false),
    'content/en/docs/meshed/index.md': '---\ntitle: Meshed\ntest: yes\n---\n## Look {#look}\n\n{{< text bash >}}\n$ kubectl get deployment istiod -n istio-system -o jsonpath=\'{.metadata.name}\'\nistiod\n{{< /text >}}\n',
    'content/en/docs/meshed/doctest.yaml': 'page:\n  setup: profile=default\n',
    'content/en/docs/badkey/index.md': labPage(),
    'content/en/docs/badkey/doctest.yaml': 'page:\n  before:\n    - run: kubectl create namespace lab\n    - run: echo hi\n      verfy: same\n  setup: profile=fancy\n',
    'content/en/docs/helperonly/index.md': '---\ntitle: Helper\ntest: yes\n---\n## Greet {#greet}\n\n{{< text bash >}}\n$ greet you\nhello you\n{{< /text >}}\n',
    'content/en/docs/helperonly/doctest.yaml': 'page:\n  source: tests/util/lab.sh\n',
    'content/en/docs/nohelper/index.md': labPage(),
    'content/en/docs/nohelper/doctest.yaml': labSpec().replace('tests/util/lab.sh', 'tests/util/missing.sh'),
  });
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

const page = (name: string) => relative(ROOT, join(site, 'content/en/docs', name, 'index.md'));
const spec = (name: string) => relative(ROOT, join(site, 'content/en/docs', name, 'doctest.yaml'));
const steps = (json: string) => readEvents(json).filter((e) => e.type === 'step');
const marks = (env: Record<string, string>) => readFileSync(join(env.DOCTEST_MARKS, 'order'), 'utf8');

describe('doctest.yaml prerequisites of a page without a script', () => {
  test('page.source and page.before run before the first step and page.cleanup after the page\'s own cleanup, each at its doctest.yaml line', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, page('lab')], cluster.env);
    expect(stdout).toContain('1 passed');
    expect(code).toBe(0);
    expect(steps(json).map((s) => [s.id, `${s.file}:${s.line}`, s.status, s.cleanup, s.hidden ?? false])).toEqual([
      ['page.source.0', `${spec('lab')}:2`, 'passed', false, true],
      ['page.before.0', `${spec('lab')}:4`, 'passed', false, true],
      ['page.before.1', `${spec('lab')}:5`, 'passed', false, true],
      ['page.before.2', `${spec('lab')}:6`, 'passed', false, true],
      ['snip_check_the_namespace_1', `${page('lab')}:8`, 'passed', false, false],
      ['snip_check_the_namespace_2', `${page('lab')}:13`, 'passed', false, false],
      ['snip_cleanup_1', `${page('lab')}:21`, 'passed', true, false],
      ['page.cleanup.0', `${spec('lab')}:10`, 'passed', true, true],
      ['page.cleanup.1', `${spec('lab')}:11`, 'passed', true, true],
    ]);
    expect(marks(cluster.env)).toBe('page-cleanup\nspec-cleanup\n');
    expect(cluster.leftovers()).toBe('');
    expect(stdout).toMatch(/✓ 2\/9 kubectl create namespace lab \[hidden\] /);
    expect(stdout).toMatch(/✓ 9\/9 kubectl delete namespace lab \[hidden, cleanup\] /);
  }, 120000);

  test('after a failing step the page\'s cleanup and then doctest.yaml\'s run, and the page fails at its own line', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--retry-timeout', '2s', '--json', json, page('failing')], cluster.env);
    expect(code).toBe(1);
    expect(steps(json).map((s) => [s.id, s.status])).toEqual([
      ['page.source.0', 'passed'], ['page.before.0', 'passed'], ['page.before.1', 'passed'], ['page.before.2', 'passed'],
      ['snip_check_the_namespace_1', 'failed'], ['snip_check_the_namespace_2', 'skipped'],
      ['snip_cleanup_1', 'passed'], ['page.cleanup.0', 'passed'], ['page.cleanup.1', 'passed'],
    ]);
    expect(marks(cluster.env)).toBe('page-cleanup\nspec-cleanup\n');
    expect(cluster.leftovers()).toBe('');
  }, 120000);

  test('a failing page.before step skips the page\'s steps and still runs page.cleanup', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    // The namespace is there already: `kubectl create namespace lab` fails.
    await runCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, '--no-snapshot', page('forgetful')], cluster.env);
    rmSync(join(cluster.env.DOCTEST_MARKS, 'order'), { force: true });
    const { code } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, page('lab')], cluster.env);
    expect(code).toBe(1);
    expect(steps(json).map((s) => [s.id, s.status])).toEqual([
      ['page.source.0', 'passed'], ['page.before.0', 'failed'], ['page.before.1', 'skipped'], ['page.before.2', 'skipped'],
      ['snip_check_the_namespace_1', 'skipped'], ['snip_check_the_namespace_2', 'skipped'],
      ['snip_cleanup_1', 'passed'], ['page.cleanup.0', 'passed'], ['page.cleanup.1', 'passed'],
    ]);
    expect(steps(json)[1]).toMatchObject({ file: spec('lab'), line: 4, message: expect.stringContaining('exit code 1') });
  }, 120000);

  test('SIGINT during the page runs its cleanup and doctest.yaml\'s, then exits 130', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const child = spawnCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, page('slow')], { ...cluster.env, TMPDIR: cluster.dir });
    await waitFor(() => readEvents(json).some((e) => e.type === 'step-start' && /sleep 60/.test(e.command)), 'the sleep step to start', 60000);
    await waitFor(() => { try { readFileSync(join(cluster.env.DOCTEST_MARKS, 'slow-started')); return true; } catch { return false; } }, 'the sleep to run');
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(130);
    expect(steps(json).slice(-4).map((s) => [s.id, s.status])).toEqual([
      ['snip_check_the_namespace_3', 'interrupted'],
      ['snip_cleanup_1', 'passed'], ['page.cleanup.0', 'passed'], ['page.cleanup.1', 'passed'],
    ]);
    expect(marks(cluster.env)).toBe('page-cleanup\nspec-cleanup\n');
    expect(cluster.leftovers()).toBe('');
  }, 120000);

  test('a page whose doctest.yaml forgets to clean up fails with leftover:', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, page('forgetful')], cluster.env);
    expect(code).toBe(1);
    const last = steps(json).at(-1)!;
    expect(last).toMatchObject({ id: 'snapshot', status: 'failed', message: 'leftover: namespace lab' });
    expect(stdout).toContain('leftover: ');
    // Numbered after the planned steps, and started before it ends, like any step.
    const events = readEvents(json);
    const planned = events.find((e) => e.type === 'page-start')!.steps as number;
    expect(last.index).toBe(planned + 1);
    expect(events.filter((e) => e.type === 'step-start').at(-1)).toMatchObject({ id: 'snapshot', index: planned + 1 });
    expect(stdout).toContain(`✗ ${planned + 1}/${planned + 1} `);
    expect(readEvents(json).find((e) => e.type === 'page')).toMatchObject({ status: 'failed' });
  }, 120000);

  test('--no-snapshot takes no snapshot of a page plan', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--no-snapshot', '--json', json, page('forgetful')], cluster.env);
    expect(code).toBe(0);
    expect(steps(json).map((s) => s.id)).not.toContain('snapshot');
  }, 120000);

  test('page.setup puts the page in its setup group: Istio installed before it and uninstalled after; --setup only= selects it', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--retry-timeout', '5s', '--json', json, page('meshed'), page('lab')], cluster.env);
    expect(code).toBe(0);
    expect(readEvents(json).filter((e) => e.type === 'page').map((e) => [e.file, e.status])).toEqual([
      [page('lab'), 'passed'], ['setup:profile=default', 'passed'], [page('meshed'), 'passed'], ['teardown:profile=default', 'passed'],
    ]);
    const only = await runCli(['run', '--istio-dir', ISTIO_DIR, '--setup', 'only=profile=none', '--json', json, page('meshed'), page('lab')], cluster.env);
    expect(only.code).toBe(0);
    expect(readEvents(json).filter((e) => e.type === 'page').map((e) => e.file)).toEqual([page('lab')]);
    expect(only.stdout).toContain(`${page('meshed')}: setup profile=default, not profile=none (--setup only=profile=none)`);
  }, 120000);

  test('a bad key is one positioned diagnostic in check and in run, and the other pages run', async () => {
    const checked = await runCli(['check', page('badkey')], {});
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(`${spec('badkey')}:5:1 error \`page.before.1\`: unknown key verfy (expected run, verify, arg, retry or timeout) [spec-invalid]`);
    expect(checked.stdout).toContain(`${spec('badkey')}:6:1 error \`page.setup\`: expected one of profile=none, profile=default, profile=demo, profile=minimal, profile=ambient, multicluster, dualstack, got the text "profile=fancy" [spec-invalid]`);
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, page('badkey'), page('lab')], cluster.env);
    expect(code).toBe(0);
    expect(stdout).toContain(`${page('badkey')}: preflight: \`page.before.1\`: unknown key verfy`);
    expect(readEvents(json).filter((e) => e.type === 'page').map((e) => [e.file, e.status])).toEqual([[page('lab'), 'passed']]);
  }, 120000);

  test('a page.source file missing from the istio.io checkout is a positioned preflight problem; the other pages run', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--json', json, page('nohelper'), page('lab')], cluster.env);
    expect(code).toBe(0);
    expect(stdout).toContain(`${page('nohelper')}: preflight: page.source: tests/util/missing.sh is not in the istio.io checkout`);
    expect(stdout).toContain(`at ${spec('nohelper')}:2`);
    expect(readEvents(json).filter((e) => e.type === 'page').map((e) => [e.file, e.status])).toEqual([[page('lab'), 'passed']]);
  }, 120000);

  test('a page that calls only functions of its sourced istio.io helpers is still held by the context guard', async () => {
    const cluster = fakeCluster({ context: 'gke_prod_cluster' });
    const { code, stderr } = await runCli(['run', page('helperonly')], cluster.env);
    expect(code).toBe(2);
    expect(stderr).toContain('context guard');
    expect(cluster.touched()).toBe(false);
  }, 120000);

  test('run --dry-run marks the hidden steps, and its JSON plan lines carry hidden: true', async () => {
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'plan.jsonl');
    const { code, stdout } = await runCli(['run', '--dry-run', '--istio-dir', ISTIO_DIR, '--json', json, page('lab'), page('meshed')], cluster.env);
    expect(code).toBe(0);
    expect(stdout).toContain(`1/9 ${spec('lab')}:2  page.source.0  [hidden]`);
    expect(stdout).toContain('$ source tests/util/lab.sh');
    expect(stdout).toContain(`4/9 ${spec('lab')}:6  page.before.2  [hidden]`);
    expect(stdout).toContain('$ kubectl apply -f samples/curl/curl.yaml -n lab');
    expect(stdout).toContain(`9/9 ${spec('lab')}:11  page.cleanup.1  [hidden, cleanup]`);
    expect(stdout).toContain(`${page('meshed')} [en] 1 step, setup profile=default (doctest.yaml)`);
    const lines = readFileSync(json, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.hidden).map((l) => [l.id, l.line, l.cleanup ?? false])).toEqual([
      ['page.source.0', 2, false], ['page.before.0', 4, false], ['page.before.1', 5, false], ['page.before.2', 6, false],
      ['page.cleanup.0', 10, true], ['page.cleanup.1', 11, true],
    ]);
    expect(lines.find((l) => l.id === 'page.before.2')).toEqual({ type: 'plan', page: page('lab'), lang: 'en', file: spec('lab'), line: 6, id: 'page.before.2', verify: 'contains', arg: 'deployment.apps/curl created', setup: 'profile=none', hidden: true });
    expect(lines.find((l) => l.file === page('meshed'))).toMatchObject({ setup: 'profile=default' });
    expect(lines.filter((l) => !l.hidden).every((l) => !('hidden' in l))).toBe(true);
  }, 120000);
});
