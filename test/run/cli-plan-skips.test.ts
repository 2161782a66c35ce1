// What the run plan leaves out, through the real CLI: blocks istio.io marks `snip_id=none` (never run unless
// doctest.yaml opts one in), and pages whose programs are missing (skipped with the reason, the others run).
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureBuilt, fakeCluster, readEvents, runCli } from './harness.js';

beforeAll(() => ensureBuilt(), 60000);

const fence = (body: string, attrs = '') => `{{< text bash${attrs} >}}\n${body}\n{{< /text >}}\n\n`;

// Writes pages under a fresh site's content/en/ and returns the site folder.
function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'doctest-skips-'));
  for (const [path, text] of Object.entries(pages)) {
    const file = join(dir, 'content/en', path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

describe('snip_id=none blocks', () => {
  const page = (marks: string) =>
    `---\ntitle: Install\ntest: yes\n---\n\n## Install\n\n` +
    fence(`$ touch ${marks}/never && helm install <release> <chart>`, ' snip_id=none') +
    fence(`$ touch ${marks}/ran`);

  test('are skipped with the reason, and their programs are not required', async () => {
    const cluster = fakeCluster();
    const marks = cluster.env.DOCTEST_MARKS;
    const dir = site({ 'docs/install/index.md': page(marks) });
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout, stderr } = await runCli(['run', '--json', json, join(dir, 'content/en/docs/install/index.md')], { ...cluster.env, PATH: `${cluster.env.PATH}` });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(existsSync(join(marks, 'never'))).toBe(false);
    expect(existsSync(join(marks, 'ran'))).toBe(true);
    const steps = readEvents(json).filter((e) => e.type === 'step');
    expect(steps.map((s) => s.status)).toEqual(['skipped', 'passed']);
    expect(stdout).toContain('snip_id=none: istio.io marks this block never to run');
  });

  test('run when doctest.yaml opts one in with `run: true` under the id of its place', async () => {
    const cluster = fakeCluster();
    const marks = cluster.env.DOCTEST_MARKS;
    const dir = site({
      'docs/install/index.md': page(marks).replace(' && helm install <release> <chart>', ''),
      'docs/install/doctest.yaml': 'blocks:\n  snip_install_1:\n    run: true\n',
    });
    const { code } = await runCli(['run', join(dir, 'content/en/docs/install/index.md')], cluster.env);
    expect(code).toBe(0);
    expect(existsSync(join(marks, 'never'))).toBe(true);
  });
});

describe('pages the preflight finds unable to run', () => {
  const page = (title: string, command: string) => `---\ntitle: ${title}\ntest: yes\n---\n\n## Steps\n\n${fence(command)}`;

  test('are skipped with the reason and counted; the other pages run', async () => {
    const cluster = fakeCluster();
    const marks = cluster.env.DOCTEST_MARKS;
    const dir = site({
      'docs/a-cloud/index.md': page('Cloud', `$ ibmcloud ks cluster config --cluster "$CLUSTER" && touch ${marks}/cloud`),
      'docs/b-local/index.md': page('Local', `$ grep -q '^outbound|443||' /dev/null || touch ${marks}/local`),
      'docs/c-cloud/index.md': page('Cloud too', '$ ibmcloud ks cluster ls'),
    });
    const json = join(cluster.dir, 'events.jsonl');
    const { code, stdout, stderr } = await runCli(['run', '--json', json, join(dir, 'content/en')], cluster.env);
    // One line for the missing program, however many pages call it.
    expect(stderr).toMatch(/^istio-doctest: ibmcloud is not on PATH: the 2 pages that call it are skipped \(first called at .*a-cloud\/index\.md:9\); install ibmcloud or put it on PATH\n?$/);
    expect(code).toBe(0);
    expect(existsSync(join(marks, 'local'))).toBe(true);
    expect(stdout).toMatch(/skipped 2 pages:\n {2}.*a-cloud\/index\.md: preflight: ibmcloud is not on PATH: install ibmcloud or put it on PATH at .*a-cloud\/index\.md:9\n/);
    expect(stdout).toMatch(/1 page: 1 passed, 0 failed; 2 skipped/);
    expect(readEvents(json)[0]).toMatchObject({ type: 'run', status: 'started', skipped: [{ reason: expect.stringMatching(/^preflight: ibmcloud is not on PATH/) }, { reason: expect.stringMatching(/^preflight: ibmcloud is not on PATH/) }] });
  });

  test('when no page can run, nothing runs and each problem is a diagnostic line (exit 2)', async () => {
    const cluster = fakeCluster();
    const dir = site({ 'docs/a-cloud/index.md': page('Cloud', '$ az aks get-credentials --name x') });
    const { code, stderr } = await runCli(['run', join(dir, 'content/en')], cluster.env);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^istio-doctest: preflight failed, nothing was run:\n {2}.*a-cloud\/index\.md:9:1 error az is not on PATH: install az or put it on PATH \[program-missing\]$/);
  });

  test('an unusable TMPDIR is one line and exit 2 before anything runs', async () => {
    const cluster = fakeCluster();
    const marks = cluster.env.DOCTEST_MARKS;
    const dir = site({ 'docs/b-local/index.md': page('Local', `$ touch ${marks}/local`) });
    const { code, stdout, stderr } = await runCli(['run', join(dir, 'content/en')], { ...cluster.env, TMPDIR: '/no/such/tmp' });
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe('istio-doctest: the temporary folder /no/such/tmp cannot be used (ENOENT): set TMPDIR to a writable folder');
    expect(existsSync(join(marks, 'local'))).toBe(false);
  });
});

describe('run --dry-run exit codes', () => {
  const good = `---\ntitle: Good\ntest: yes\n---\n\n${fence('$ echo hi\nhi')}`;
  const bad = `---\ntitle: Bad\ntest: yes\n---\n\n{{< text bash >}}\n$ echo hi\n`;

  test('pages with errors are findings (1) when others would run, a refusal (2) when none would, each with one line saying why', async () => {
    const dir = site({ 'docs/good/index.md': good, 'docs/bad/index.md': bad });
    const env = fakeCluster().env;
    const both = await runCli(['run', '--dry-run', join(dir, 'content/en/docs')], env);
    expect(both.stderr).toBe('istio-doctest: 1 error in 1 of 2 planned pages (listed above): a real run would leave those out and run the others');
    expect(both.stdout).toContain('[text-unterminated]');
    expect(both.code).toBe(1);
    const alone = await runCli(['run', '--dry-run', join(dir, 'content/en/docs/bad/index.md')], env);
    expect(alone.stderr).toBe('istio-doctest: 1 error in 1 of 1 planned page (listed above): a real run would refuse to run anything');
    expect(alone.code).toBe(2);
    const fine = await runCli(['run', '--dry-run', join(dir, 'content/en/docs/good/index.md')], env);
    expect(fine.stderr).toBe('');
    expect(fine.code).toBe(0);
  }, 60000);
});
