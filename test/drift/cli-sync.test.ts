// `istio-doctest sync` through the CLI on copies of the seed pages and of the corpus's uk/zh pages: what it fixes,
// what it lists, that a second run changes nothing, and that drift then finds no command to fix.
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { loadPages } from '../../src/app/pages.js';
import { cli } from '../cli-harness.js';
import { corpus, corpusPresent } from '../corpus.js';

const ROOT = resolve(__dirname, '..', '..');
const SEED = 'docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md';
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

// A copy of a site's content (and data) folders in a fresh temp folder.
function copySite(from: string, langs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'doctest-sync-'));
  dirs.push(dir);
  for (const lang of langs) cpSync(join(from, 'content', lang), join(dir, 'content', lang), { recursive: true });
  try {
    cpSync(join(from, 'data'), join(dir, 'data'), { recursive: true });
  } catch {
    // A site without data/ reads no vars.
  }
  return dir;
}

// Every diagnostic of the pages under the folders, keyed without its line (lines move when blocks grow).
function diagnostics(paths: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const page of loadPages(paths).pages) {
    for (const d of page.diagnostics) {
      const key = `${page.file} ${d.ruleId} ${d.message.replace(/\d+/g, 'N')}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

// The diagnostics of `after` that `before` did not have.
function added(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([key, n]) => n > (before.get(key) ?? 0)).map(([key]) => key);
}

describe('istio-doctest sync', () => {
  test('on the seed pages: commands take the reference, translated outputs stay and are listed, a second run changes nothing', async () => {
    const site = copySite(ROOT, ['en', 'es', 'uk', 'zh']);
    const paths = ['es', 'uk', 'zh'].map((lang) => join(site, 'content', lang));
    const es = join(site, 'content/es', SEED);
    const original = readFileSync(es, 'utf8');
    const dry = await cli(['sync', '--dry-run', ...paths]);
    expect(readFileSync(es, 'utf8')).toBe(original);
    expect(dry.stdout).toContain('-    $ kubectl apply -f @samples/curl/curl.yaml@ -n without-istio\n+    $ kubectl apply -f @samples/sleep/sleep.yaml@ -n without-istio\n');
    expect(dry.stdout).toMatch(/sync against en: 6 translated pages, 19 drifted blocks: 17 synced, 2 left to translators; 3 files would change \(dry run: nothing written\)\nto do: 2 items listed above: 2 blocks left\n$/);
    const before = diagnostics(paths);

    const sync = await cli(['sync', ...paths]);
    expect(sync.code).toBe(0);
    const synced = readFileSync(es, 'utf8');
    expect(synced).toContain('    $ kubectl apply -f @samples/sleep/sleep.yaml@ -n without-istio\n');
    // The translated Wikipedia title stays, under the synced command; the translator is told where.
    expect(synced).toContain('<title>Wikipedia, la enciclopedia libre</title>');
    // At the block's opener in the text sync wrote (197 before; a line was added above it).
    expect(sync.stdout).toMatch(/content\/es\/docs\/.*index\.md:198: snip_use_a_kubernetes_service_with_endpoints_to_access_an_external_service_4: translated output/);
    expect(synced.split('\n')[197]).toMatch(/^\s*\{\{< text /);
    expect(added(before, diagnostics(paths))).toEqual([]);

    const again = await cli(['sync', ...paths]);
    expect(readFileSync(es, 'utf8')).toBe(synced);
    expect(again.stdout).toMatch(/: 0 synced, 2 left to translators; 0 files changed\nto do: 2 items listed above: 2 blocks left\n$/);
    const drift = await cli(['drift', '--fail-on', 'commands', ...paths]);
    expect(drift.code).toBe(0);
  });

  test('a reference block whose text has a line the translation would read as a shortcode construct is not synced: listed with the rule, exit 1', async () => {
    const site = mkdtempSync(join(tmpdir(), 'doctest-sync-'));
    dirs.push(site);
    const page = (lang: string, heading: string, blocks: string[][]) => {
      mkdirSync(join(site, 'content', lang, 'docs/notes'), { recursive: true });
      const text = ['---', 'title: Notes', 'test: yes', '---', '', heading, '', ...blocks.flatMap((b) => ['{{< text bash >}}', ...b, '{{< /text >}}', ''])].join('\n');
      writeFileSync(join(site, 'content', lang, 'docs/notes/index.md'), text);
      return text;
    };
    const footer = "$ kubectl get ns notes -o jsonpath='{.metadata.annotations.footer}'";
    page('en', '## Read the notes', [[footer, 'Thanks for reading', '{{< boilerplate before-you-begin-egress >}}'], ['$ cat release-notes.md', 'Istio 1.26', '{{< tab name="1.27" >}}'], ['$ kubectl delete ns notes --ignore-not-found']]);
    const es = page('es', '## Leer las notas {#read-the-notes}', [[footer, 'Thanks for reading'], ['$ cat release-notes.md', 'Istio 1.26'], ['$ kubectl delete ns notes']]);
    const file = join(site, 'content/es/docs/notes/index.md');
    const result = await cli(['sync', join(site, 'content/es')]);
    // The block whose commands changed is synced; the two whose new lines would be an include and a tab are not.
    expect(readFileSync(file, 'utf8')).toBe(es.replace('$ kubectl delete ns notes\n', '$ kubectl delete ns notes --ignore-not-found\n'));
    expect(result.stdout.split('\n').filter((l) => l.includes('not synced'))).toEqual([
      expect.stringMatching(/es\/docs\/notes\/index\.md:8: snip_read_the_notes_1: not synced: the reference's text \(.*en\/docs\/notes\/index\.md:8\) has a line this page would read as a shortcode: \{\{< boilerplate before-you-begin-egress >}} \(an include\): .* \[write-not-output\]$/),
      expect.stringMatching(/es\/docs\/notes\/index\.md:13: snip_read_the_notes_2: not synced: .* would read as a shortcode: \{\{< tab >}}: .*; the block is left as it is \[write-not-output\]$/),
    ]);
    expect(result.stdout).toContain('3 drifted blocks: 1 synced, 2 left to translators; 1 file changed\nto do: 2 items listed above: 2 blocks left\n');
    expect(result.code).toBe(1);
  });

  test('a translation that is a symlink is synced through to its target: the link stays a link', async () => {
    const site = mkdtempSync(join(tmpdir(), 'doctest-sync-'));
    dirs.push(site);
    const text = (command: string) => ['---', 'title: Notes', 'test: yes', '---', '', '## Clean up', '', '{{< text bash >}}', command, '{{< /text >}}', ''].join('\n');
    mkdirSync(join(site, 'content/en/docs/notes'), { recursive: true });
    mkdirSync(join(site, 'content/es/docs/notes'), { recursive: true });
    mkdirSync(join(site, 'translations'));
    writeFileSync(join(site, 'content/en/docs/notes/index.md'), text('$ kubectl delete ns notes --ignore-not-found'));
    writeFileSync(join(site, 'translations/notes-es.md'), text('$ kubectl delete ns notes').replace('## Clean up', '## Limpiar {#clean-up}'));
    const link = join(site, 'content/es/docs/notes/index.md');
    symlinkSync('../../../../translations/notes-es.md', link);
    // A changed path, as the translations workflow passes it (a folder walk lists regular files only).
    const result = await cli(['sync', link]);
    // Pages are shown relative to the working directory (the checkout), wherever the checkout is.
    expect(result.stdout).toContain(`${relative(process.cwd(), link)}: synced\n`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(site, 'translations/notes-es.md'), 'utf8')).toContain('$ kubectl delete ns notes --ignore-not-found\n');
    expect(result.code).toBe(0);
  });

  test('bad usage is one line and exit 2', async () => {
    const result = await cli(['sync', '--only', 'prose', 'content/es']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^istio-doctest: unknown --only 'prose' \(all, commands, outputs\)\n/);
  });

  const present = corpusPresent('sync on a copy of the corpus');
  (present ? test : test.skip)('on a copy of the corpus\'s uk and zh pages: command drift is gone, nothing new is wrong, a second run changes nothing', async () => {
    const site = copySite(corpus, ['en', 'uk', 'zh']);
    const paths = ['uk', 'zh'].map((lang) => join(site, 'content', lang));
    const before = diagnostics(paths);
    const first = await cli(['sync', ...paths]);
    const counts = /(\d+) drifted blocks: (\d+) synced, (\d+) left to translators; (\d+) files changed/.exec(first.stdout);
    expect(counts).not.toBeNull();
    const [drifted, synced, left, files] = counts!.slice(1).map(Number);
    process.stdout.write(`sync on the corpus copy: ${drifted} drifted uk/zh blocks, ${synced} synced, ${left} left to translators, ${files} files changed\n`);
    expect(synced).toBeGreaterThan(100);
    expect(synced + left).toBe(drifted);
    expect(first.code).toBe(0);
    expect(added(before, diagnostics(paths))).toEqual([]);
    const second = await cli(['sync', ...paths]);
    expect(second.stdout).toMatch(/: 0 synced, \d+ left to translators; 0 files changed\nto do: \d+ items listed above: /);
    // Every run's to-do list: as many items as it says, and one per block left.
    for (const run of [first, second]) {
      const listed = run.stdout.split('\n').filter((l) => /^\S+:\d+: /.test(l) && !/^\S+:\d+: not synced: /.test(l));
      const todo = /to do: (\d+) items listed above: (\d+) blocks? left/.exec(run.stdout)!;
      const left = Number(/(\d+) left to translators/.exec(run.stdout)![1]);
      process.stdout.write(`sync to-do on the corpus copy: ${todo[0]}\n`);
      expect(listed).toHaveLength(Number(todo[1]));
      expect(Number(todo[2])).toBe(left);
    }
    const drift = JSON.parse((await cli(['drift', '--json', '--fail-on', 'none', ...paths])).stdout);
    expect(drift.summary.commands).toBe(0);
  }, 240000);
});
