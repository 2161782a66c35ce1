// A block the reference runs and a translation does not (`snip_id=none` added in the translation, a `skip:` in the
// translation's own doctest.yaml) is drift of its own kind, `not-run`, through the real CLI: it fails
// `drift --fail-on commands` and `any`, where the page was "identical" and its run passed without the step.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cliIn } from '../cli-harness.js';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

// Writes a site: path under content/ → text.
function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'drift-not-run-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  }
  return root;
}

const page = (title: string, attrs = '') =>
  `---\ntitle: ${title}\ntest: yes\n---\n\n## Check {#check}\n\n{{< text bash${attrs} >}}\n$ kubectl get pods -n istio-system\nistiod-1  1/1  Running\n{{< /text >}}\n`;

describe('drift not-run', () => {
  test('snip_id=none in the translation where English runs the block fails --fail-on commands and any, naming the reason', async () => {
    const root = site({ 'en/docs/demo/index.md': page('Demo'), 'uk/docs/demo/index.md': page('Демо', ' snip_id=none') });
    const text = await cliIn(root, ['drift', 'content/uk']);
    expect(text.stdout).toContain('  not-run      snip_check_1 (bash)  content/uk/docs/demo/index.md:8 | content/en/docs/demo/index.md:8\n');
    expect(text.stdout).toContain('not run here (snip_id=none: istio.io marks this block never to run');
    expect(text.stdout).toContain('1 not running a block the reference runs');
    expect(text.code).toBe(1);
    expect((await cliIn(root, ['drift', '--fail-on', 'any', 'content/uk'])).code).toBe(1);
    expect((await cliIn(root, ['drift', '--fail-on', 'outputs', 'content/uk'])).code).toBe(0);
    const json = JSON.parse((await cliIn(root, ['drift', '--json', 'content/uk'])).stdout);
    expect(json.pages[0]).toMatchObject({ status: 'drift', blocks: [{ kind: 'not-run', id: 'snip_check_1', line: 8, referenceLine: 8 }] });
    expect(json.summary).toMatchObject({ notRun: 1, identical: 0 });
    const saved = process.env.GITHUB_ACTIONS;
    process.env.GITHUB_ACTIONS = 'true';
    const annotations = await cliIn(root, ['drift', 'content/uk']).finally(() => (saved === undefined ? delete process.env.GITHUB_ACTIONS : (process.env.GITHUB_ACTIONS = saved)));
    expect(annotations.stdout).toContain('::error file=content/uk/docs/demo/index.md,line=8');
    expect(annotations.stdout).toContain('title=drift-not-run::this block does not run here (snip_id=none');
  });

  test('a skip: in the translation\'s own doctest.yaml is not-run; the same skip in the English one (which both use) is not drift', async () => {
    const skip = 'blocks:\n  snip_check_1:\n    skip: "needs a LoadBalancer"\n';
    const own = site({ 'en/docs/demo/index.md': page('Demo'), 'uk/docs/demo/index.md': page('Демо'), 'uk/docs/demo/doctest.yaml': skip });
    const result = await cliIn(own, ['drift', 'content/uk']);
    expect(result.stdout).toContain('not run here (skipped by doctest.yaml: needs a LoadBalancer); the reference runs it');
    expect(result.code).toBe(1);
    const shared = site({ 'en/docs/demo/index.md': page('Demo'), 'uk/docs/demo/index.md': page('Демо'), 'en/docs/demo/doctest.yaml': skip });
    const same = await cliIn(shared, ['drift', '--fail-on', 'any', 'content/uk']);
    expect(same.stdout).toContain('same as');
    expect(same.code).toBe(0);
  });

  test('snip_id=none on both sides is no finding', async () => {
    const root = site({ 'en/docs/demo/index.md': page('Demo', ' snip_id=none'), 'uk/docs/demo/index.md': page('Демо', ' snip_id=none') });
    expect((await cliIn(root, ['drift', '--fail-on', 'any', 'content/uk'])).code).toBe(0);
  });
});
