// Judging one attempt of a step: the matcher for steps that show output, the exit code for the others.
import { match } from '../match/index.js';
import type { PlannedStep } from '../plan/plan.js';
import type { StepFailure } from '../plan/step-failure.js';
import type { CommandResult } from '../shell/session.js';
import { mismatchFailure, statusFailure } from './failure-point.js';

export interface Verdict {
  ok: boolean;
  /** Whether running the step again could change the verdict (an output that does not match yet). */
  retryable: boolean;
  /** Short reason when not ok: `exit code 1`, `the output does not match (auto)`... */
  message: string;
  /** The matcher's diff, when the output was compared. */
  diff: string;
  /** When not ok: the failing line (the first expected line that differs, or the command's), its kind and difference. */
  failure?: StepFailure;
}

// Decides whether an attempt passed: `none` wants exit 0, `failure` a non-zero exit, the matcher modes a matching output.
export function verify(step: PlannedStep, result: CommandResult): Verdict {
  if (result.timedOut || result.interrupted) {
    return { ok: false, retryable: false, message: result.message, diff: '', failure: statusFailure(step, result.timedOut ? 'timeout' : 'interrupted', result.message) };
  }
  const { mode, arg } = step.verify;
  if (mode === 'none') {
    const ok = result.exitCode === 0;
    const message = ok ? '' : result.message || 'the command failed';
    return { ok, retryable: false, message, diff: '', ...(ok ? {} : { failure: statusFailure(step, 'exit-status', message) }) };
  }
  if (mode === 'failure') {
    const ok = result.exitCode !== 0 && result.exitCode !== undefined;
    const message = ok ? '' : 'the page expects this command to fail, and it exited 0';
    return { ok, retryable: false, message, diff: '', ...(ok ? {} : { failure: statusFailure(step, 'unexpected-success', 'exited 0') }) };
  }
  // A page that shows output is judged by the output alone: istio.io pages show error output of failing commands too.
  const verdict = match(step.expected, result.output, mode, arg);
  if (verdict.ok) return { ok: true, retryable: false, message: '', diff: '' };
  // The matcher itself failed: a bug to report, which running the step again cannot change.
  if (verdict.error !== undefined) {
    const message = `internal error of the matcher (a bug, please report it): ${verdict.error}`;
    return { ok: false, retryable: false, message, diff: verdict.diff, failure: statusFailure(step, 'matcher-error', message) };
  }
  const exit = result.exitCode !== 0 && result.exitCode !== undefined ? `; ${result.message}` : '';
  const first = verdict.differences[0]?.reason;
  return {
    ok: false,
    retryable: step.retry,
    message: `the output does not match (${mode}${first ? `: ${first}` : ''})${exit}`,
    diff: verdict.diff,
    failure: mismatchFailure(step, mode, verdict.differences),
  };
}
