// One `_verify_X snip_y ARG` step: the snippet run again and again, its output judged by our matcher in verify.sh's
// mode, with verify.sh's retry contract: VERIFY_TIMEOUT seconds (120), VERIFY_DELAY between attempts (1),
// VERIFY_CONSECUTIVE successes in a row (1); the output has `\r` and trailing blanks removed, as verify.sh does.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ScriptStep } from '../istio/script-plan.js';
import { VERIFY_SETTINGS, type VerifySettings } from '../istio/script-statements.js';
import { readVerifySetting } from '../istio/verify-settings.js';
import { match, type MatchMode } from '../match/index.js';
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
export function judge(step: ScriptStep, expected: string, result: CommandResult): { ok: boolean; message: string; diff: string } {
  const mode = step.verify.mode;
  if (mode === 'failure') {
    const ok = result.exitCode !== undefined && result.exitCode !== 0;
    return { ok, message: ok ? '' : 'the script expects this snippet to fail, and it exited 0', diff: '' };
  }
  const arg = step.verify.arg !== undefined ? expected : undefined;
  const verdict = match(arg !== undefined ? '' : expected, cleanOutput(result.output), mode as MatchMode, arg);
  if (verdict.ok && mode === 'not-contains' && result.exitCode !== 0) return { ok: false, message: `the snippet failed (${result.message}); _verify_not_contains wants it to succeed`, diff: '' };
  if (verdict.ok) return { ok: true, message: '', diff: '' };
  const first = verdict.differences[0]?.reason;
  return { ok: false, message: `the output does not match (${mode}${first ? `: ${first}` : ''})`, diff: verdict.diff };
}

// Runs the verify step until it passes VERIFY_CONSECUTIVE times in a row or VERIFY_TIMEOUT passes.
export async function runVerifyCall(session: Session, step: ScriptStep, expected: string, options: VerifyCallOptions): Promise<VerifyCallResult> {
  const started = performance.now();
  const settings = verifySettings(step.verifyEnv);
  if ('problem' in settings) {
    const output = `VERIFY FAILED ${step.id}: ${settings.problem}\n`;
    const result: CommandResult = { exitCode: 1, output, droppedBytes: 0, timedOut: false, interrupted: false, durationMs: 0, message: settings.problem, restarted: false, stateSaved: true };
    return { ok: false, result, attempts: 0, message: settings.problem, diff: '', durationMs: 0 };
  }
  const deadline = started + settings.VERIFY_TIMEOUT * 1000;
  let attempts = 0;
  let consecutive = 0;
  for (;;) {
    const result = await session.run(step.run, { timeoutMs: step.timeoutMs ?? options.stepTimeoutMs, signal: options.signal });
    attempts++;
    const end = (ok: boolean, message: string, diff: string) => ({ ok, result, attempts, message, diff, durationMs: performance.now() - started });
    if (result.timedOut || result.interrupted) return end(false, result.message, '');
    const verdict = judge(step, expected, result);
    consecutive = verdict.ok ? consecutive + 1 : 0;
    // As verify.sh: only a successful comparison ends the call with a pass (VERIFY_CONSECUTIVE=0 is one success).
    if (verdict.ok && consecutive >= settings.VERIFY_CONSECUTIVE) return end(true, '', '');
    const last = options.once || performance.now() > deadline;
    if (last) {
      const reason = verdict.ok ? `passed ${consecutive} time(s) in a row, VERIFY_CONSECUTIVE wants ${settings.VERIFY_CONSECUTIVE}` : verdict.message;
      return end(false, options.once ? reason : `${reason}; gave up after ${settings.VERIFY_TIMEOUT}s (VERIFY_TIMEOUT), ${attempts} attempts`, verdict.diff);
    }
    options.onAttempt?.(attempts, verdict.message);
    await sleep(settings.VERIFY_DELAY * 1000, undefined, { signal: options.signal }).catch(() => undefined);
    if (options.signal?.aborted) return end(false, 'interrupted', verdict.diff);
  }
}
