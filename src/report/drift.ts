// `drift` output: for people, grouped by page with file:line on both sides and a word diff of each changed line
// (`[-reference-]{+translation+}`); for tools, stable JSON; for pull requests, annotations at the translated line.
import { diagnostic } from '../page/diagnostics.js';
import type { Diagnostic } from '../page/types.js';
import { failingFindings, type DriftReport, type DriftSummary, type FailOn, type Finding } from '../translate/drift-report.js';
import { DRIFT_KINDS, type BlockDrift, type DriftKind, type PageDrift } from '../translate/drift.js';
import type { Fix } from '../translate/next-step.js';
import { pageNextSteps } from '../translate/page-next-steps.js';

export { pageNextSteps } from '../translate/page-next-steps.js';
import { STANDINGS, standingOf, standings } from '../translate/standing.js';
import type { LineChange, WordPart } from '../translate/line-changes.js';
import { plural } from './page-summary.js';

export interface DriftTextOptions {
  /** Only pages that drift (what `check` shows after its diagnostics). */
  onlyDrift?: boolean;
  /** Only pages whose standing needs a translator, without their benign findings (`--quiet`). */
  onlyWork?: boolean;
}

const kindWidth = 'placeholder'.length;

/** The word-diff notation: git's `[-removed-]{+added+}`, unless a changed line holds one of those markers itself. */
export interface DiffMarkers {
  removed: readonly [string, string];
  added: readonly [string, string];
}

// The first notation none of whose markers occurs in the changed lines, so a command's own `{+` or `+}` (a jsonpath,
// a Go template) never reads as a marker: git's, then `⟦-…-⟧⟦+…+⟧` with as many brackets as it takes.
export function diffMarkers(pages: PageDrift[]): DiffMarkers {
  const texts: string[] = [];
  for (const page of pages) for (const block of page.blocks) for (const c of block.changes) texts.push(c.text ?? '', c.referenceText ?? '');
  for (let level = 0; ; level++) {
    const open = '⟦'.repeat(level);
    const close = '⟧'.repeat(level);
    const markers: DiffMarkers = level === 0 ? { removed: ['[-', '-]'], added: ['{+', '+}'] } : { removed: [`${open}-`, `-${close}`], added: [`${open}+`, `+${close}`] };
    const all = [...markers.removed, ...markers.added];
    if (!texts.some((text) => all.some((marker) => text.includes(marker)))) return markers;
  }
}

// The human report: one paragraph per page, then the summary line.
export function driftText(report: DriftReport, options: DriftTextOptions = {}): string {
  const out: string[] = [];
  const quiet = options.onlyWork === true;
  const shown = report.pages.filter((page) => (quiet ? !STANDINGS[standingOf(page)].fine : !options.onlyDrift || page.status === 'drift'));
  const markers = diffMarkers(shown);
  if (shown.some((page) => page.blocks.some((b) => b.changes.length > 0))) out.push(`Word diffs show ${wordDiff([{ value: 'reference words', removed: true }, { value: 'translation words', added: true }], markers)}.`, '');
  for (const page of shown) out.push(...pageLines(page, markers, quiet), '');
  out.push(summaryLine(report.reference, report.summary), standingsLine(report.summary));
  return `${out.join('\n')}\n`;
}

// The summary line: pages compared, identical, and with each kind of drift.
function summaryLine(reference: string, s: DriftSummary): string {
  const parts = [
    `${s.identical} identical`,
    `${s.commands} with command drift`,
    `${s.outputs} with output drift (${s.translated} translated)`,
    `${s.missingOrExtra} with missing or extra blocks`,
  ];
  if (s.comments > 0) parts.push(`${s.comments} with translated comments`);
  if (s.placeholders > 0) parts.push(`${s.placeholders} with translated placeholders in never-run commands`);
  if (s.notRun > 0) parts.push(`${s.notRun} not running a block the reference runs`);
  if (s.testFlag > 0) parts.push(`${s.testFlag} with another test flag`);
  const none = s.noReference > 0 ? `; ${plural(s.noReference, 'page')} with no ${reference} page` : '';
  return `drift against ${reference}: ${plural(s.compared, 'page')} compared: ${parts.join(', ')}${none}`;
}

// Pages per standing, worst first, and how many need a translator.
function standingsLine(s: DriftSummary): string {
  const listed = standings.filter((k) => s.standings[k] > 0);
  const work = standings.filter((k) => !STANDINGS[k].fine).reduce((n, k) => n + s.standings[k], 0);
  return `standings: ${listed.map((k) => `${s.standings[k]} ${STANDINGS[k].label}`).join(', ') || 'none'}; ${plural(work, 'page')} need${work === 1 ? 's' : ''} a translator`;
}

// One page: its header with its standing and next steps, then each finding that is not `same` (with `quiet`, not
// the benign ones either), each with its next step.
function pageLines(page: PageDrift, markers: DiffMarkers, quiet = false): string[] {
  if (page.status === 'no-reference') return [`${page.file}: no reference page`];
  const standing = STANDINGS[standingOf(page)].label;
  const lines = [`${page.file}: ${page.status === 'same' ? 'same as' : 'drift from'} ${page.reference}${page.status === 'same' ? '' : ` (${standing})`}`];
  const next = pageNextSteps(page);
  if (next) lines.push(`  next: ${next}`);
  if (page.test.page !== page.test.reference) lines.push(`  test flag: ${page.test.page ?? '(none)'} here, ${page.test.reference ?? '(none)'} in the reference — ${page.test.fix?.text ?? ''}`);
  for (const include of page.includes) {
    if (include.status === 'same') continue;
    const where =
      include.status === 'missing'
        ? `the reference includes it${include.reference ? ` (${include.reference})` : ''}, this page does not`
        : `${include.file ?? include.name}${include.line ? ` (included on line ${include.line})` : ''}`;
    lines.push(`  boilerplate ${include.name}: ${include.status} — ${where}${include.fix && include.fix.action !== 'none' ? `; ${include.fix.text}` : ''}`);
  }
  for (const block of page.blocks) {
    if (quiet && DRIFT_KINDS[block.kind].benign) continue;
    if (block.kind !== 'same' || block.moved) lines.push(...blockLines(page, block, markers));
  }
  return lines;
}

// One finding: kind, id, syntax, both file:line, then the changed lines or what the missing or extra block starts with.
function blockLines(page: PageDrift, block: BlockDrift, markers: DiffMarkers): string[] {
  const here = block.line !== undefined ? `${page.file}:${block.line}` : '-';
  const there = block.referenceLine !== undefined ? `${page.reference}:${block.referenceLine}` : '-';
  const kind = block.kind === 'same' ? 'moved' : block.kind;
  const moved = block.moved && block.kind !== 'same' ? ', moved' : '';
  const lines = [`  ${kind.padEnd(kindWidth)}  ${block.id ?? '(no id)'} (${block.syntax}${moved})  ${here} | ${there}`];
  if (block.preview !== undefined) lines.push(`      ${block.preview}`);
  if (block.reason !== undefined) lines.push(`      not run here (${block.reason}); the reference runs it`);
  for (const change of block.changes) lines.push(`      ${changePrefix(change)}  ${changeText(change, markers)}`);
  if (block.fix && block.fix.action !== 'none') lines.push(`      fix: ${block.fix.action === 'sync' ? 'sync fixes it (see next:)' : block.fix.text}`);
  return lines;
}

// The line numbers of a changed line on both sides: `translation | reference`.
function changePrefix(change: LineChange): string {
  return `${String(change.line ?? '-').padStart(4)} | ${String(change.referenceLine ?? '-').padEnd(4)}`;
}

// A changed line as a word diff; when the words are the same, says that only the spacing (the indentation) differs.
function changeText(change: LineChange, markers: DiffMarkers): string {
  const text = wordDiff(change.words, markers);
  if (change.words.some((part) => part.added || part.removed)) return text;
  const indent = (s: string | undefined) => /^[ \t]*/.exec(s ?? '')![0].length;
  const before = indent(change.referenceText);
  const after = indent(change.text);
  return `${text}   (${before === after ? 'only spacing differs' : `indented by ${after} here, ${before} in the reference`})`;
}

// A word diff in git's --word-diff=plain notation (or the notation the report chose, see diffMarkers).
function wordDiff(words: WordPart[], markers: DiffMarkers): string {
  const { removed, added } = markers;
  return words.map((part) => (part.removed ? `${removed[0]}${part.value}${removed[1]}` : part.added ? `${added[0]}${part.value}${added[1]}` : part.value)).join('');
}

/** The stable JSON document of `drift --json`, as an object (`check --json` embeds it). */
export function driftDocument(report: DriftReport) {
  const markers = diffMarkers(report.pages);
  return { pages: report.pages.map((page) => pageJson(page, markers)), summary: report.summary, wordDiffMarkers: markers };
}

/** The JSON text of `drift --json`. */
export function driftJson(report: DriftReport): string {
  return `${JSON.stringify(driftDocument(report), null, 2)}\n`;
}

// One page as JSON: the issue's keys (file, reference, status, blocks) plus the test flags and boilerplates, and per
// block the changed lines the text report shows (both line numbers, both texts, the word diff as parts and as text).
function pageJson(page: PageDrift, markers: DiffMarkers) {
  return {
    file: page.file,
    reference: page.reference ?? null,
    status: page.status,
    standing: standingOf(page),
    next: pageNextSteps(page) ?? null,
    test: { page: page.test.page, reference: page.test.reference, line: page.test.line ?? null, fix: page.test.fix ?? null },
    boilerplates: page.includes.map((i) => ({ name: i.name, file: i.file ?? null, reference: i.reference ?? null, status: i.status, fix: i.fix ?? null })),
    blocks: page.blocks.map((b) => ({
      id: b.id ?? null,
      syntax: b.syntax,
      kind: b.kind,
      line: b.line ?? null,
      referenceLine: b.referenceLine ?? null,
      moved: b.moved ?? false,
      preview: b.preview ?? null,
      ...(b.reason !== undefined ? { reason: b.reason } : {}),
      fix: b.fix ?? null,
      changes: b.changes.map((c) => ({
        line: c.line ?? null,
        referenceLine: c.referenceLine ?? null,
        text: c.text ?? null,
        referenceText: c.referenceText ?? null,
        diff: wordDiff(c.words, markers),
        words: c.words,
      })),
    })),
  };
}

// What an annotation says of each kind of finding (one entry per kind of the kinds table, so a new kind needs its words).
const ANNOTATIONS: Record<Exclude<DriftKind, 'same'>, (there: string, block: BlockDrift, reference: string) => string> = {
  command: (there) => `the command differs from ${there}`,
  output: (there) => `the expected output differs from ${there}`,
  translated: (there) => `the expected output was translated, but the command prints what ${there} shows`,
  comment: (there) => `only comments differ from ${there} (it runs the same)`,
  placeholder: (there) => `only placeholders of a command that never runs (snip_id=none) differ from ${there}`,
  missing: (there, block) => `${there} has a ${block.syntax} block here that this page lacks: ${block.preview}`,
  extra: (_there, block, reference) => `this ${block.syntax} block is not on ${reference}`,
  'not-run': (there, block) => `this block does not run here (${block.reason}), but ${there} runs it: the page would pass without it`,
};

// Drift as diagnostics positioned at the translated line, for GitHub annotations on the translator's pull request:
// errors for the findings `failOn` fails the job on, warnings for the rest (`check`, which never fails on drift,
// passes `none`).
export function driftDiagnostics(report: DriftReport, failOn: FailOn = 'none'): Diagnostic[] {
  const found: Diagnostic[] = [];
  const failing = new Set<Finding>(failingFindings[failOn]);
  const markers = diffMarkers(report.pages);
  for (const page of report.pages) {
    if (page.status !== 'drift') continue;
    // A boilerplate one page includes and the other does not fails as a missing or extra block does.
    const add = (line: number, finding: Finding, message: string, failsAs: Finding = finding) =>
      found.push(diagnostic({ file: page.file, line, severity: failing.has(failsAs) ? 'error' : 'warning', ruleId: `drift-${finding}`, message }));
    const next = (fix: Fix | undefined) => (fix && fix.action !== 'none' ? ` — ${fix.action === 'sync' ? 'to fix it, ' : ''}${fix.text}` : '');
    if (page.test.page !== page.test.reference) add(page.test.line ?? 1, 'test-flag', `the test flag is ${page.test.page ?? '(none)'} here and ${page.test.reference ?? '(none)'} in ${page.reference}${next(page.test.fix)}`);
    for (const include of page.includes) {
      if (include.status === 'missing') add(1, 'boilerplate', `${page.reference} includes the boilerplate ${include.name}; this page does not${next(include.fix)}`, 'missing');
      if (include.status === 'extra') add(include.line ?? 1, 'boilerplate', `this page includes the boilerplate ${include.name}; ${page.reference} does not${next(include.fix)}`, 'extra');
    }
    for (const block of page.blocks) {
      if (block.kind === 'same') continue;
      const first = block.changes[0];
      const there = `${page.reference}:${first?.referenceLine ?? block.referenceLine}`;
      const diff = first ? `: ${wordDiff(first.words, markers)}${block.changes.length > 1 ? ` (and ${plural(block.changes.length - 1, 'more changed line')})` : ''}` : '';
      const line = first?.line ?? block.line ?? block.near ?? 1;
      add(line, block.kind, `${ANNOTATIONS[block.kind](there, block, page.reference ?? '')}${diff}${next(block.fix)}`);
    }
  }
  return found;
}
