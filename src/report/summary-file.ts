// Appending a Markdown summary to a file (`--summary FILE`, usually `$GITHUB_STEP_SUMMARY`, which other steps append to too).
import { appendFileSync } from 'node:fs';
import type { RunEvent } from '../run/results.js';
import { runSummaryMarkdown, type LinkTo } from './markdown-summary.js';
import type { Reporter } from './reporter.js';

/** Appends the text; returns one line saying why when the file cannot be written. */
export function appendSummary(file: string, markdown: string): string | undefined {
  try {
    appendFileSync(file, markdown);
    return undefined;
  } catch (error) {
    return `--summary ${file}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0]})`;
  }
}

/** `run --summary FILE` as a run reporter: the Markdown table appended when the run ends. */
export class MarkdownSummaryReporter implements Reporter {
  readonly name: string;

  constructor(
    private readonly file: string,
    private readonly link: LinkTo,
  ) {
    this.name = `--summary ${file}`;
  }

  // Appends the table once the run is over (a write error goes to the fan-out, which reports it).
  on(event: RunEvent): void {
    if (event.type === 'run-end') appendFileSync(this.file, runSummaryMarkdown(event.summary, this.link));
  }
}
