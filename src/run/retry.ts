// Running a step until it passes: clusters are eventually consistent, so an output that does not match yet is tried
// again, soon at first and then about every second, until it matches or the retry time-out passes. A step whose
// output waiting cannot change (its plan says why) is attempted once.
import type { PlannedStep } from '../plan/plan.js';
import { attemptUntil, retryStyle, type AttemptPolicy, type RetryStyle } from './attempt-policy.js';
import type { CommandResult, Session } from '../shell/session.js';
import { verify, type Verdict } from './verify.js';

export interface AttemptsOptions {
  stepTimeoutMs: number;
  retryTimeoutMs: number;
  /** The longest time between the starts of two attempts (1 s). */
  intervalMs?: number;
  /** False for cleanup run after a failure: once is enough, and a retried `delete` never matches. */
  retry?: boolean;
  signal?: AbortSignal;
  /** `backoff` (default: from the environment) or `flat`, the policy before backoff, to measure against. */
  style?: RetryStyle;
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

/** The attempt policy of a page step: the retry time-out, at most intervalMs between starts, one pass. */
export function stepPolicy(step: PlannedStep, options: Pick<AttemptsOptions, 'retryTimeoutMs' | 'intervalMs' | 'retry' | 'style'>): AttemptPolicy {
  const style = options.style ?? retryStyle();
  // The flat policy retried every step whatever its plan said about waiting.
  const once = options.retry === false ? 'cleanup after a failure' : style === 'backoff' ? step.noRetry : undefined;
  return {
    delays: style,
    maxDelayMs: options.intervalMs ?? 1000,
    from: 'start',
    deadlineMs: options.retryTimeoutMs,
    consecutive: 1,
    ...(once !== undefined ? { once } : {}),
  };
}

// Runs a step once, then again while its verdict is retryable and the retry time-out has not passed.
export async function runWithRetries(session: Session, step: PlannedStep, options: AttemptsOptions): Promise<Attempts> {
  const timeoutMs = step.timeoutMs ?? options.stepTimeoutMs;
  const policy = stepPolicy(step, options);
  const outcome = await attemptUntil(
    policy,
    async () => {
      const result = await session.run(step.command, { timeoutMs, signal: options.signal });
      const verdict = verify(step, result);
      return { value: { result, verdict }, ok: verdict.ok, retryable: verdict.retryable };
    },
    { signal: options.signal, onRetry: (attempt, last) => options.onAttempt?.(attempt, last.value.result, last.value.verdict) },
  );
  const { result } = outcome.last.value;
  let { verdict } = outcome.last.value;
  // A failure that would have been retried says why it was not.
  if (!verdict.ok && verdict.retryable && step.noRetry !== undefined && policy.once === step.noRetry) {
    verdict = { ...verdict, message: `${verdict.message}; not retried: ${step.noRetry}` };
  }
  return { result, verdict, attempts: outcome.attempts, interrupted: outcome.interrupted, durationMs: outcome.durationMs };
}
