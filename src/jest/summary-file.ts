// Appending the run's Markdown summary to a file (`$GITHUB_STEP_SUMMARY`), for the Jest runner's `summary` option.
import { appendFileSync } from 'node:fs';
import { githubLink, runSummaryMarkdown } from '../report/markdown-summary.js';
import type { RunSummary } from '../run/results.js';

/** Appends the table; returns the problem when the file cannot be written. */
export function appendSummary(file: string, summary: RunSummary, env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    appendFileSync(file, runSummaryMarkdown(summary, githubLink(env)));
    return undefined;
  } catch (error) {
    return `summary ${file}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}
