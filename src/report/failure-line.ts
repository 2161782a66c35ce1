// A failed step in one line, the same in every report (console, JSON events, JUnit, annotations, Markdown, HTML):
// `file:line: kind: short difference (command at line N)`. Formats the record the run derived; decides nothing.
import type { StepFailure } from '../plan/step-failure.js';
import { displayPath } from './diagnostic-line.js';

/** The one line of a failure; the command's line is named when the failing line is another (an output line). */
export function failureLine(f: StepFailure): string {
  const command = f.commandLine !== f.line ? ` (command at line ${f.commandLine})` : '';
  return `${displayPath(f.file)}:${f.line}: ${f.kind}: ${f.short}${command}`;
}
