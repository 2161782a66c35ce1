// The one attempt policy of page steps, script verify calls and the `_verify_*` calls a script makes inside its
// functions: how long to wait between attempts (starting fast and backing off, or verify.sh's flat VERIFY_DELAY when
// a script sets it), until when to try (the retry time-out or VERIFY_TIMEOUT), how many passes in a row make a pass
// (VERIFY_CONSECUTIVE), and when not to retry at all (waiting cannot change the output).
import { setTimeout as sleep } from 'node:timers/promises';

/** Polling that starts fast and backs off: 100 ms, 200 ms, 400 ms, 800 ms, then every second. */
export const BACKOFF = { firstMs: 100, maxMs: 1000 } as const;

/** Environment variable choosing the policy: `backoff` (default) or `flat` (every step retried every second, as
 * verify.sh does; kept to measure against, `npm run bench:retry`). */
export const RETRY_POLICY_VAR = 'ISTIO_DOCTEST_RETRY_POLICY';

export type RetryStyle = 'backoff' | 'flat';

// The style in force: `flat` only when asked for by name.
export function retryStyle(env: NodeJS.ProcessEnv = process.env): RetryStyle {
  return env[RETRY_POLICY_VAR] === 'flat' ? 'flat' : 'backoff';
}

export interface AttemptPolicy {
  /** `backoff` doubles from BACKOFF.firstMs up to maxDelayMs; `flat` waits maxDelayMs every time. */
  delays: RetryStyle;
  /** The longest wait between attempts (1 s; a script's VERIFY_DELAY). */
  maxDelayMs: number;
  /** Whether the wait runs from the start of the last attempt (page steps) or from its end (verify.sh's `sleep`). */
  from: 'start' | 'end';
  /** No attempt starts later than this after the first one started. */
  deadlineMs: number;
  /** Passes in a row that make a pass (VERIFY_CONSECUTIVE; 1 for page steps). */
  consecutive: number;
  /** Why there is one attempt only (waiting cannot change the output), when there is. */
  once?: string;
}

// The wait after the nth attempt (1-based).
export function delayAfter(policy: Pick<AttemptPolicy, 'delays' | 'maxDelayMs'>, attempt: number): number {
  if (policy.delays === 'flat') return policy.maxDelayMs;
  const first = Math.min(BACKOFF.firstMs, policy.maxDelayMs);
  return Math.min(policy.maxDelayMs, first * 2 ** Math.min(attempt - 1, 30));
}

/** The waits of the backoff in seconds up to the longest one, for the bash `_verify_*` functions (0.1 0.2 0.4 0.8). */
export function backoffSeconds(maxDelayMs: number = BACKOFF.maxMs): string[] {
  const out: string[] = [];
  for (let k = 1; delayAfter({ delays: 'backoff', maxDelayMs }, k) < maxDelayMs; k++) out.push(String(delayAfter({ delays: 'backoff', maxDelayMs }, k) / 1000));
  return out;
}

/** One attempt judged: whether it passed, and whether another attempt could change that. */
export interface Judged<R> {
  value: R;
  ok: boolean;
  retryable: boolean;
}

export interface AttemptsOutcome<R> {
  last: Judged<R>;
  attempts: number;
  /** Passes in a row at the end. */
  consecutive: number;
  /** Whether the pass is complete (`consecutive` passes in a row). */
  ok: boolean;
  /** Whether the signal came while waiting for the next attempt. */
  interrupted: boolean;
  /** Whether attempts stopped at the deadline (not at a verdict no attempt can change). */
  timedOut: boolean;
  /** From the first attempt's start to the last one's end. */
  durationMs: number;
}

/** Time as the attempts see it: the real one, or a test's. */
export interface Clock {
  now(): number;
  /** Waits, or returns early when the signal comes. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const REAL_CLOCK: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }).catch(() => undefined),
};

// Attempts until a pass (`consecutive` in a row), a verdict no attempt can change, the deadline, or the signal.
export async function attemptUntil<R>(
  policy: AttemptPolicy,
  attempt: () => Promise<Judged<R>>,
  options: { signal?: AbortSignal; onRetry?: (attempt: number, last: Judged<R>) => void; clock?: Clock } = {},
): Promise<AttemptsOutcome<R>> {
  const clock = options.clock ?? REAL_CLOCK;
  const performance = clock;
  const started = performance.now();
  const deadline = started + policy.deadlineMs;
  let attempts = 0;
  let consecutive = 0;
  for (;;) {
    const attemptStart = performance.now();
    const last = await attempt();
    attempts++;
    consecutive = last.ok ? consecutive + 1 : 0;
    const end = (extra: Partial<AttemptsOutcome<R>> = {}): AttemptsOutcome<R> => ({
      last,
      attempts,
      consecutive,
      ok: last.ok && consecutive >= policy.consecutive,
      interrupted: false,
      timedOut: false,
      durationMs: performance.now() - started,
      ...extra,
    });
    if (last.ok && consecutive >= policy.consecutive) return end();
    if (!last.retryable || policy.once !== undefined || options.signal?.aborted) return end();
    const next = (policy.from === 'start' ? attemptStart : performance.now()) + delayAfter(policy, attempts);
    if (next > deadline) return end({ timedOut: true });
    options.onRetry?.(attempts, last);
    const wait = next - performance.now();
    if (wait > 0) await clock.sleep(wait, options.signal);
    if (options.signal?.aborted) return end({ interrupted: true });
  }
}
