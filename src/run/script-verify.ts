// One `_verify_X snip_y ARG` step: the snippet run again and again, its output judged by our matcher in verify.sh's
// mode, with verify.sh's retry contract: VERIFY_TIMEOUT seconds (120), VERIFY_DELAY between attempts when set (else
// the runner's backoff: soon at first, then every second), VERIFY_CONSECUTIVE successes in a row (1); the output has
// `\r` and trailing blanks removed, as verify.sh does.
import type { ScriptStep } from '../istio/script-plan.js';
import { VERIFY_SETTINGS, type VerifySettings } from '../istio/script-statements.js';
import { readVerifySetting } from '../istio/verify-settings.js';
import { match, MATCH_MODES, type MatchMode } from '../match/index.js';
import { needsArg } from '../match/types.js';
import type { PlannedStep } from '../plan/plan.js';
import type { StepFailure } from '../plan/step-failure.js';
import { mismatchFailure, statusFailure } from './failure-point.js';
import { attemptUntil, retryStyle, type AttemptPolicy } from './attempt-policy.js';
import type { CommandResult, Session } from '../shell/session.js';

export interface VerifyCallOptions {
  stepTimeoutMs: number;
  signal?: AbortSignal;
  /** No retries (a cleanup step after a failure). */
  once?: boolean;
  onAttempt?: (attempt: number, message: string) => void;
}

export interface VerifyCallResult {
  ok: boolean;
  result: CommandResult;
  attempts: number;
  message: string;
  diff: string;
  durationMs: number;
  /** When not ok: the failing line, its kind and difference. */
  failure?: StepFailure;
}

// The retry settings in force: the script's own (a step-level assignment wins), then the environment, then verify.sh's
// defaults; or the reason a value is one verify.sh could not use.
export function verifySettings(own: VerifySettings | undefined, env: NodeJS.ProcessEnv = process.env): Record<(typeof VERIFY_SETTINGS)[number], number> | { problem: string } {
  const out = {} as Record<(typeof VERIFY_SETTINGS)[number], number>;
  for (const name of VERIFY_SETTINGS) {
    const read = readVerifySetting(name, own && name in own ? own[name] : env[name]);
    if ('problem' in read) return read;
    out[name] = read.value;
  }
  return out;
}

// verify.sh's clean-up of an attempt's output: no `\r`, no trailing blanks on any line, no trailing newlines.
export function cleanOutput(output: string): string {
  return output.replace(/\r/g, '').replace(/[ \t\v\f]+$/gm, '').replace(/\n+$/, '');
}

// Judges one attempt: `failure` wants a non-zero exit; `not-contains` also wants exit 0 (verify.sh's failonerr).
export function judge(step: ScriptStep, expected: string, result: CommandResult): { ok: boolean; message: string; diff: string; failure?: StepFailure } {
  const mode = step.verify.mode;
  if (mode === 'failure') {
    const ok = result.exitCode !== undefined && result.exitCode !== 0;
    return { ok, message: ok ? '' : 'the script expects this snippet to fail, and it exited 0', diff: '', ...(ok ? {} : { failure: statusFailure(step, 'unexpected-success', 'exited 0') }) };
  }
  const arg = step.verify.arg !== undefined ? expected : undefined;
  const verdict = match(arg !== undefined ? '' : expected, cleanOutput(result.output), mode as MatchMode, arg);
  if (verdict.ok && mode === 'not-contains' && result.exitCode !== 0) {
    const message = `the snippet failed (${result.message}); _verify_not_contains wants it to succeed`;
    return { ok: false, message, diff: '', failure: statusFailure(step, 'exit-status', result.message) };
  }
  if (verdict.ok) return { ok: true, message: '', diff: '' };
  const first = verdict.differences[0]?.reason;
  const failure = verdict.error !== undefined ? statusFailure(step, 'matcher-error', verdict.error) : mismatchFailure(step, mode as MatchMode, verdict.differences, expected);
  return { ok: false, message: `the output does not match (${mode}${first ? `: ${first}` : ''})`, diff: verdict.diff, failure };
}

/**
 * The failing line of a nested `_verify_*` call that failed, from what it left beside the log: its mode, the expected
 * text (the TEXT or PATTERN of contains, not-contains and regex) and its last output, compared again as the runner's
 * matcher compared them; `step` is the call placed at its snippet (with `expectedLine` when the expected text is that
 * snippet's output on the page). Without the texts (a call refused before it ran), the snippet's line.
 */
export function nestedFailure(step: PlannedStep, mode: string, texts?: { expected: string; output: string }): StepFailure {
  if (mode === 'failure') return statusFailure(step, 'unexpected-success', 'exited 0');
  if (!texts || !(MATCH_MODES as readonly string[]).includes(mode)) return statusFailure(step, 'step-failed', `${mode} failed`);
  const actual = cleanOutput(texts.output);
  const verdict = needsArg(mode) ? match('', actual, mode as MatchMode, texts.expected) : match(texts.expected, actual, mode as MatchMode);
  if (verdict.error !== undefined) return statusFailure(step, 'matcher-error', verdict.error);
  // A call whose last comparison matched failed by its exit status (not-contains) or VERIFY_CONSECUTIVE.
  if (verdict.ok) return statusFailure(step, mode === 'not-contains' ? 'exit-status' : 'step-failed', mode === 'not-contains' ? 'the snippet failed; _verify_not_contains wants it to succeed' : 'did not match VERIFY_CONSECUTIVE times in a row');
  return mismatchFailure(step, mode as MatchMode, verdict.differences, texts.expected);
}

/** The attempt policy of a verify call: verify.sh's VERIFY_TIMEOUT and VERIFY_CONSECUTIVE; VERIFY_DELAY between attempts
 * when the script or the environment sets it, else the backoff every step has (soon at first, then every second). */
export function verifyPolicy(own: VerifySettings | undefined, settings: Record<(typeof VERIFY_SETTINGS)[number], number>, options: { once?: boolean }, env: NodeJS.ProcessEnv = process.env): AttemptPolicy {
  const delay = own && 'VERIFY_DELAY' in own ? own.VERIFY_DELAY : env.VERIFY_DELAY;
  const explicit = delay !== null && delay !== undefined && delay !== '';
  return {
    delays: explicit ? 'flat' : retryStyle(env),
    maxDelayMs: settings.VERIFY_DELAY * 1000,
    from: 'end',
    deadlineMs: settings.VERIFY_TIMEOUT * 1000,
    consecutive: settings.VERIFY_CONSECUTIVE,
    ...(options.once ? { once: 'cleanup after a failure' } : {}),
  };
}

// Runs the verify step until it passes VERIFY_CONSECUTIVE times in a row or VERIFY_TIMEOUT passes.
export async function runVerifyCall(session: Session, step: ScriptStep, expected: string, options: VerifyCallOptions): Promise<VerifyCallResult> {
  const settings = verifySettings(step.verifyEnv);
  if ('problem' in settings) {
    const output = `VERIFY FAILED ${step.id}: ${settings.problem}\n`;
    const result: CommandResult = { exitCode: 1, output, droppedBytes: 0, timedOut: false, interrupted: false, durationMs: 0, message: settings.problem, restarted: false, stateSaved: true };
    return { ok: false, result, attempts: 0, message: settings.problem, diff: '', durationMs: 0, failure: statusFailure(step, 'step-failed', settings.problem) };
  }
  const outcome = await attemptUntil(
    verifyPolicy(step.verifyEnv, settings, options),
    async () => {
      const result = await session.run(step.run, { timeoutMs: step.timeoutMs ?? options.stepTimeoutMs, signal: options.signal });
      if (result.timedOut || result.interrupted) {
        const failure = statusFailure(step, result.timedOut ? 'timeout' : 'interrupted', result.message);
        return { value: { result, verdict: { ok: false, message: result.message, diff: '', failure } }, ok: false, retryable: false };
      }
      const verdict = judge(step, expected, result);
      return { value: { result, verdict }, ok: verdict.ok, retryable: true };
    },
    { signal: options.signal, onRetry: (attempt, last) => options.onAttempt?.(attempt, last.value.verdict.message) },
  );
  const { result, verdict } = outcome.last.value;
  const end = (ok: boolean, message: string, diff: string, failure?: StepFailure) => ({ ok, result, attempts: outcome.attempts, message, diff, durationMs: outcome.durationMs, ...(failure ? { failure } : {}) });
  if (outcome.ok) return end(true, '', '');
  if (result.timedOut || result.interrupted) return end(false, result.message, '', verdict.failure);
  // Interrupted while waiting to retry: told at the line that did not match yet.
  if (outcome.interrupted) return end(false, 'interrupted', verdict.diff, { ...(verdict.failure ?? statusFailure(step, 'interrupted', 'interrupted')), kind: 'interrupted' });
  const reason = verdict.ok ? `passed ${outcome.consecutive} time(s) in a row, VERIFY_CONSECUTIVE wants ${settings.VERIFY_CONSECUTIVE}` : verdict.message;
  const failure = verdict.ok ? statusFailure(step, 'step-failed', reason) : verdict.failure;
  return end(false, options.once ? reason : `${reason}; gave up after ${settings.VERIFY_TIMEOUT}s (VERIFY_TIMEOUT), ${outcome.attempts} attempts`, verdict.diff, failure);
}
