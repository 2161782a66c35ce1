// YAML alias bombs (nested aliases: 500 bytes that expand to billions of values) in a page's front matter, a
// doctest.yaml and data/args.yml are one positioned diagnostic each, at once; the other pages are checked and run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, runCli } from '../run/harness.js';

beforeAll(() => ensureBuilt(), 120000);

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// `a0: &a0 [lol x9]`, `a1: &a1 [*a0 x9]` ... `a9`: 9^10 (3.5 billion) strings once expanded; the key holding the
// last alias first (`first`) so the expanded value is what a reader meets.
function bomb(first: string, prefix = ''): string {
  const lines = [`${prefix}a0: &a0 [${Array(9).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < 10; i++) lines.push(`${prefix}a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return [...lines, `${first}: *a9`].join('\n');
}

const body = '\n## Steps\n\n{{< text bash >}}\n$ echo hi\nhi\n{{< /text >}}\n';

// A site with a bombed page, a page beside it with a bombed doctest.yaml, and a healthy page.
function site(options: { args?: string } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'doctest-yaml-bomb-'));
  dirs.push(root);
  const page = (name: string, frontMatter: string) => {
    mkdirSync(join(root, 'content', 'en', 'docs', name), { recursive: true });
    writeFileSync(join(root, 'content', 'en', 'docs', name, 'index.md'), `---\n${frontMatter}\n---\n${body}`);
  };
  page('bomb', `title: Bomb\ntest: yes\n${bomb('keywords')}`);
  page('spec', 'title: Spec\ntest: yes');
  writeFileSync(join(root, 'content', 'en', 'docs', 'spec', 'doctest.yaml'), `${bomb('x')}\npage:\n  requires: *a9\n`);
  page('fine', 'title: Fine\ntest: yes');
  if (options.args) {
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data', 'args.yml'), options.args);
  }
  return root;
}

describe('YAML alias bombs', () => {
  test('check: the front matter and the doctest.yaml bombs are one diagnostic each at their first alias; the healthy page is checked', async () => {
    const root = site();
    const result = await runCli(['check', join(root, 'content', 'en')], {}, 60000);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/docs\/bomb\/index\.md:5:1 error front matter is not valid YAML: its aliases expand to more than 10,000 values \(or refer to themselves\).* \[front-matter-yaml\]/);
    expect(result.stdout).toMatch(/docs\/spec\/doctest\.yaml:2:1 error not valid YAML: its aliases expand past 100 copied values \(a YAML alias bomb\?\) \[spec-yaml\]/);
    expect(result.stdout).toMatch(/docs\/fine\/index\.md {2}\[en\] "Fine" {2}test: yes {2}1 block, 1 command/);
    expect(result.stdout).toMatch(/3 pages, 3 blocks, 3 commands: 2 errors/);
  }, 70000);

  test('extract and run --dry-run go on with the other pages', async () => {
    const root = site();
    const extract = await runCli(['extract', join(root, 'content', 'en')], {}, 60000);
    expect(extract.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(JSON.parse(extract.stdout).pages.map((p: { file: string }) => p.file.split('/').slice(-2)[0])).toEqual(['bomb', 'fine', 'spec']);
    const dry = await runCli(['run', '--dry-run', join(root, 'content', 'en')], {}, 60000);
    expect(dry.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(dry.stdout).toMatch(/docs\/fine\/index\.md/);
    expect(`${dry.stdout}${dry.stderr}`).toMatch(/docs\/spec\/doctest\.yaml:2:1 error not valid YAML: its aliases expand past 100 copied values/);
  }, 70000);

  test('a bomb in data/args.yml (the default vars file) or --vars is one line naming the file and line', async () => {
    const args = `version: "1.24"\nfull_version: "1.24.0"\nprevious_version: "1.23"\n${bomb('source_branch_name', 'x')}\n`;
    const root = site({ args });
    const named = await runCli(['check', '--vars', join(root, 'data', 'args.yml'), join(root, 'content', 'en', 'docs', 'fine')], {}, 60000);
    expect(named.code).toBe(2);
    expect(named.stderr).toMatch(/^istio-doctest: --vars: vars file .*data\/args\.yml:5: not valid YAML: its aliases expand past 100 copied values \(a YAML alias bomb\?\)\n/);
    const found = await runCli(['check', join(root, 'content', 'en', 'docs', 'fine')], {}, 60000);
    expect(found.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(found.stderr).toMatch(/data\/args\.yml:5: not valid YAML: its aliases expand past 100 copied values/);
    expect(found.stdout).toMatch(/docs\/fine\/index\.md {2}\[en\] "Fine"/);
  }, 70000);
});
