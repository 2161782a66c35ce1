// With GITHUB_ACTIONS=true: a workflow annotation at the failing line of the markdown page (the first expected output
// line that differs, else the command's), so a translator
// sees the failure on the line of the pull request. Cleanup failures are warnings.
import type { RunEvent, StepResult } from '../run/results.js';
import { githubAnnotation } from './diagnostic-line.js';
import type { Reporter } from './reporter.js';
import { failureLine } from './failure-line.js';

/** With GITHUB_ACTIONS=true: an annotation per step that did not pass, as it ends. */
export class AnnotationsReporter implements Reporter {
  readonly name = 'annotations';

  constructor(private readonly write: (text: string) => void) {}

  // Prints the annotation of a step that did not pass.
  on(event: RunEvent): void {
    if (event.type !== 'step') return;
    const annotation = stepAnnotation(event.result);
    if (annotation) this.write(`${annotation}\n`);
  }
}

// The annotation of a step that did not pass, or undefined for one that passed or was skipped.
export function stepAnnotation(r: StepResult): string | undefined {
  if (r.status === 'passed' || r.status === 'skipped') return undefined;
  const attempts = r.attempts > 1 ? ` after ${r.attempts} attempts` : '';
  const first = r.step.command.split('\n')[0];
  const at = r.failure ?? { file: r.step.file, line: r.step.line };
  // The failure's one line first, as every report shows it; then the command, the reason and the diff.
  const head = r.failure ? `${failureLine(r.failure)}\n` : '';
  return githubAnnotation({
    file: at.file,
    line: at.line,
    column: 1,
    severity: r.warning ? 'warning' : 'error',
    ruleId: r.warning ? 'cleanup-failed' : r.status === 'timeout' ? 'step-timeout' : r.status === 'interrupted' ? 'step-interrupted' : 'step-failed',
    message: `${head}\`${first}\`: ${r.message}${attempts}${r.diff ? `\n${r.diff}` : ''}`,
  });
}
