// `check` as a translator's gate, through the real CLI on small sites written to a temp folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, cliIn } from './cli-harness.js';

// Writes files (path → lines) under a new temp folder and returns it.
function site(files: Record<string, string[]>): string {
  const root = mkdtempSync(join(tmpdir(), 'check-gate-'));
  for (const [path, lines] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), `${lines.join('\n')}\n`);
  }
  return root;
}


const execIt = (test: string) => ['---', 'title: Shell', `test: ${test}`, '---', '', '## Steps', '', '{{< text bash >}}', '$ kubectl exec -it deploy/curl -- sh', '{{< /text >}}'];

describe('check as a translator gate', () => {
  test('kubectl exec -it is an error on a page that runs and a warning on pages that do not', async () => {
    const root = site({ 'content/zh/docs/a/index.md': execIt('no'), 'content/zh/docs/b/index.md': execIt('yes'), 'content/zh/docs/c/index.md': execIt('n/a') });
    const { code, stdout } = await cliIn(root, ['check', '--no-drift', 'content/zh']);
    expect(code).toBe(1);
    expect(stdout).toContain('content/zh/docs/a/index.md:9:1 warning `kubectl exec -it`');
    expect(stdout).toContain('content/zh/docs/b/index.md:9:1 error `kubectl exec -it`');
    expect(stdout).toContain('content/zh/docs/c/index.md:9:1 warning `kubectl exec -it`');
    expect(stdout).toContain('3 pages, 3 blocks, 3 commands: 1 error, 2 warnings');
    const notRun = await cliIn(root, ['check', 'content/zh/docs/a/index.md']);
    expect(notRun.code).toBe(0);
  });

  test('an invalid front matter value says the value found', async () => {
    const root = site({ 'content/uk/docs/a/index.md': ['---', 'title: Тест', 'test: так', '---', '', 'text'] });
    const { code, stdout } = await cliIn(root, ['check', 'content/uk']);
    expect(code).toBe(1);
    expect(stdout).toContain('content/uk/docs/a/index.md:3:1 error front matter key `test`: expected one of "yes", "no", "n/a", "table-of-contents", got "так" [front-matter-invalid]');
  });

  test("the doctest.yaml of each page is validated: a typo'd value and a key naming no block of the page, at the spec's line", async () => {
    const root = site({
      'content/en/docs/a/index.md': ['---', 'title: A', 'test: yes', '---', '', '## Steps', '', '{{< text bash >}}', '$ echo hi', 'hi', '{{< /text >}}'],
      'content/en/docs/a/doctest.yaml': ['blocks:', '  snip_steps_1:', '    verify: contain', '    arg: hi', '  snip_step_1:', '    retry: false'],
    });
    const { code, stdout } = await cliIn(root, ['check', 'content/en']);
    expect(code).toBe(1);
    expect(stdout).toContain('content/en/docs/a/doctest.yaml:3:1 error `blocks.snip_steps_1.verify`: expected one of auto, same, contains');
    expect(stdout).toContain('got the text "contain" [spec-invalid]');
    const fixed = site({
      'content/en/docs/a/index.md': ['---', 'title: A', 'test: yes', '---', '', '## Steps', '', '{{< text bash >}}', '$ echo hi', 'hi', '{{< /text >}}'],
      'content/en/docs/a/doctest.yaml': ['blocks:', '  snip_steps_1:', '    verify: contains', '    arg: hi', '  snip_step_1:', '    retry: false'],
    });
    const unknown = await cliIn(fixed, ['check', 'content/en']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('content/en/docs/a/doctest.yaml:5:1 error `blocks.snip_step_1`: content/en/docs/a/index.md has no block snip_step_1');
    expect(unknown.stdout).toContain('[spec-unknown-block]');
  });

  test('check --json gives the pages, their diagnostics, the specs, the summary and the drift; --no-drift leaves drift out', async () => {
    const { code, stdout } = await cli(['check', '--json', 'content/es']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(doc.summary).toEqual({ pages: 2, blocks: 25, commands: 28, errors: 0, warnings: 0 });
    expect(doc.pages[1]).toMatchObject({ file: 'content/es/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md', lang: 'es', test: 'yes', blocks: 22, diagnostics: [] });
    expect(doc.drift.summary.commands).toBe(2);
    const without = JSON.parse((await cli(['check', '--json', '--no-drift', 'content/es'])).stdout);
    expect(without.drift).toBeNull();
    expect((await cli(['check', '--no-drift', 'content/es'])).stdout).not.toContain('drift against');
  });

  test('drift --quiet prints only the pages that drift, and the summary', async () => {
    const loud = (await cli(['drift', 'content/zh', 'content/es'])).stdout;
    const { stdout } = await cli(['drift', '--quiet', 'content/zh', 'content/es']);
    expect(loud).toContain('content/zh/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md: same as');
    expect(stdout).not.toContain(': same as');
    expect(stdout).toContain('content/es/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md: drift from');
    expect(stdout.trimEnd().split('\n').pop()).toBe(loud.trimEnd().split('\n').pop());
  });
});
