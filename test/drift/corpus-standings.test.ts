// One standing per page, decided once: on the corpus's uk and zh pages the HTML report counts every standing exactly
// as `drift` does, no page whose only findings are translated comments is "translated outputs", and a language where
// a page does not exist shows "—", never "no reference".
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../cli-harness.js';
import { corpus, corpusPresent } from '../corpus.js';

const present = corpusPresent('the standings of the corpus in drift and in the report');
const dir = mkdtempSync(join(tmpdir(), 'doctest-standings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

(present ? test : test.skip)('the report counts per standing equal drift\'s on content/uk and content/zh', async () => {
  const cwd = process.cwd();
  process.chdir(corpus);
  let drift: { pages: { file: string; standing: string; blocks: { kind: string }[] }[]; summary: { languages: Record<string, Record<string, number>> } };
  let html: string;
  try {
    drift = JSON.parse((await cli(['drift', '--json', '--fail-on', 'none', 'content/uk', 'content/zh'])).stdout);
    const out = join(dir, 'report.html');
    const made = await cli(['report', '--html', out, 'content/en', 'content/uk', 'content/zh']);
    expect(made.code).toBe(0);
    html = readFileSync(out, 'utf8');
  } finally {
    process.chdir(cwd);
  }
  // The counts table: a row per standing, a cell per language.
  const counts: Record<string, Record<string, number>> = {};
  for (const [, status, cells] of html.matchAll(/<tr data-status="([^"]+)">(.*?)<\/tr>/g)) {
    for (const [, lang, n] of cells.matchAll(/<td data-lang="([^"]+)">(\d+)<\/td>/g)) (counts[lang] ??= {})[status] = Number(n);
  }
  for (const lang of ['uk', 'zh']) {
    const fromDrift = Object.fromEntries(Object.entries(drift.summary.languages[lang]).filter(([, n]) => n > 0));
    const fromReport = Object.fromEntries(Object.entries(counts[lang]).filter(([s, n]) => n > 0 && s !== 'not-translated' && s !== 'absent'));
    process.stdout.write(`standings of ${lang}: drift ${JSON.stringify(fromDrift)}, report ${JSON.stringify(fromReport)}\n`);
    expect(fromReport).toEqual(fromDrift);
  }
  // A page whose only findings are translated comments is fine ("comments translated"), not "translated outputs".
  const commentOnly = drift.pages.filter((p) => p.blocks.some((b) => b.kind === 'comment') && p.blocks.every((b) => b.kind === 'same' || b.kind === 'comment'));
  expect(commentOnly.length).toBeGreaterThan(10);
  expect(commentOnly.filter((p) => p.standing === 'translated')).toEqual([]);
  // "no reference" only where the page exists without an en page; where it does not exist at all: "—".
  expect(counts.en['no-reference'] ?? 0).toBe(0);
  const noReference = drift.pages.filter((p) => p.standing === 'no-reference').length;
  expect((counts.uk['no-reference'] ?? 0) + (counts.zh['no-reference'] ?? 0)).toBe(noReference);
  expect(counts.en.absent).toBeGreaterThan(0);
}, 400000);
