// The head of a failed step in the run's failure report: its one line (where: the first expected-output line that
// differs, else the command's line; the kind; the short difference), the command, why it failed — once — and, on a
// translated page, where the reference page's output differs. Pure, so every reporter can show the same words.
import type { StepResult } from '../run/results.js';
import type { OutputDrift } from '../translate/output-drift.js';
import { failureLine } from './failure-line.js';

/** The location and the lines that introduce a failure (the reporter adds the diff and its own styling). */
export interface FailureHead {
  /** `file:line`: the failing line the run derived (the first expected output line that differs, else the command's). */
  where: string;
  /** The failure in one line, as every report shows it (`failureLine`). */
  line: string;
  lines: string[];
}

// The reason without the first difference when the diff below shows it anyway, so the report says it once.
function reasonOnce(r: StepResult): string {
  const m = /^the output does not match \(([\w-]+): (.*)\)(.*)$/s.exec(r.message);
  return m && r.diff.includes(m[2]) ? `the output does not match (${m[1]})${m[3]}` : r.message;
}

/** Formats the head of a failure; `drift` is the output drift of the step's block, when its page is a translation. */
export function failureHead(r: StepResult, drift?: OutputDrift): FailureHead {
  const failure = r.failure ?? { kind: 'step-failed', file: r.step.file, line: r.step.line, commandLine: r.step.line, short: r.message };
  const outputMismatch = failure.line !== failure.commandLine;
  const where = `${failure.file}:${failure.line}`;
  const lines = [...r.step.command.split('\n').map((l, i) => `  ${i === 0 ? '$ ' : '  '}${l}`), `  ${reasonOnce(r)}`];
  if (drift?.kind === 'same' && outputMismatch) {
    // The block is the same as the reference's: its failing line there is as far from the opener as here.
    const line = drift.referenceLine + (failure.line - r.step.blockLine);
    lines.push(`  the reference page expects the same output (${drift.reference}:${line}): not a translation problem`);
  } else if (drift && outputMismatch) {
    const what = drift.kind === 'translated' ? 'was translated from' : 'differs from';
    lines.push(`  this block's expected output ${what} the reference page's at ${drift.reference}:${drift.referenceLine} (see \`istio-doctest drift\`)`);
  }
  return { where, line: failureLine(failure), lines };
}
