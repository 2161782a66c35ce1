// The console report: live progress (page, step n of N, command, attempts while retrying, time), then per failed
// step its file:line, command and the matcher's diff, then the summary table. Colour and a live line only on a terminal.
import { failureHead } from './failure-text.js';
import type { OutputDrift } from '../translate/output-drift.js';
import type { PlannedStep } from '../plan/plan.js';
import type { RunEvent, RunSummary, StepResult, StepStatus } from '../run/results.js';
import { formatBytes } from '../shell/output.js';
import { fitWidth } from './fit-width.js';
import { plural } from './page-summary.js';
import type { Reporter } from './reporter.js';
import { duration, pagePaint, plainStyle, progress, summaryTable, type Style } from './summary.js';

export interface ConsoleOptions {
  /** Whether the stream is a terminal: a live status line, and colour unless NO_COLOR is set. */
  tty: boolean;
  color: boolean;
  /** Width of the terminal, for the live line (0 or absent: 100). */
  columns?: number;
  /** Output drift of translated pages' blocks by `file:blockLine`, so a failure there says where the reference differs. */
  outputDrift?: ReadonlyMap<string, OutputDrift>;
}

/** Lines of a failure's diff or output the console shows: the first ones and the last ones (the JSON and JUnit reports keep more). */
export const DETAIL_LINES = { head: 150, tail: 50 } as const;

const ansi = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;
const colorStyle: Style = { pass: ansi(32, 39), fail: ansi(31, 39), warn: ansi(33, 39), dim: ansi(2, 22), bold: ansi(1, 22) };

const marks: Record<StepStatus, string> = { passed: '✓', failed: '✗', timeout: '⏱', skipped: '-', interrupted: '!' };

// Whether colour fits this stream: a terminal, and no NO_COLOR in the environment.
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb';
}

/** Formats run events for a person watching a terminal or reading a CI log. */
export class ConsoleReporter implements Reporter {
  readonly name = 'console';
  private readonly style: Style;
  private live?: { step: PlannedStep; total: number; started: number; attempt: number; limitMs?: number };
  private timer?: NodeJS.Timeout;
  private failures: StepResult[] = [];

  constructor(
    private readonly write: (text: string) => void,
    private readonly options: ConsoleOptions,
  ) {
    this.style = options.color ? colorStyle : plainStyle;
  }

  // Handles one event.
  on(event: RunEvent): void {
    switch (event.type) {
      case 'run-start':
        if (event.skipped.length > 0) {
          this.print(this.style.dim(`skipped ${plural(event.skipped.length, 'page')}:`));
          for (const s of event.skipped) this.print(this.style.dim(`  ${s.file}: ${s.reason}`));
        }
        if (event.pages.length === 0) this.print('no page to run');
        break;
      case 'page-start':
        this.print(this.style.bold(`▶ ${event.file}${event.lang ? ` [${event.lang}]` : ''} ${plural(event.steps, 'step')}`));
        break;
      case 'step-start':
        this.live = { step: event.step, total: event.total, started: Date.now(), attempt: 1 };
        this.startTimer();
        break;
      case 'attempt':
        if (this.live) {
          this.live.attempt = event.attempt + 1;
          this.live.limitMs = event.retryTimeoutMs;
        }
        if (this.options.tty) this.redraw();
        else if (event.attempt === 1 || event.attempt % 10 === 0) {
          const limit = event.retryTimeoutMs !== undefined ? ` up to ${duration(event.retryTimeoutMs)}` : '';
          this.print(this.style.dim(`    … ${progress(event.step, event.total)} attempt ${event.attempt} did not match (${event.message}); retrying${limit} (${duration(event.elapsedMs)})`));
        }
        break;
      case 'step':
        this.stopTimer();
        this.print(this.stepLine(event.result, event.total));
        if (event.result.status !== 'passed' && event.result.status !== 'skipped') this.failures.push(event.result);
        break;
      case 'page': {
        const r = event.result;
        this.print(pagePaint(r.status, this.style)(`${r.status === 'passed' ? '✓' : '✗'} ${r.file} ${r.status} in ${duration(r.durationMs)}${r.message ? `: ${r.message}` : ''}`));
        this.print('');
        break;
      }
      case 'run-end':
        this.stopTimer();
        this.print(this.report(event.summary));
        break;
    }
  }

  // The end of the run: the failures in detail, then the table.
  private report(summary: RunSummary): string {
    const out: string[] = [];
    if (this.failures.length > 0) {
      out.push(this.style.bold('Failures:'), '');
      for (const result of this.failures) for (const line of [...this.failureBlock(result), '']) out.push(line);
    }
    out.push(summaryTable(summary, this.style));
    return out.join('\n');
  }

  // One finished step: mark, n/N, the command's first line, attempts, time, and why when it did not pass.
  private stepLine(r: StepResult, total: number): string {
    const attempts = r.attempts > 1 ? `${r.attempts} attempts, ` : '';
    const time = r.status === 'skipped' ? '' : ` (${attempts}${duration(r.durationMs)})`;
    const flags = [r.step.hidden ? 'hidden' : '', r.step.cleanup ? 'cleanup' : ''].filter(Boolean).join(', ');
    const cleanup = flags ? this.style.dim(` [${flags}]`) : '';
    const why = r.status === 'passed' ? '' : `: ${r.message}`;
    const line = `  ${marks[r.status]} ${progress(r.step, total)} ${firstLine(r.step.command)}${cleanup}${time}${why}`;
    if (r.status === 'passed') return line;
    if (r.status === 'skipped') return this.style.dim(line);
    return r.warning ? this.style.warn(`${line} (cleanup: a warning)`) : this.style.fail(line);
  }

  // A failed step in detail: its one line (where, kind, difference), the command, the diff (or the output when there is none), the cluster picture.
  private failureBlock(r: StepResult): string[] {
    const head = failureHead(r, this.options.outputDrift?.get(`${r.step.file}:${r.step.blockLine}`));
    const label = r.warning ? this.style.warn(`${head.line} (cleanup, a warning)`) : this.style.fail(head.line);
    const lines = [label, `  ${r.step.id}  ${r.status}${r.attempts > 1 ? ` after ${r.attempts} attempts` : ''}, ${duration(r.durationMs)}`, ...head.lines];
    if (r.droppedBytes) lines.push(`  (the output was long: ${formatBytes(r.droppedBytes)} of its middle were not kept)`);
    const detail = r.diff || (r.output ? `output:\n${r.output}` : '');
    if (detail) for (const l of boundedLines(detail.replace(/\n$/, ''))) lines.push(`    ${colourDiffLine(l, this.style)}`);
    if (r.diagnostics) {
      lines.push(this.style.dim('  cluster picture:'));
      for (const l of r.diagnostics.replace(/\n$/, '').split('\n')) lines.push(`    ${l}`);
    }
    return lines;
  }

  // Prints a line, clearing the live line first.
  private print(line: string): void {
    this.write(`${this.options.tty ? '\r\x1b[K' : ''}${line}\n`);
    if (this.live && this.options.tty && this.timer) this.redraw();
  }

  // Rewrites the live status line of the running step.
  private redraw(): void {
    if (!this.live || !this.options.tty) return;
    const { step, total, started, attempt, limitMs } = this.live;
    const attempts = attempt > 1 ? ` · attempt ${attempt}${limitMs !== undefined ? `, retrying up to ${duration(limitMs)}` : ''}` : '';
    const width = (this.options.columns || 100) - 1;
    const text = `  … ${progress(step, total)} ${firstLine(step.command)}${attempts} · ${duration(Date.now() - started)}`;
    this.write(`\r\x1b[K${this.style.dim(fitWidth(text, width))}`);
  }

  // Ticks the live line every quarter second while a step runs (terminal only).
  private startTimer(): void {
    if (!this.options.tty) return;
    this.stopTimer();
    this.redraw();
    this.timer = setInterval(() => this.redraw(), 250);
    this.timer.unref();
  }

  // Stops the live line.
  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.options.tty) this.write('\r\x1b[K');
  }
}

// The first line of a command, shortened for one console line.
function firstLine(command: string): string {
  const newline = command.indexOf('\n');
  const first = fitWidth(newline < 0 ? command : command.slice(0, newline), 100);
  return newline >= 0 ? `${first} …` : first;
}

// The first and last lines of a long text, with a line saying how many were left out between them.
function boundedLines(text: string): string[] {
  const { head, tail } = DETAIL_LINES;
  const lines: string[] = [];
  let start = 0;
  let count = 0;
  const last: string[] = [];
  // One pass without splitting the whole text: a diff can have hundreds of thousands of lines.
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (count < head) lines.push(line);
    else {
      last.push(line);
      if (last.length > tail) last.shift();
    }
    count++;
    if (end < 0) break;
    start = end + 1;
  }
  const left = count - lines.length - last.length;
  if (left > 0) lines.push(`… ${plural(left, 'line')} not shown`);
  return [...lines, ...last];
}

// Colours a diff line by its sign.
function colourDiffLine(line: string, style: Style): string {
  if (line.startsWith('+++') || line.startsWith('---')) return style.bold(line);
  if (line.startsWith('-')) return style.pass(line);
  if (line.startsWith('+')) return style.fail(line);
  return line;
}
