// Judging one attempt of a step: the matcher for steps that show output, the exit code for the others.
import { match } from '../match/index.js';
import type { PlannedStep } from '../plan/plan.js';
import type { CommandResult } from '../shell/session.js';

export interface Verdict {
  ok: boolean;
  /** Whether running the step again could change the verdict (an output that does not match yet). */
  retryable: boolean;
  /** Short reason when not ok: `exit code 1`, `the output does not match (auto)`... */
  message: string;
  /** The matcher's diff, when the output was compared. */
  diff: string;
}

// Decides whether an attempt passed: `none` wants exit 0, `failure` a non-zero exit, the matcher modes a matching output.
export function verify(step: PlannedStep, result: CommandResult): Verdict {
  if (result.timedOut || result.interrupted) return { ok: false, retryable: false, message: result.message, diff: '' };
  const { mode, arg } = step.verify;
  if (mode === 'none') {
    const ok = result.exitCode === 0;
    return { ok, retryable: false, message: ok ? '' : result.message || 'the command failed', diff: '' };
  }
  if (mode === 'failure') {
    const ok = result.exitCode !== 0 && result.exitCode !== undefined;
    return { ok, retryable: false, message: ok ? '' : 'the page expects this command to fail, and it exited 0', diff: '' };
  }
  // A page that shows output is judged by the output alone: istio.io pages show error output of failing commands too.
  const verdict = match(step.expected, result.output, mode, arg);
  if (verdict.ok) return { ok: true, retryable: false, message: '', diff: '' };
  // The matcher itself failed: a bug to report, which running the step again cannot change.
  if (verdict.error !== undefined) {
    return { ok: false, retryable: false, message: `internal error of the matcher (a bug, please report it): ${verdict.error}`, diff: verdict.diff };
  }
  const exit = result.exitCode !== 0 && result.exitCode !== undefined ? `; ${result.message}` : '';
  const first = verdict.differences[0]?.reason;
  return {
    ok: false,
    retryable: step.retry,
    message: `the output does not match (${mode}${first ? `: ${first}` : ''})${exit}`,
    diff: verdict.diff,
  };
}
