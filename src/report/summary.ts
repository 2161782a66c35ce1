// The table at the end of a run: one row per page with its step counts, time and result, then a totals line.
import type { PlannedStep } from '../plan/plan.js';
import type { PageStatus, RunSummary } from '../run/results.js';
import { countSteps } from '../run/results.js';
import { formatDuration as duration } from '../config/duration.js';
import { plural } from './page-summary.js';

export interface Style {
  pass: (s: string) => string;
  fail: (s: string) => string;
  warn: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

export const plainStyle: Style = { pass: (s) => s, fail: (s) => s, warn: (s) => s, dim: (s) => s, bold: (s) => s };

// Formats the table and the totals line.
export function summaryTable(summary: RunSummary, style: Style = plainStyle): string {
  const header = ['page', 'lang', 'passed', 'failed', 'timeout', 'skipped', 'warnings', 'time', 'result'];
  const rows = summary.pages.map((p) => {
    const c = countSteps(p.steps);
    return [p.file, p.lang, `${c.passed}`, `${c.failed}`, `${c.timeout}`, `${c.skipped}`, `${c.warnings}`, duration(p.durationMs), p.status];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const numeric = (i: number) => i >= 2 && i <= 7;
  const cell = (text: string, i: number) => (numeric(i) ? text.padStart(widths[i]) : text.padEnd(widths[i]));
  const lines = [style.bold(header.map(cell).join('  ').trimEnd())];
  for (const row of rows) {
    const status = row[8] as PageStatus;
    lines.push(`${row.slice(0, 8).map(cell).join('  ')}  ${pagePaint(status, style)(status)}`);
  }
  lines.push('', totals(summary));
  return `${lines.join('\n')}\n`;
}

// The colour of a page's result, the same in the live report and the table: interrupted is a warning, not a failure.
export function pagePaint(status: PageStatus, style: Style): (s: string) => string {
  return status === 'passed' ? style.pass : status === 'interrupted' ? style.warn : style.fail;
}

// `7/28`, the number padded to the width of the total so the column stays straight.
export function progress(step: PlannedStep, total: number): string {
  return `${String(step.index).padStart(String(total).length)}/${total}`;
}

// `3 pages: 2 passed, 1 failed; 4 skipped; 1m 3s`.
export function totals(summary: RunSummary): string {
  const count = (status: PageStatus) => summary.pages.filter((p) => p.status === status).length;
  const parts = [`${count('passed')} passed`, `${count('failed')} failed`];
  if (count('interrupted') > 0) parts.push(`${count('interrupted')} interrupted`);
  const skipped = summary.skipped.length > 0 ? `; ${summary.skipped.length} skipped` : '';
  return `${plural(summary.pages.length, 'page')}: ${parts.join(', ')}${skipped}; ${duration(summary.durationMs)}${summary.interrupted ? ' (interrupted)' : ''}`;
}

// The one way reports write durations (`850ms`, `4.2s`, `2m 05s`), under the name the reporters use.
export { formatDuration as duration } from '../config/duration.js';
