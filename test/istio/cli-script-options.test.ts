// Faults a new user meets with istio.io test scripts through the real CLI: a script sourcing a file the checkout
// lacks, a mistyped --repo-root or --setup only=CONFIG, the same warning twice, and what the dry run says and writes.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, ROOT, runCli } from '../run/harness.js';
import { writeTree } from './script-site.js';

beforeAll(() => ensureBuilt(), 120000);

const page = (title: string) => `---
title: ${title}
test: yes
---
## Step {#step}

{{< text bash >}}
$ echo hello
hello
{{< /text >}}

## Cleanup {#cleanup}

{{< text bash >}}
$ echo bye
{{< /text >}}
`;

const sites: string[] = [];
afterAll(() => sites.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// A small istio.io-like checkout: the given files, and stand-ins for the helper files every script gets.
function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'doctest-script-options-'));
  sites.push(root);
  const all: Record<string, string> = {
    'tests/util/verify.sh': '',
    'tests/util/debug.sh': '',
    'tests/util/helpers.sh': '',
    ...files,
  };
  writeTree(root, all);
  return root;
}

const rel = (root: string, path: string) => relative(ROOT, join(root, path));

describe('run with istio.io test scripts, under faults', () => {
  test('a script sourcing a file the checkout lacks is skipped with the reason; the other scripts still run', async () => {
    const root = site({
      'content/en/docs/good/index.md': page('Good'),
      'content/en/docs/good/test.sh': '# @setup profile=none\n_verify_same snip_step_1 "$snip_step_1_out"\n# @cleanup\nsnip_cleanup_1\n',
      'content/en/docs/lacks/index.md': page('Lacks'),
      'content/en/docs/lacks/test.sh': '# @setup profile=none\nsource "content/en/docs/lacks/common.sh"\nsnip_step_1\n# @cleanup\nsnip_cleanup_1\n',
    });
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout, stderr } = await runCli(['run', '--json', json, rel(root, 'content/en/docs')], { ...cluster.env, VERIFY_TIMEOUT: '1' });
    expect(stderr).not.toContain('nothing was run');
    expect(stdout).toContain(`${rel(root, 'content/en/docs/lacks/index.md')}: preflight: ${rel(root, 'content/en/docs/lacks/test.sh')} needs content/en/docs/lacks/common.sh, which is not in the istio.io checkout`);
    const pages = readEvents(json).filter((e) => e.type === 'page');
    expect(pages.map((p) => [p.file, p.status])).toEqual([[rel(root, 'content/en/docs/good/index.md'), 'passed']]);
    expect(code).toBe(0);
  }, 120000);

  test('a top-level `exit` is read as bash reads it: exit 3 fails its step (the run stops there unless --keep-going), exit 0 passes and ends the test part; the cleanup part runs', async () => {
    const helper = 'give_up() { echo "giving up"; exit "$1"; }\n';
    const root = site({
      'content/en/docs/three/index.md': page('Three'),
      'content/en/docs/three/test.sh': `# @setup profile=none\n${helper}snip_step_1\ngive_up 3\ntouch "$DOCTEST_MARKS/three-after"\n# @cleanup\ntouch "$DOCTEST_MARKS/three-cleaned"\n`,
      'content/en/docs/zero/index.md': page('Zero'),
      'content/en/docs/zero/test.sh': '# @setup profile=none\nsnip_step_1\nexit 0\ntouch "$DOCTEST_MARKS/zero-after"\n# @cleanup\ntouch "$DOCTEST_MARKS/zero-cleaned"\n',
    });
    for (const keepGoing of [false, true]) {
      const cluster = fakeCluster();
      const json = join(cluster.dir, 'events.jsonl');
      const { code } = await runCli(['run', ...(keepGoing ? ['--keep-going'] : []), '--json', json, rel(root, 'content/en/docs')], cluster.env);
      const events = readEvents(json);
      const steps = (name: string) => events.filter((e) => e.type === 'step' && e.page === rel(root, `content/en/docs/${name}/index.md`)).map((e) => [e.status, e.message || '']);
      expect(steps('three')).toEqual([
        ['passed', ''],
        ['passed', ''],
        ['failed', 'the script exited with status 3, a failure: bash would end the script here'],
        keepGoing ? ['passed', ''] : ['skipped', 'not run: an earlier step failed'],
        ['passed', ''],
      ]);
      expect(steps('zero')).toEqual([
        ['passed', ''],
        ['passed', 'the script exited with status 0, so its test part ends here as in bash'],
        ['skipped', 'not run: the script exited at test.sh:3'],
        ['passed', ''],
      ]);
      const marks = readdirSync(cluster.env.DOCTEST_MARKS).sort();
      expect(marks).toEqual(keepGoing ? ['three-after', 'three-cleaned', 'zero-cleaned'] : ['three-cleaned', 'zero-cleaned']);
      expect(events.filter((e) => e.type === 'page').map((e) => e.status).sort()).toEqual(['failed', 'passed']);
      expect(code).toBe(1);
    }
  }, 180000);

  test('a script runs without pipefail until it sets it, as bash runs it: `yes | head -1` passes under set -e, and fails after set -o pipefail', async () => {
    const root = site({
      'content/en/docs/pipes/index.md': page('Pipes'),
      'content/en/docs/pipes/test.sh': '# @setup profile=none\nset -e\nyes | head -1\nset -o pipefail\nyes | head -1\n# @cleanup\nsnip_cleanup_1\n',
    });
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'events.jsonl');
    await runCli(['run', '--json', json, rel(root, 'content/en/docs')], cluster.env);
    const steps = readEvents(json).filter((e) => e.type === 'step').map((e) => [e.status, e.exitCode]);
    expect(steps).toEqual([['passed', 0], ['passed', 0], ['passed', 0], ['failed', 141], ['passed', 0]]);
  }, 120000);

  test('a folder test of the reference language runs for a translation only where the translation has that folder', async () => {
    const multi = '# @setup profile=none\nsource "content/en/docs/multi/a/snips.sh"\nsnip_step_1\n# @cleanup\nsnip_cleanup_1\n';
    const root = site({
      'content/en/docs/multi/test.sh': multi,
      'content/en/docs/multi/a/index.md': page('A'),
      'content/es/docs/other/index.md': page('Otra'),
      'content/uk/docs/multi/a/index.md': page('А'),
    });
    const cluster = fakeCluster();
    const plannedFolders = async (lang: string) => {
      const json = join(cluster.dir, `plan-${lang}.jsonl`);
      await runCli(['run', '--dry-run', '--scripts', 'only', '--json', json, rel(root, `content/${lang}/docs`)], cluster.env);
      return [...new Set(readEvents(json).map((e) => e.file as string))].filter((file) => !file.endsWith('.md') || file.includes('/multi/'));
    };
    expect(await plannedFolders('es')).toEqual([]);
    // The English script's own statements, and the uk page's snippet it calls.
    expect((await plannedFolders('uk')).sort()).toEqual([rel(root, 'content/en/docs/multi/test.sh'), rel(root, 'content/uk/docs/multi/a/index.md')]);
  }, 120000);

  test('a checkout without the helper files every script sources still stops the run before anything runs', async () => {
    const root = site({
      'content/en/docs/good/index.md': page('Good'),
      'content/en/docs/good/test.sh': '# @setup profile=none\nsnip_step_1\n# @cleanup\nsnip_cleanup_1\n',
    });
    rmSync(join(root, 'tests'), { recursive: true });
    const cluster = fakeCluster();
    const { code, stderr } = await runCli(['run', rel(root, 'content/en/docs')], cluster.env);
    expect(stderr).toContain('preflight failed, nothing was run');
    expect(stderr).toContain('needs tests/util/verify.sh, which is not in the istio.io checkout');
    expect(code).toBe(2);
  }, 120000);

  test('a --repo-root that is not a folder is a usage error, before anything runs', async () => {
    const root = site({ 'content/en/docs/good/index.md': page('Good'), 'content/en/docs/good/test.sh': '# @setup profile=none\nsnip_step_1\n# @cleanup\n' });
    const cluster = fakeCluster();
    const missing = join(root, 'no-such-checkout');
    const { code, stdout, stderr } = await runCli(['run', '--repo-root', missing, rel(root, 'content/en/docs')], cluster.env);
    expect(stderr).toBe(`istio-doctest: --repo-root ${missing}: no such folder\nRun \`istio-doctest run --help\` for usage.`);
    expect(stdout).toBe('');
    expect(code).toBe(2);
    expect(cluster.touched()).toBe(false);
    // A file (the checkout's README given by mistake) is named as such.
    const file = join(root, 'content/en/docs/good/index.md');
    const onFile = await runCli(['run', '--repo-root', file, rel(root, 'content/en/docs')], cluster.env);
    expect(onFile).toEqual({ code: 2, stdout: '', stderr: `istio-doctest: --repo-root ${file}: not a folder (a file)\nRun \`istio-doctest run --help\` for usage.` });
  }, 120000);

  test('--setup only= naming a config no page has and istio-doctest does not know (a typo) is a usage error listing the pages\' setups', async () => {
    const root = site({
      'content/en/docs/good/index.md': page('Good'),
      'content/en/docs/good/test.sh': '# @setup profile=demo\nsnip_step_1\n# @cleanup\n',
      'content/en/docs/plain/index.md': page('Plain'),
    });
    const cluster = fakeCluster();
    const typo = await runCli(['run', '--uncovered-pages', '--setup', 'only=profile=defualt', rel(root, 'content/en/docs')], cluster.env);
    expect(typo.stderr).toBe(
      "istio-doctest: --setup only=profile=defualt: no page here has that setup config, and it is none istio-doctest knows (the pages' configs: profile=none, profile=demo)\n" +
        'Run `istio-doctest run --help` for usage.',
    );
    expect(typo.code).toBe(2);
    // A known config that none of these pages has is a group with nothing to run, as in a CI matrix over setups.
    const known = await runCli(['run', '--setup', 'only=profile=ambient', rel(root, 'content/en/docs')], cluster.env);
    expect(known.stdout).toContain('no page to run');
    expect(known.code).toBe(0);
  }, 120000);

  test('a translation whose English script sources a page it lacks is warned once, though the cleanup part sources it again', async () => {
    const root = site({
      'content/en/docs/good/index.md': page('Good'),
      'content/en/docs/other/index.md': page('Other'),
      'content/en/docs/good/test.sh': '# @setup profile=none\nsource "content/en/docs/other/snips.sh"\nsnip_step_1\n# @cleanup\nsnip_cleanup_1\n',
      'content/uk/docs/good/index.md': page('Добре'),
    });
    const cluster = fakeCluster();
    const { code, stderr } = await runCli(['run', '--dry-run', rel(root, 'content/uk/docs')], cluster.env);
    const warnings = stderr.split('\n').filter((line) => line.includes('warning:'));
    expect(warnings).toEqual([
      `istio-doctest: warning: ${rel(root, 'content/en/docs/good/test.sh')}: content/en/docs/other/snips.sh: no uk page content/uk/docs/other/index.md; its English snippets are used`,
    ]);
    expect(code).toBe(0);
  }, 120000);

  test('--dry-run counts the scripts the preflight would leave out apart from those that would run', async () => {
    const root = site({
      'content/en/docs/good/index.md': page('Good'),
      'content/en/docs/good/test.sh': '# @setup profile=none\nsnip_step_1\n# @cleanup\nsnip_cleanup_1\n',
      'content/en/docs/broken/index.md': page('Broken'),
      'content/en/docs/broken/test.sh': '# @setup profile=none\nif then fi (\n# @cleanup\n',
    });
    const cluster = fakeCluster();
    const { code, stdout } = await runCli(['run', '--dry-run', rel(root, 'content/en/docs')], cluster.env);
    expect(stdout).toContain('A real run would leave these pages out in its preflight (the others would run):');
    expect(stdout).toMatch(/\n2 pages planned, 2 steps; 1 left out by the preflight, so 1 would run; nothing was run$/);
    expect(code).toBe(1);
  }, 120000);

  test('--dry-run --json marks the steps that would be skipped, and gives every plan its setup config, page plans included', async () => {
    const root = site({
      'content/en/docs/plain/index.md': `---
title: Plain
test: yes
---
## Install {#install}

{{< text syntax=bash snip_id=none >}}
$ helm install <release> <chart>
{{< /text >}}

{{< text bash >}}
$ echo hello
hello
{{< /text >}}
`,
    });
    const cluster = fakeCluster();
    const json = join(cluster.dir, 'plan.jsonl');
    const { code } = await runCli(['run', '--dry-run', '--uncovered-pages', '--json', json, rel(root, 'content/en/docs')], cluster.env);
    const file = rel(root, 'content/en/docs/plain/index.md');
    expect(readEvents(json)).toEqual([
      {
        type: 'plan', page: file, lang: 'en', file, line: 8, id: `${file}:7`, verify: 'none', setup: 'profile=none',
        skip: 'snip_id=none: istio.io marks this block never to run (`snip_install_1: { run: true }` under `blocks:` in doctest.yaml runs it)',
      },
      { type: 'plan', page: file, lang: 'en', file, line: 12, id: 'snip_install_2', verify: 'auto', setup: 'profile=none' },
    ]);
    expect(code).toBe(0);
  }, 120000);

  test('run --help says that a script\'s verify calls follow VERIFY_TIMEOUT, not --retry-timeout', async () => {
    const { stdout } = await runCli(['run', '--help'], {});
    expect(stdout).toContain('  --retry-timeout DUR    retry a step whose output does not match yet for up to DUR (default 120s);\n' +
      '                         a test script\'s _verify_* calls retry for VERIFY_TIMEOUT seconds instead (as verify.sh)\n');
  }, 60000);
});
