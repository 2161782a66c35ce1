// Running a step until it passes: clusters are eventually consistent, so an output that does not match yet is
// tried again about every second until it matches or the retry time-out passes.
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlannedStep } from '../plan/plan.js';
import type { CommandResult, Session } from '../shell/session.js';
import { verify, type Verdict } from './verify.js';

export interface AttemptsOptions {
  stepTimeoutMs: number;
  retryTimeoutMs: number;
  /** Time between the starts of two attempts. */
  intervalMs?: number;
  /** False for cleanup run after a failure: once is enough, and a retried `delete` never matches. */
  retry?: boolean;
  signal?: AbortSignal;
  /** Called after each attempt that will be followed by another, for live progress. */
  onAttempt?: (attempt: number, result: CommandResult, verdict: Verdict) => void;
}

export interface Attempts {
  result: CommandResult;
  verdict: Verdict;
  attempts: number;
  /** Whether SIGINT/SIGTERM came while the step waited for its next attempt (the last attempt did not match yet). */
  interrupted: boolean;
  /** From the first attempt's start to the last one's end. */
  durationMs: number;
}

// Runs a step once, then again while its verdict is retryable and the retry time-out has not passed.
export async function runWithRetries(session: Session, step: PlannedStep, options: AttemptsOptions): Promise<Attempts> {
  const interval = options.intervalMs ?? 1000;
  const timeoutMs = step.timeoutMs ?? options.stepTimeoutMs;
  const started = performance.now();
  const deadline = started + options.retryTimeoutMs;
  let attempts = 0;
  for (;;) {
    const attemptStart = performance.now();
    const result = await session.run(step.command, { timeoutMs, signal: options.signal });
    attempts++;
    const verdict = verify(step, result);
    const next = attemptStart + interval;
    const again = !verdict.ok && verdict.retryable && options.retry !== false && !options.signal?.aborted && next < deadline;
    if (!again) return { result, verdict, attempts, interrupted: false, durationMs: performance.now() - started };
    options.onAttempt?.(attempts, result, verdict);
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait, undefined, { signal: options.signal }).catch(() => undefined);
    if (options.signal?.aborted) return { result, verdict, attempts, interrupted: true, durationMs: performance.now() - started };
  }
}
