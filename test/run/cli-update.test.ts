// `run --update` through the real CLI: only real differences are redrawn, a second run passes unchanged, steps
// verified otherwise and translated outputs are listed, and a page edited during the run is left alone.
import { copyFileSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, fakeCluster, ISTIO_DIR, ROOT, runCli, SEED } from './harness.js';

beforeAll(() => ensureBuilt(), 60000);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// A copy of the update fixture in a fresh folder (with its doctest.yaml unless told otherwise).
function copyFixture(withSpec = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'doctest-update-'));
  dirs.push(dir);
  copyFileSync(join(ROOT, 'fixtures/run/update/index.md'), join(dir, 'index.md'));
  if (withSpec) copyFileSync(join(ROOT, 'fixtures/run/update/doctest.yaml'), join(dir, 'doctest.yaml'));
  return join(dir, 'index.md');
}

const run = (args: string[], env: Record<string, string> = {}) => runCli(['run', '--keep-going', '--retry-timeout', '1', ...args], env);

describe('istio-doctest run --update', () => {
  test('redraws only what really differs: matched lines, `...` and accepted values stay as the page wrote them', async () => {
    const page = copyFixture();
    const before = readFileSync(page, 'utf8');
    const { code, stdout } = await run(['--update', page]);
    const after = readFileSync(page, 'utf8');
    const changed = after.split('\n');
    // Only the two differing lines change, and one line the output added appears.
    expect(before.split('\n').filter((l) => !changed.includes(l))).toEqual(['    status: 200', 'reviews-v1-545db77b95-rdmsp   2/2     Running   2m']);
    expect(changed.filter((l) => !before.split('\n').includes(l))).toEqual(['    status: 503', '    retry: yes', 'reviews-v1-545db77b95-rdmsp   1/2     Running   2m']);
    // Trailing blanks of a matched line, `...` lines and inline `...` are kept byte for byte.
    expect(after).toContain('    Server: istio-envoy   \n    ...\n    x-request-id: ...\n    client: 10.244.1.12\n    status: 503\n');
    expect(stdout).toContain('+    status: 503\n+    retry: yes\n');
    expect(stdout).toMatch(/index\.md:4\d: snip_contains_1: not updated: verified by 'contains'/);
    expect(stdout).toContain('update: redrew 2 expected outputs in 1 file; 1 failed step left as they are');
    expect(code).toBe(1);

    const again = await run(['--update', page]);
    expect(readFileSync(page, 'utf8')).toBe(after);
    expect(again.stdout).toContain('update: redrew 0 expected outputs in 0 files; 1 failed step left as they are');
    expect(again.stdout).toMatch(/passed +failed[^\n]*\n[^\n]*index\.md +en +3 +1 /);
  }, 60000);

  test('--update=dry prints the diff and writes nothing', async () => {
    const page = copyFixture();
    const before = readFileSync(page, 'utf8');
    const { code, stdout } = await run(['--update=dry', page]);
    expect(readFileSync(page, 'utf8')).toBe(before);
    expect(stdout).toContain('-    status: 200\n+    status: 503\n');
    expect(stdout).toContain('update: would redraw 2 expected outputs in 1 file; 1 failed step left as they are (dry run: nothing written)');
    expect(code).toBe(1);
  }, 60000);

  test('a run whose only failures were redrawn exits 0 and says so', async () => {
    const page = copyFixture(false);
    const { code, stdout } = await run(['--update', page]);
    expect(stdout).toContain('update: redrew 3 expected outputs in 1 file; 0 failed steps left as they are');
    expect(stdout).toContain('update: every failure was an expected output, now redrawn: exit 0');
    expect(code).toBe(0);
    expect((await run([page])).code).toBe(0);
  }, 60000);

  test('without --keep-going, --update still runs every step: a failure left is counted and the exit is 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctest-update-'));
    dirs.push(dir);
    const page = join(dir, 'index.md');
    const block = (...lines: string[]) => ['{{< text bash >}}', ...lines, '{{< /text >}}', ''];
    const text = ['---', 'title: Two failures', 'test: yes', '---', '', ...block('$ echo first', 'erst'), ...block('$ echo second', 'zweite'), ...block('$ false'), ...block('$ echo fourth', 'vierte')].join('\n');
    writeFileSync(page, text);
    const { code, stdout } = await runCli(['run', '--retry-timeout', '1', '--update', page], {});
    const after = readFileSync(page, 'utf8');
    // Every failing output is redrawn, also the ones after the first failure; the step that failed on its exit code is left.
    expect(after).toContain('$ echo first\nfirst\n');
    expect(after).toContain('$ echo second\nsecond\n');
    expect(after).toContain('$ echo fourth\nfourth\n');
    expect(stdout).toMatch(/index\.md:\d+: [^:]+: not updated: exit code 1: no expected output to redraw/);
    expect(stdout).toContain('update: redrew 3 expected outputs in 1 file; 1 failed step left as they are');
    expect(stdout).not.toContain('every failure was an expected output');
    expect(code).toBe(1);
  }, 60000);

  test('a page that changed on disk during the run is not touched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctest-update-'));
    dirs.push(dir);
    const page = join(dir, 'index.md');
    const text = ['---', 'title: Edited while it runs', 'test: yes', '---', '', '{{< text bash >}}', `$ echo '<!-- edited -->' >> ${page}`, '{{< /text >}}', '', '{{< text bash >}}', '$ echo new', 'old', '{{< /text >}}', ''].join('\n');
    writeFileSync(page, text);
    const { code, stdout } = await run(['--update', page]);
    expect(readFileSync(page, 'utf8')).toBe(`${text}<!-- edited -->\n`);
    expect(stdout).toMatch(/index\.md: not updated: the file changed on disk during the run\n/);
    expect(stdout).not.toContain('+++ b/');
    expect(stdout).toContain('update: redrew 0 expected outputs in 0 files');
    expect(code).toBe(1);
  }, 60000);

  test('translated outputs are listed, never redrawn (the es seed page)', async () => {
    const cluster = fakeCluster();
    const { code, stdout } = await runCli(['run', '--istio-dir', ISTIO_DIR, '--retry-timeout', '2s', '--keep-going', '--update=dry', SEED('es')], cluster.env);
    expect(stdout).toContain(`${SEED('es')}:198: snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_4: not updated: the expected output is a translation`);
    expect(stdout).toContain(`${SEED('es')}:222: `);
    expect(stdout).toContain('update: would redraw 0 expected outputs in 0 files; 2 failed steps left as they are');
    expect(code).toBe(1);
    expect(cluster.leftovers()).toBe('');
  }, 120000);
  test('an output line the page would read as a shortcode is never written: its step is listed with the rule, the others are redrawn', async () => {
    const cluster = fakeCluster();
    const dir = mkdtempSync(join(tmpdir(), 'doctest-update-'));
    dirs.push(dir);
    const page = join(dir, 'index.md');
    // The cluster holds notes whose lines are shortcodes in the forms the parser accepts; the page's own text has none.
    const notes = { closer: '{{< / text >}}', compact: '{{</text>}}', percent: '{{% text %}}', include: '{{< boilerplate before-you-begin-egress >}}' };
    const annotations = Object.entries(notes).map(([key, value]) => `    ${key}: "Thanks for reading\\n${value.replaceAll('{{', '$O').replaceAll('}}', '$C')}"`);
    const get = (key: string) => ['{{< text bash >}}', `$ kubectl get ns notes -o jsonpath='{.metadata.annotations.${key}}'`, 'Thanks for reading', '{{< /text >}}', ''];
    const text = [
      '---', 'title: Notes', 'test: yes', '---', '',
      '{{< text bash >}}', "$ O='{''{' C='}''}'", '$ kubectl apply -f - <<EOF', 'apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: notes', '  annotations:', ...annotations, 'EOF', 'namespace/notes created', '{{< /text >}}', '',
      ...Object.keys(notes).flatMap(get),
      '{{< text bash >}}', '$ echo plain', 'old', '{{< /text >}}', '',
      '## Cleanup', '', '{{< text bash >}}', '$ kubectl delete ns notes', '{{< /text >}}', '',
    ].join('\n');
    writeFileSync(page, text);
    const { code, stdout } = await runCli(['run', '--keep-going', '--retry-timeout', '1', '--update', page], cluster.env);
    const after = readFileSync(page, 'utf8');
    // Only the plain step was redrawn; every line the parser would read as a construct stayed out of the page.
    expect(after).toBe(text.replace('$ echo plain\nold\n', '$ echo plain\nplain\n'));
    const listed = stdout.split('\n').filter((l) => l.includes('[write-not-output]'));
    expect(listed).toEqual([
      expect.stringMatching(/index\.md:23: snip_\w+: not updated: the output has a line the page would read as a shortcode: \{\{< \/text >}} \(the end of the block\), not as output: "\{\{< \/ text >}}" \[write-not-output\]$/),
      expect.stringMatching(/index\.md:28: snip_\w+: not updated: .*\{\{< \/text >}} \(the end of the block\), not as output: "\{\{<\/text>}}" \[write-not-output\]$/),
      expect.stringMatching(/index\.md:33: snip_\w+: not updated: .*\{\{< text >}} \(a new block, which ends this one\), not as output: "\{\{% text %}}" \[write-not-output\]$/),
      expect.stringMatching(/index\.md:38: snip_\w+: not updated: .*\{\{< boilerplate before-you-begin-egress >}} \(an include\), not as output: .* \[write-not-output\]$/),
    ]);
    expect(stdout).toContain('update: redrew 1 expected output in 1 file; 4 failed steps left as they are');
    expect(code).toBe(1);
    expect(cluster.leftovers()).toBe('');
  }, 90000);
  test('a page that is a symlink is written through to its target: the link stays a link', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctest-update-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'shared'));
    const target = join(dir, 'shared', 'page.md');
    const link = join(dir, 'index.md');
    const text = ['---', 'title: Linked', 'test: yes', '---', '', '{{< text bash >}}', '$ echo new', 'old', '{{< /text >}}', ''].join('\n');
    writeFileSync(target, text);
    symlinkSync('shared/page.md', link);
    const { code, stdout } = await run(['--update', link]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('shared/page.md');
    expect(readFileSync(target, 'utf8')).toBe(text.replace('old', 'new'));
    expect(stdout).toContain('update: redrew 1 expected output in 1 file; 0 failed steps left as they are');
    expect(code).toBe(0);
  }, 60000);
});
