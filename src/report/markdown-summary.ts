// Markdown tables for a GitHub job summary (`$GITHUB_STEP_SUMMARY`): formatting only, the caller says where links go.
import type { RunSummary, StepResult } from '../run/results.js';
import { countSteps } from '../run/results.js';
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
    `${summary.pages.length} page${summary.pages.length === 1 ? '' : 's'} run: ${sum('passed')} steps passed, ${sum('failed') + sum('timeout') + sum('interrupted')} failed, ${sum('skipped')} skipped in ${duration(summary.durationMs)}${summary.skipped.length > 0 ? `; ${summary.skipped.length} page${summary.skipped.length === 1 ? '' : 's'} not run` : ''}${summary.interrupted ? ' (interrupted)' : ''}.`,
  ];
  return `${lines.join('\n')}\n`;
}

// `[line 198](link) snip_x_4: the reason`.
function failureCell(r: StepResult, link: LinkTo): string {
  const status = r.status === 'timeout' ? 'timed out' : r.status === 'interrupted' ? 'interrupted' : r.message;
  return `[${cell(`${r.step.file}:${r.step.line}`)}](${link(r.step.file, r.step.line)}) ${cell(r.step.id)}: ${cell(status.split('\n')[0])}`;
}
