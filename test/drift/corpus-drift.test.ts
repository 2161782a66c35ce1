import { corpus, corpusPresent } from '../corpus.js';
import { cli } from '../cli-harness.js';

const present = corpusPresent('drift over the istio.io corpus');
const describeCorpus = present ? describe : describe.skip;

describeCorpus('drift over the istio.io corpus', () => {
  const cwd = process.cwd();
  beforeAll(() => process.chdir(corpus));
  afterAll(() => process.chdir(cwd));

  test('drift --reference en over content/uk and content/zh completes in one process and prints the summary counts', async () => {
    const started = performance.now();
    const { code, stdout, stderr } = await cli(['drift', '--reference', 'en', '--json', 'content/uk', 'content/zh']);
    const ms = performance.now() - started;
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const { pages, summary } = JSON.parse(stdout);
    process.stdout.write(`corpus drift (uk + zh against en, in-process ${ms.toFixed(0)} ms): ${JSON.stringify(summary)}\n`);
    expect(summary.compared + summary.noReference).toBe(pages.length);
    expect(summary.compared).toBeGreaterThan(1500);
    expect(summary.identical).toBeLessThan(summary.compared);
    expect(summary.commands).toBeGreaterThan(0);
    expect(summary.translated).toBeGreaterThan(0);
    const kinds = new Set(pages.flatMap((p: { blocks: { kind: string }[] }) => p.blocks.map((b) => b.kind)));
    expect([...kinds].sort()).toEqual(['command', 'comment', 'extra', 'missing', 'output', 'placeholder', 'same', 'translated']);
    // Every finding carries its next step.
    type Fixed = { fix: { action: string; text: string } | null };
    // (A page with no reference page has no reference test flag to differ from.)
    const findings = pages.flatMap((p: { status: string; test: Fixed & { page: unknown; reference: unknown }; boilerplates: (Fixed & { status: string })[]; blocks: (Fixed & { kind: string })[] }) => [
      ...p.blocks,
      ...p.boilerplates.filter((b) => b.status !== 'same' && b.status !== 'no-reference'),
      ...(p.status !== 'no-reference' && p.test.page !== p.test.reference ? [p.test] : []),
    ]);
    expect(findings.filter((f: Fixed) => !f.fix || !['sync', 'translate', 'edit', 'none'].includes(f.fix.action) || f.fix.text === '')).toEqual([]);
    const text = await cli(['drift', 'content/uk', 'content/zh']);
    expect(text.stdout.trimEnd().split('\n').slice(-2)[0]).toMatch(/^drift against en: \d+ pages compared: \d+ identical, \d+ with command drift, \d+ with output drift \(\d+ translated\), \d+ with missing or extra blocks/);
  });

  test('every translated block of the corpus with an id keeps a unique id after alignment, page by page', async () => {
    const { stdout } = await cli(['extract', 'content/uk', 'content/zh']);
    const duplicated: string[] = [];
    for (const page of JSON.parse(stdout).pages as { file: string; blocks: { id: string | null }[] }[]) {
      const ids = page.blocks.map((b) => b.id).filter((id): id is string => id !== null);
      if (new Set(ids).size !== ids.length) duplicated.push(page.file);
    }
    process.stdout.write(`pages whose aligned ids repeat (as their English page's do, or their own): ${duplicated.length}\n`);
    expect(duplicated).toEqual([]);
  });
});
