// Running one page: its steps in order in one bash session, retried until they match, cleanup always run,
// and nothing of the page left running at the end.
import type { PagePlan, PlannedStep } from '../plan/plan.js';
import type { PageResult, StepResult, StepStatus } from './results.js';
import { runWithRetries } from './retry.js';
import { statusFailure } from './failure-point.js';
import { rolloutsIn, waitForRollouts } from './rollout.js';
import type { Session } from '../shell/session.js';
import { linkRepo } from '../shell/workdir.js';
import { runPlan, type PageOptions } from './run-loop.js';

export type { PageOptions } from './run-loop.js';

// Runs a page's plan and reports every step as it ends.
export async function runPage(plan: PagePlan, options: PageOptions): Promise<PageResult> {
  // A page that sources istio.io's helpers calls kubectl through them.
  const snapshot = options.snapshot === true && (plan.programs.includes('kubectl') || (plan.sourceUses ?? []).length > 0);
  let lenient = false;
  return runPlan<PagePlan, PlannedStep>(plan, options, snapshot, {
    prepare: (dir) => {
      // doctest.yaml's `page.source` helpers resolve in the istio.io checkout, as a script's do.
      if (plan.repoRoot && (plan.sourceUses ?? []).length > 0) linkRepo(dir.work, plan.repoRoot);
      return { outDir: dir.out };
    },
    before: async (step, session) => {
      // doctest.yaml's cleanup steps run with `set +e`, whatever the page set, as a script's cleanup part does.
      if (step.hidden && step.cleanup && !lenient) lenient = (await session.run('set +e', { timeoutMs: options.stepTimeoutMs, signal: options.force })).exitCode === 0;
    },
    run: (step, context) => runStep(context.session, step, options, context),
    commands: (step) => plan.steps.slice(0, plan.steps.indexOf(step) + 1).map((s) => s.command),
    leftoversStep: () => ({ file: plan.page.file, line: 1, blockLine: 1, expected: '', verify: { mode: 'none' }, retry: false, cleanup: true, section: '' }),
  });
}

// Runs one step with its retries and rollout waits; `outOfPlace` is a cleanup step run after a failure or an interrupt.
async function runStep(session: Session, step: PlannedStep, options: PageOptions, context: { outOfPlace: boolean; total: number; page: string }): Promise<StepResult> {
  // Cleanup is interrupted only by a second signal; other steps by the first.
  const signal = step.cleanup ? options.force : options.signal;
  const begun = performance.now();
  const attempts = await runWithRetries(session, step, {
    stepTimeoutMs: options.stepTimeoutMs,
    retryTimeoutMs: options.retryTimeoutMs,
    intervalMs: options.intervalMs,
    retry: !context.outOfPlace,
    signal,
    onAttempt: (attempt, _result, verdict) =>
      options.emit({ type: 'attempt', page: context.page, step, total: context.total, attempt, elapsedMs: performance.now() - begun, message: verdict.message, retryTimeoutMs: options.retryTimeoutMs }),
  });
  const { result, verdict } = attempts;
  const interrupted = result.interrupted || attempts.interrupted;
  let status: StepStatus = interrupted ? 'interrupted' : result.timedOut ? 'timeout' : verdict.ok ? 'passed' : 'failed';
  let message = verdict.ok ? '' : attempts.interrupted ? `interrupted while waiting to retry (${verdict.message})` : verdict.message;
  // The verdict's failing line; an interrupt while waiting to retry is told at the line that did not match yet.
  let failure = verdict.failure && attempts.interrupted && !result.interrupted ? { ...verdict.failure, kind: 'interrupted' as const } : verdict.failure;
  let durationMs = attempts.durationMs;
  let output = result.output;
  if (status === 'passed' && options.wait) {
    const rollouts = rolloutsIn(result.output, step.command);
    if (rollouts.length > 0) {
      const waited = await waitForRollouts(session, rollouts, options.retryTimeoutMs, signal, options.context);
      if (waited) {
        durationMs += waited.durationMs;
        if (waited.exitCode !== 0) {
          status = waited.interrupted ? 'interrupted' : 'failed';
          message = waited.message;
          failure = statusFailure(step, waited.interrupted ? 'interrupted' : 'step-failed', waited.message);
          output = `${output}${output.endsWith('\n') || output === '' ? '' : '\n'}${waited.output}`;
        }
      }
    }
  }
  // No shell to run it in, or a run whose output was not captured: a failure whatever its output and status.
  if (result.broken !== undefined && status !== 'interrupted') {
    status = 'failed';
    message = result.broken;
    failure = statusFailure(step, 'step-failed', result.broken);
  }
  const warning = step.cleanup && status !== 'passed' && status !== 'interrupted';
  return {
    step,
    status,
    attempts: attempts.attempts,
    ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}),
    timedOut: result.timedOut,
    ...(result.droppedBytes > 0 ? { droppedBytes: result.droppedBytes } : {}),
    durationMs,
    output,
    message,
    diff: verdict.diff,
    ...(status !== 'passed' && failure ? { failure } : {}),
    ...(!verdict.ok && verdict.diff !== '' ? { actual: result.output } : {}),
    warning,
  };
}

export { needsPicture } from './run-loop.js';
