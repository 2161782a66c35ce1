// `drift` output: for people, grouped by page with file:line on both sides and a word diff of each changed line
// (`[-reference-]{+translation+}`); for tools, stable JSON; for pull requests, annotations at the translated line.
import { diagnostic } from '../page/diagnostics.js';
import type { Diagnostic } from '../page/types.js';
import type { DriftReport, DriftSummary } from '../translate/drift-report.js';
import type { BlockDrift, PageDrift } from '../translate/drift.js';
import type { LineChange, WordPart } from '../translate/line-changes.js';
import { plural } from './page-summary.js';

export interface DriftTextOptions {
  /** Only pages that drift (what `check` shows after its diagnostics). */
  onlyDrift?: boolean;
}

const kindWidth = 'translated'.length;

// The human report: one paragraph per page, then the summary line.
export function driftText(report: DriftReport, options: DriftTextOptions = {}): string {
  const out: string[] = [];
  const shown = report.pages.filter((page) => !options.onlyDrift || page.status === 'drift');
  if (shown.some((page) => page.blocks.some((b) => b.changes.length > 0))) out.push('Word diffs show [-reference words-]{+translation words+}.', '');
  for (const page of shown) out.push(...pageLines(page), '');
  out.push(summaryLine(report.reference, report.summary));
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
  if (s.testFlag > 0) parts.push(`${s.testFlag} with another test flag`);
  const none = s.noReference > 0 ? `; ${plural(s.noReference, 'page')} with no ${reference} page` : '';
  return `drift against ${reference}: ${plural(s.compared, 'page')} compared: ${parts.join(', ')}${none}`;
}

// One page: its header, then each finding that is not `same`.
function pageLines(page: PageDrift): string[] {
  if (page.status === 'no-reference') return [`${page.file}: no reference page`];
  const lines = [`${page.file}: ${page.status === 'same' ? 'same as' : 'drift from'} ${page.reference}`];
  if (page.test.page !== page.test.reference) lines.push(`  test flag: ${page.test.page ?? '(none)'} here, ${page.test.reference ?? '(none)'} in the reference`);
  for (const include of page.includes) {
    if (include.status === 'same') continue;
    const where =
      include.status === 'missing'
        ? `the reference includes it${include.reference ? ` (${include.reference})` : ''}, this page does not`
        : `${include.file ?? include.name}${include.line ? ` (included on line ${include.line})` : ''}`;
    lines.push(`  boilerplate ${include.name}: ${include.status} — ${where}`);
  }
  for (const block of page.blocks) if (block.kind !== 'same' || block.moved) lines.push(...blockLines(page, block));
  return lines;
}

// One finding: kind, id, syntax, both file:line, then the changed lines or what the missing or extra block starts with.
function blockLines(page: PageDrift, block: BlockDrift): string[] {
  const here = block.line !== undefined ? `${page.file}:${block.line}` : '-';
  const there = block.referenceLine !== undefined ? `${page.reference}:${block.referenceLine}` : '-';
  const kind = block.kind === 'same' ? 'moved' : block.kind;
  const moved = block.moved && block.kind !== 'same' ? ', moved' : '';
  const lines = [`  ${kind.padEnd(kindWidth)}  ${block.id ?? '(no id)'} (${block.syntax}${moved})  ${here} | ${there}`];
  if (block.preview !== undefined) lines.push(`      ${block.preview}`);
  for (const change of block.changes) lines.push(`      ${changePrefix(change)}  ${changeText(change)}`);
  return lines;
}

// The line numbers of a changed line on both sides: `translation | reference`.
function changePrefix(change: LineChange): string {
  return `${String(change.line ?? '-').padStart(4)} | ${String(change.referenceLine ?? '-').padEnd(4)}`;
}

// A changed line as a word diff; when the words are the same, says that only the spacing (the indentation) differs.
function changeText(change: LineChange): string {
  const text = wordDiff(change.words);
  if (change.words.some((part) => part.added || part.removed)) return text;
  const indent = (s: string | undefined) => /^[ \t]*/.exec(s ?? '')![0].length;
  const before = indent(change.referenceText);
  const after = indent(change.text);
  return `${text}   (${before === after ? 'only spacing differs' : `indented by ${after} here, ${before} in the reference`})`;
}

// A word diff in git's --word-diff=plain notation.
function wordDiff(words: WordPart[]): string {
  return words.map((part) => (part.removed ? `[-${part.value}-]` : part.added ? `{+${part.value}+}` : part.value)).join('');
}

// The stable JSON document of `drift --json`.
export function driftJson(report: DriftReport): string {
  return `${JSON.stringify({ pages: report.pages.map(pageJson), summary: report.summary }, null, 2)}\n`;
}

// One page as JSON: the issue's keys (file, reference, status, blocks) plus the test flags and boilerplates.
function pageJson(page: PageDrift) {
  return {
    file: page.file,
    reference: page.reference ?? null,
    status: page.status,
    test: page.test,
    boilerplates: page.includes.map((i) => ({ name: i.name, file: i.file ?? null, reference: i.reference ?? null, status: i.status })),
    blocks: page.blocks.map((b) => ({ id: b.id ?? null, syntax: b.syntax, kind: b.kind, line: b.line ?? null, referenceLine: b.referenceLine ?? null })),
  };
}

// Drift as warnings positioned at the translated line, for GitHub annotations on the translator's pull request.
export function driftDiagnostics(report: DriftReport): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const page of report.pages) {
    if (page.status !== 'drift') continue;
    const warn = (line: number, rule: string, message: string) => found.push(diagnostic(page.file, line, 1, 'warning', `drift-${rule}`, message));
    if (page.test.page !== page.test.reference) warn(1, 'test-flag', `the test flag is ${page.test.page ?? '(none)'} here and ${page.test.reference ?? '(none)'} in ${page.reference}`);
    for (const include of page.includes) {
      if (include.status === 'missing') warn(1, 'boilerplate', `${page.reference} includes the boilerplate ${include.name}; this page does not`);
      if (include.status === 'extra') warn(include.line ?? 1, 'boilerplate', `this page includes the boilerplate ${include.name}; ${page.reference} does not`);
    }
    for (const block of page.blocks) {
      const first = block.changes[0];
      const there = `${page.reference}:${first?.referenceLine ?? block.referenceLine}`;
      const diff = first ? `: ${wordDiff(first.words)}${block.changes.length > 1 ? ` (and ${plural(block.changes.length - 1, 'more changed line')})` : ''}` : '';
      const line = first?.line ?? block.line ?? block.near ?? 1;
      if (block.kind === 'command') warn(line, 'command', `the command differs from ${there}${diff}`);
      if (block.kind === 'output') warn(line, 'output', `the expected output differs from ${there}${diff}`);
      if (block.kind === 'translated') warn(line, 'translated', `the expected output was translated, but the command prints what ${there} shows${diff}`);
      if (block.kind === 'missing') warn(line, 'missing', `${there} has a ${block.syntax} block here that this page lacks: ${block.preview}`);
      if (block.kind === 'extra') warn(line, 'extra', `this ${block.syntax} block is not on ${page.reference}`);
    }
  }
  return found;
}
