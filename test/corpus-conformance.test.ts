import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readVars } from '../src/config/vars.js';
import { findPages, loadPage } from '../src/page/load.js';
import { readFrontMatter } from '../src/page/front-matter.js';
import { needsMarkdownParser, sectionsByLines, sectionsByRemark } from '../src/page/sections.js';
import { scanShortcodes } from '../src/page/shortcodes.js';
import type { Page } from '../src/page/types.js';
import { boilerplateSources, formatSnips } from '../src/istio/snips.js';
import { corpus, corpusPresent, goldens } from './corpus.js';

const present = corpusPresent('the istio.io corpus conformance tests');
const describeCorpus = present ? describe : describe.skip;

// Lists golden files (relative paths) under the goldens folder.
function goldenFiles(dir: string, into: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) goldenFiles(path, into);
    else if (name.endsWith('.snips.sh')) into.push(relative(goldens, path));
  }
  return into;
}

// The part of a snips file compared with the goldens: from the first `source` or snippet line on.
function fromFirstSnippet(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => /^(source |snip_\w+\(\) \{|! IFS=)/.test(line));
  return first < 0 ? '' : lines.slice(first).join('\n');
}

describeCorpus('istio.io corpus', () => {
  const vars = present ? readVars(join(corpus, 'data/args.yml')) : undefined;
  const cwd = process.cwd();
  beforeAll(() => process.chdir(corpus));
  afterAll(() => process.chdir(cwd));

  test('extract --format snips equals istio.io snippets for every golden page, byte for byte', () => {
    if (!vars?.ok) throw new Error('data/args.yml of the corpus does not load');
    const files = goldenFiles(goldens);
    expect(files.length).toBeGreaterThanOrEqual(20);
    const cache = new Map<string, Page>();
    const mismatches: string[] = [];
    for (const golden of files) {
      const markdown = golden.replace(/\.snips\.sh$/, '.md');
      const page = loadPage(markdown, { vars: vars.vars, cache });
      const { body } = formatSnips(page, vars.vars, boilerplateSources(page));
      if (fromFirstSnippet(body) !== fromFirstSnippet(readFileSync(join(goldens, golden), 'utf8'))) mismatches.push(markdown);
    }
    expect(mismatches).toEqual([]);
  });

  test('all pages parse without a crash, and the diagnostic counts are printed', () => {
    const { files } = findPages(['content']);
    const counts: Record<string, number> = {};
    const cache = new Map<string, Page>();
    let blocks = 0;
    let steps = 0;
    for (const file of files) {
      const page = loadPage(file, { vars: vars?.ok ? vars.vars : undefined, cache });
      blocks += page.blocks.length;
      steps += page.blocks.reduce((n, b) => n + (b.steps?.length ?? 0), 0);
      for (const d of page.diagnostics) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
    }
    process.stdout.write(`corpus: ${files.length} pages, ${blocks} blocks, ${steps} commands; diagnostics by rule: ${JSON.stringify(counts)}\n`);
    expect(files.length).toBe(2664);
    expect(blocks).toBeGreaterThan(7000);
    expect(counts['internal-error']).toBeUndefined();
  });

  test('the line scan for headings agrees with remark-parse on every page it is used for', () => {
    const { files } = findPages(['content']);
    let scanned = 0;
    const disagreements: string[] = [];
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split(/\r?\n/);
      const front = readFrontMatter(file, lines);
      const scan = scanShortcodes(file, lines, front.bodyLine);
      if (needsMarkdownParser(lines, front.bodyLine, scan.blockLines)) continue;
      scanned++;
      const byLines = sectionsByLines(lines, front.bodyLine, scan.blockLines);
      const byRemark = sectionsByRemark(lines, front.bodyLine, scan.blockLines);
      if (JSON.stringify(byLines) !== JSON.stringify(byRemark)) disagreements.push(file);
    }
    process.stdout.write(`headings: line scan used on ${scanned} of ${files.length} pages\n`);
    expect(scanned).toBeGreaterThan(2000);
    expect(disagreements).toEqual([]);
  });
});
