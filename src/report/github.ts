// With GITHUB_ACTIONS=true: a workflow annotation at the failing block's line of the markdown page, so a translator
// sees the failure on the line of the pull request. Cleanup failures are warnings.
import type { RunEvent, StepResult } from '../run/results.js';
import { githubAnnotation } from './diagnostic-line.js';
import type { Reporter } from './reporter.js';

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
  return githubAnnotation({
    file: r.step.file,
    line: r.step.line,
    column: 1,
    severity: r.warning ? 'warning' : 'error',
    ruleId: r.warning ? 'cleanup-failed' : r.status === 'timeout' ? 'step-timeout' : r.status === 'interrupted' ? 'step-interrupted' : 'step-failed',
    message: `\`${first}\`: ${r.message}${attempts}${r.diff ? `\n${r.diff}` : ''}`,
  });
}
