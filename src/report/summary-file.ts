// Appending a Markdown summary to a file (`--summary FILE`, usually `$GITHUB_STEP_SUMMARY`, which other steps append to too).
import { appendFileSync } from 'node:fs';

/** Appends the text; returns one line saying why when the file cannot be written. */
export function appendSummary(file: string, markdown: string): string | undefined {
  try {
    appendFileSync(file, markdown);
    return undefined;
  } catch (error) {
    return `--summary ${file}: cannot write it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0]})`;
  }
}
