// Which pages run: `test: yes` pages of the languages asked for, never a boilerplate alone, and stable shards.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadPages } from '../../src/app/pages.js';
import { parseShard, selectPages, shardOf, stepsToRun } from '../../src/run/select.js';
import { cli } from '../cli-harness.js';
import { Workspace } from '../../src/app/workspace.js';
import { corpus, corpusPresent } from '../corpus.js';

const files = (n: number) => Array.from({ length: n }, (_, i) => ({ file: `content/en/docs/tasks/page-${String(i).padStart(2, '0')}/index.md` }));

describe('page selection', () => {
  test('the seed folders give the three test pages and list the boilerplates as skipped, with the reason', () => {
    const { pages } = loadPages(['content/es', 'content/uk', 'content/zh']);
    const { run, skipped } = selectPages(pages);
    expect(run.map((p) => p.lang)).toEqual(['es', 'uk', 'zh']);
    expect(skipped).toEqual(
      ['es', 'uk', 'zh'].map((lang) => ({ file: `content/${lang}/boilerplates/before-you-begin-egress.md`, reason: 'a boilerplate: its steps run in the pages that include it' })),
    );
  });

  test('--lang keeps the languages named; pages without `test: yes` are skipped unless --all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctest-select-'));
    writeFileSync(join(dir, 'manual.md'), '---\ntitle: Needs a multicluster set-up\ntest: no\n---\n\nText.\n');
    writeFileSync(join(dir, 'unmarked.md'), '---\ntitle: Concepts\n---\n\nText.\n');
    try {
      const { pages } = loadPages(['content/es', 'content/uk', dir]);
      expect(selectPages(pages, { langs: ['uk'] }).run.map((p) => p.file)).toEqual(['content/uk/docs/tasks/traffic-management/egress/egress-kubernetes-services/index.md']);
      const reasons = Object.fromEntries(selectPages(pages).skipped.map((s) => [basename(s.file), s.reason]));
      expect(reasons['manual.md']).toBe('front matter test: no (use --all to run it anyway)');
      expect(reasons['unmarked.md']).toBe('no `test:` in the front matter (use --all to run it anyway)');
      expect(selectPages(pages, { all: true }).run.map((p) => basename(p.file))).toEqual(['index.md', 'index.md', 'manual.md', 'unmarked.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('shards', () => {
  test('I/N is parsed strictly', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '2', 'a/b', '1/0']) expect(parseShard(bad)).toBeUndefined();
  });

  test('the slices of a list cover every page exactly once, in sorted order, and differ by at most one page in size', () => {
    const list = files(23).reverse();
    const slices = [1, 2, 3, 4, 5].map((index) => shardOf(list, { index, count: 5 }));
    expect(slices.flat().map((p) => p.file)).toEqual(files(23).map((p) => p.file));
    const sizes = slices.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  test('a shard does not depend on the order pages were found in', () => {
    const list = files(10);
    const shuffled = [list[7], list[2], list[9], list[0], list[5], list[1], list[8], list[3], list[6], list[4]];
    expect(shardOf(shuffled, { index: 2, count: 3 })).toEqual(shardOf(list, { index: 2, count: 3 }));
  });
});

describe('shards balanced by steps', () => {
  const pages = (steps: number[]) => steps.map((n, i) => ({ file: `p${String(i).padStart(2, '0')}.md`, steps: n }));

  test('a long page gets a shard of its own instead of dragging its neighbours along', () => {
    const list = pages([40, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    const slices = [1, 2].map((index) => shardOf(list, { index, count: 2 }, (p) => p.steps));
    expect(slices.map((s) => s.map((p) => p.file))).toEqual([['p00.md'], list.slice(1).map((p) => p.file)]);
    expect(slices.flat()).toHaveLength(list.length);
  });

  const present = corpusPresent('the corpus shard balance test');
  (present ? test : test.skip)('over the test: yes English pages of the corpus, 4 shards by steps are within one page of even; run --scripts off --shard 2/4 takes the second', async () => {
    const loaded = loadPages([join(corpus, 'content/en')]);
    const workspace = new Workspace(loaded, undefined, 'en');
    const plans = selectPages(loaded.pages).run.map((page) => ({ file: page.file, plan: workspace.planOf(page, {}) }));
    const byCount = [1, 2, 3, 4].map((index) => shardOf(plans, { index, count: 4 }));
    const bySteps = [1, 2, 3, 4].map((index) => shardOf(plans, { index, count: 4 }, (e) => stepsToRun(e.plan)));
    const weigh = (shard: typeof plans) => shard.reduce((n, e) => n + stepsToRun(e.plan), 0);
    const largest = Math.max(...plans.map((e) => stepsToRun(e.plan)));
    process.stdout.write(
      `steps to run per shard of the ${plans.length} English test pages: by pages ${byCount.map(weigh).join(', ')}; by steps ${bySteps.map(weigh).join(', ')} (pages ${bySteps.map((s) => s.length).join(', ')}); largest page ${largest}\n`,
    );
    const steps = bySteps.map(weigh);
    expect(Math.max(...steps) - Math.min(...steps)).toBeLessThanOrEqual(largest);
    expect(bySteps.flat()).toHaveLength(plans.length);
    const { stdout } = await cli(['run', '--dry-run', '--scripts', 'off', '--shard', '2/4', join(corpus, 'content/en')]);
    const listed = [...stdout.matchAll(/^(\S+) \[en\] \d+ steps?/gm)].map((m) => m[1]);
    expect(listed).toEqual(bySteps[1].map((e) => e.file));
  }, 120000);
});
