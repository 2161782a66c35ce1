// Drift kinds through the real CLI, on a small site written to a temp folder: what fails `--fail-on`, what only warns.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, cliIn } from '../cli-harness.js';

// Writes `content/<lang>/docs/demo/index.md` for each language, from the page's front matter lines and body.
function site(pages: Record<string, { front?: string[]; body: string[] }>): string {
  const root = mkdtempSync(join(tmpdir(), 'drift-kinds-'));
  for (const [lang, { front = ['title: Demo', 'test: yes'], body }] of Object.entries(pages)) {
    const dir = join(root, 'content', lang, 'docs', 'demo');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.md'), ['---', ...front, '---', '', '## Steps', '', ...body, ''].join('\n'));
  }
  return root;
}


const commentBlock = (comment: string) => ['{{< text bash >}}', `$ kubectl get pods -n istio-system # ${comment}`, '{{< /text >}}'];
const yamlBlock = (comment: string) => ['{{< text yaml >}}', 'apiVersion: v1', `# ${comment}`, 'kind: Service', '{{< /text >}}'];
const neverRuns = (release: string) => ['{{< text syntax=bash snip_id=none >}}', `$ helm install <${release}> <chart>`, '{{< /text >}}'];

describe('drift kinds through the CLI', () => {
  test('a translated # comment of a command or of YAML is kind comment, and fails neither --fail-on outputs nor commands', async () => {
    const root = site({ en: { body: [...commentBlock('list the pods'), '', ...yamlBlock('a service')] }, zh: { body: [...commentBlock('列出 pod'), '', ...yamlBlock('一个服务')] } });
    const json = await cliIn(root, ['drift', '--json', '--fail-on', 'outputs', 'content/zh']);
    expect(json.code).toBe(0);
    const [page] = JSON.parse(json.stdout).pages;
    expect(page.blocks.map((b: { kind: string }) => b.kind)).toEqual(['comment', 'comment']);
    expect(JSON.parse(json.stdout).summary).toMatchObject({ outputs: 0, translated: 0, commands: 0, comments: 1 });
    expect((await cliIn(root, ['drift', 'content/zh'])).code).toBe(0);
    const text = await cliIn(root, ['drift', '--fail-on', 'any', 'content/zh']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('  comment      snip_steps_1 (bash)  content/zh/docs/demo/index.md:8 | content/en/docs/demo/index.md:8\n');
    expect(text.stdout).toContain('1 with translated comments');
  });

  test('translated placeholders of a snip_id=none command do not fail --fail-on commands; another word does', async () => {
    const placeholders = site({ en: { body: neverRuns('release') }, zh: { body: neverRuns('版本') } });
    const result = await cliIn(placeholders, ['drift', '--json', 'content/zh']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).pages[0].blocks.map((b: { kind: string }) => b.kind)).toEqual(['placeholder']);
    const changed = site({ en: { body: neverRuns('release') }, zh: { body: ['{{< text syntax=bash snip_id=none >}}', '$ helm upgrade <release> <chart>', '{{< /text >}}'] } });
    expect((await cliIn(changed, ['drift', 'content/zh'])).code).toBe(1);
  });

  test("word diffs switch to ⟦-…-⟧⟦+…+⟧ when a changed line holds git's markers itself", async () => {
    const command = (field: string) => ['{{< text bash >}}', `$ kubectl get pods -o go-template='{{+range .items}}{{.${field}}}{{end+}}'`, '{{< /text >}}'];
    const root = site({ en: { body: command('metadata.name') }, zh: { body: command('status.phase') } });
    const { stdout } = await cliIn(root, ['drift', 'content/zh']);
    expect(stdout).toContain('Word diffs show ⟦-reference words-⟧⟦+translation words+⟧.');
    expect(stdout).toContain("{{+range .items}}{{.⟦-metadata-⟧⟦+status+⟧.⟦-name-⟧⟦+phase+⟧}}{{end+}}'");
    expect(stdout).not.toContain('[-');
  });

  test('with GITHUB_ACTIONS=true, drift that fails the job is an ::error, the rest ::warning, and the test flag points at the test: line', async () => {
    const root = site({
      en: { body: [...commentBlock('list the pods'), '', '{{< text bash >}}', '$ echo one', '{{< /text >}}'] },
      zh: { front: ['title: 演示', 'description: 一个页面', 'test: no'], body: [...commentBlock('列出 pod'), '', '{{< text bash >}}', '$ echo two', '{{< /text >}}'] },
    });
    process.env.GITHUB_ACTIONS = 'true';
    try {
      const { stdout, code } = await cliIn(root, ['drift', 'content/zh']);
      expect(code).toBe(1);
      const annotations = stdout.split('\n').filter((line) => line.startsWith('::'));
      expect(annotations).toEqual([
        expect.stringMatching(/^::warning file=content\/zh\/docs\/demo\/index\.md,line=4,col=1,title=drift-test-flag::the test flag is no here and yes in .* — write `test: yes` on line 4 as the reference has it$/),
        expect.stringMatching(/^::warning file=content\/zh\/docs\/demo\/index\.md,line=10,col=1,title=drift-comment::only comments differ[^—]*$/),
        // The annotation says what fixes it.
        expect.stringMatching(/^::error file=content\/zh\/docs\/demo\/index\.md,line=14,col=1,title=drift-command::the command differs .* — to fix it, run `istio-doctest sync content\/zh\/docs\/demo\/index\.md`$/),
      ]);
    } finally {
      delete process.env.GITHUB_ACTIONS;
    }
  });

  test('--quiet is quiet everywhere: drift --quiet --summary and check --quiet leave out pages with nothing to do', async () => {
    const root = mkdtempSync(join(tmpdir(), 'drift-quiet-'));
    const write = (lang: string, name: string, front: string[], body: string[]) => {
      mkdirSync(join(root, 'content', lang, 'docs', name), { recursive: true });
      writeFileSync(join(root, 'content', lang, 'docs', name, 'index.md'), ['---', ...front, '---', '', '## Steps', '', ...body, ''].join('\n'));
    };
    const yes = ['title: Demo', 'test: yes'];
    for (const name of ['same', 'comments', 'drifted']) write('en', name, yes, [...commentBlock('list the pods'), '', '{{< text bash >}}', '$ echo one', '{{< /text >}}']);
    write('zh', 'same', yes, [...commentBlock('list the pods'), '', '{{< text bash >}}', '$ echo one', '{{< /text >}}']);
    write('zh', 'comments', yes, [...commentBlock('列出 pod'), '', '{{< text bash >}}', '$ echo one', '{{< /text >}}']);
    write('zh', 'drifted', yes, [...commentBlock('列出 pod'), '', '{{< text bash >}}', '$ echo two', '{{< /text >}}']);
    const summary = join(root, 'summary.md');
    const quiet = await cliIn(root, ['drift', '--quiet', '--summary', summary, 'content/zh']);
    expect(quiet.code).toBe(1);
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('content/zh/docs/drifted/index.md');
    expect(md).not.toContain('content/zh/docs/same/index.md');
    expect(md).not.toContain('content/zh/docs/comments/index.md');
    expect(md).toContain('| drifted commands | 1 | 0 | 0 | 0 | 0 |');
    expect(md).toContain('run \\`istio-doctest sync content/zh/docs/drifted/index.md\\` to fix it');
    expect(md).toMatch(/3 pages compared: 1 drifted commands, 1 comments translated, 1 same \(1 page needing a translator listed\)\.\n$/);
    // Without --quiet every page is a row, each with its standing.
    const loud = join(root, 'loud.md');
    await cliIn(root, ['drift', '--summary', loud, 'content/zh']);
    expect(readFileSync(loud, 'utf8')).toMatch(/✅ content\/zh\/docs\/comments\/index\.md \| zh \| comments translated \|/);
    // The console under --quiet: only the page that needs work, and not its benign comment finding.
    expect(quiet.stdout).toContain('content/zh/docs/drifted/index.md: drift from content/en/docs/drifted/index.md (drifted commands)\n  next: run `istio-doctest sync content/zh/docs/drifted/index.md` to fix it\n  command ');
    expect(quiet.stdout).not.toMatch(/docs\/comments\/index\.md:|^  comment /m);
    const check = await cliIn(root, ['check', '--quiet', 'content/zh']);
    expect(check.stdout).toContain('content/zh/docs/drifted/index.md: drift from');
    expect(check.stdout).not.toContain('content/zh/docs/comments/index.md');
    expect(check.stdout).not.toMatch(/^  comment /m);
  });

  test('drift --json carries each changed line with both line numbers, both texts and the word diff', async () => {
    const root = site({ en: { body: ['{{< text bash >}}', '$ echo one', '{{< /text >}}'] }, zh: { body: ['', '{{< text bash >}}', '$ echo two', '{{< /text >}}'] } });
    const { stdout } = await cliIn(root, ['drift', '--json', 'content/zh']);
    const [block] = JSON.parse(stdout).pages[0].blocks;
    expect(block).toMatchObject({ kind: 'command', line: 9, referenceLine: 8 });
    expect(block.changes).toEqual([
      {
        line: 10,
        referenceLine: 9,
        text: '$ echo two',
        referenceText: '$ echo one',
        diff: '$ echo [-one-]{+two+}',
        words: [{ value: '$ echo ' }, { value: 'one', removed: true }, { value: 'two', added: true }],
      },
    ]);
  });
});
