// Markdown tables for a GitHub job summary (`$GITHUB_STEP_SUMMARY`): formatting only, the caller says where links go.
import { sitePathOf } from '../page/site-path.js';
import type { Diagnostic } from '../page/types.js';
import type { RunSummary, StepResult } from '../run/results.js';
import type { DriftReport } from '../translate/drift-report.js';
import { DRIFT_KINDS, driftKinds, type DriftKind } from '../translate/drift.js';
import { STANDINGS, standingOf, standings } from '../translate/standing.js';
import { pageNextSteps } from './drift.js';
import { countSteps } from '../run/results.js';
import { plural } from './page-summary.js';
import { failureLine } from './failure-line.js';
import { duration } from './summary.js';

/** Turns `file` and `line` into a link target (a GitHub blob URL in a workflow, the relative path elsewhere). */
export type LinkTo = (file: string, line: number) => string;

/** A plain relative link, `file#L12`. */
export const relativeLink: LinkTo = (file, line) => `${file}#L${line}`;

/** The link base of a GitHub Actions run (`https://github.com/OWNER/REPO/blob/SHA/`), from its environment. */
export function githubLink(env: NodeJS.ProcessEnv): LinkTo {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_SHA) return relativeLink;
  return (file, line) => `${server}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/${file.replace(/\\/g, '/')}#L${line}`;
}

/** Escapes text for a table cell: pipes, newlines and markup characters. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[`*_<>[\]]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** A Markdown table from a header and rows of already escaped cells. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** `run --summary`: one row per page — language, steps passed/failed/skipped, duration, first failure with its link. */
export function runSummaryMarkdown(summary: RunSummary, link: LinkTo = relativeLink): string {
  const rows = summary.pages.map((page) => {
    const c = countSteps(page.steps);
    const first = page.steps.find((s) => !s.warning && (s.status === 'failed' || s.status === 'timeout' || s.status === 'interrupted'));
    const status = page.status === 'passed' ? '✅' : page.status === 'interrupted' ? '⚠️' : '❌';
    return [`${status} ${cell(page.file)}`, cell(page.lang), `${c.passed}`, `${c.failed + c.timeout + c.interrupted}`, `${c.skipped}`, duration(page.durationMs), first ? failureCell(first, link) : page.status === 'failed' ? cell(page.message) : ''];
  });
  const totals = summary.pages.map((p) => countSteps(p.steps));
  const sum = (key: 'passed' | 'failed' | 'timeout' | 'interrupted' | 'skipped') => totals.reduce((n, c) => n + c[key], 0);
  const lines = [
    '### istio-doctest run',
    '',
    markdownTable(['page', 'language', 'passed', 'failed', 'skipped', 'duration', 'first failure'], rows),
    '',
    `${plural(summary.pages.length, 'page')} run: ${plural(sum('passed'), 'step')} passed, ${sum('failed') + sum('timeout') + sum('interrupted')} failed, ${sum('skipped')} skipped in ${duration(summary.durationMs)}${summary.skipped.length > 0 ? `; ${plural(summary.skipped.length, 'page')} not run` : ''}${summary.interrupted ? ' (interrupted)' : ''}.`,
  ];
  return `${lines.join('\n')}\n`;
}

// The failure's one line linked to its line (`[file:233: line-differs: ... (command at line 229)](link) snip_x_4`);
// the reason for a result without a failing line.
function failureCell(r: StepResult, link: LinkTo): string {
  if (r.failure) return `[${cell(failureLine(r.failure))}](${link(r.failure.file, r.failure.line)}) ${cell(r.step.id)}`;
  const status = r.status === 'timeout' ? 'timed out' : r.status === 'interrupted' ? 'interrupted' : r.message;
  return `[${cell(`${r.step.file}:${r.step.line}`)}](${link(r.step.file, r.step.line)}) ${cell(r.step.id)}: ${cell(status.split('\n')[0])}`;
}

/** One checked page for `check --summary`: the page and the diagnostics shown for it. */
export interface CheckedPage {
  file: string;
  lang: string;
  blocks: number;
  commands: number;
  diagnostics: Diagnostic[];
}

/** `check --summary`: one row per page — language, blocks, commands, errors, warnings, the first problem with its link. */
export function checkSummaryMarkdown(pages: CheckedPage[], link: LinkTo = relativeLink): string {
  const rows = pages.map((page) => {
    const errors = page.diagnostics.filter((d) => d.severity === 'error');
    const warnings = page.diagnostics.filter((d) => d.severity === 'warning');
    const first = errors[0] ?? warnings[0];
    const mark = errors.length > 0 ? '❌' : warnings.length > 0 ? '⚠️' : '✅';
    const problem = first ? `[${cell(`${first.file}:${first.line}`)}](${link(first.file, first.line)}) ${cell(first.message)} (${cell(first.ruleId)})` : '';
    return [`${mark} ${cell(page.file)}`, cell(page.lang), `${page.blocks}`, `${page.commands}`, `${errors.length}`, `${warnings.length}`, problem];
  });
  const count = (severity: string) => pages.reduce((n, p) => n + p.diagnostics.filter((d) => d.severity === severity).length, 0);
  return `### istio-doctest check\n\n${markdownTable(['page', 'language', 'blocks', 'commands', 'errors', 'warnings', 'first problem'], rows)}\n\n${plural(pages.length, 'page')}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}.\n`;
}

// The columns of the drift table: every kind of finding that is not benign, from the kinds table.
const COUNTED_KINDS = driftKinds.filter((kind) => !DRIFT_KINDS[kind].benign);

/**
 * `drift --summary`: one row per translated page — its standing, blocks per kind of drift, the first finding with its
 * link, and the next steps; with `onlyWork` (`--quiet`) only pages whose standing needs a translator.
 */
export function driftSummaryMarkdown(report: DriftReport, link: LinkTo = relativeLink, options: { onlyWork?: boolean } = {}): string {
  const pages = options.onlyWork ? report.pages.filter((page) => !STANDINGS[standingOf(page)].fine) : report.pages;
  const rows = pages.map((page) => {
    const count = (kind: DriftKind) => page.blocks.filter((b) => b.kind === kind).length;
    const first = page.blocks.find((b) => !DRIFT_KINDS[b.kind].benign);
    const line = first?.line ?? first?.near;
    const where = first ? (line !== undefined ? `[${cell(`${page.file}:${line}`)}](${link(page.file, line)})` : cell(page.file)) : '';
    const what = first ? `${where} ${cell(first.id ?? first.syntax)}: ${first.kind}` : '';
    const standing = standingOf(page);
    const mark = STANDINGS[standing].fine ? (standing === 'no-reference' ? '➖' : '✅') : count('command') + count('missing') + count('extra') > 0 ? '❌' : '⚠️';
    return [`${mark} ${cell(page.file)}`, cell(langOf(page.file)), cell(STANDINGS[standing].label), ...COUNTED_KINDS.map((kind) => `${count(kind)}`), what, cell(pageNextSteps(page) ?? '')];
  });
  const s = report.summary;
  const counts = standings.filter((k) => s.standings[k] > 0).map((k) => `${s.standings[k]} ${STANDINGS[k].label}`).join(', ');
  const shown = options.onlyWork ? ` (${plural(pages.length, 'page')} needing a translator listed)` : '';
  const table = rows.length > 0 ? `${markdownTable(['page', 'language', 'standing', ...COUNTED_KINDS, 'first finding', 'next steps'], rows)}\n\n` : '';
  return `### istio-doctest drift against ${cell(report.reference)}\n\n${table}${plural(s.compared, 'page')} compared: ${counts || 'none'}${shown}.\n`;
}

// The language of a page from its path (`content/<lang>/...`), or `-`.
function langOf(file: string): string {
  return sitePathOf(file)?.lang ?? '-';
}
