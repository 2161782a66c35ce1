// Running one page: its steps in order in one bash session, retried until they match, cleanup always run,
// and nothing of the page left running at the end.
import type { PagePlan, PlannedStep } from '../plan/plan.js';
import type { Listener, PageResult, StepResult, StepStatus } from './results.js';
import { runWithRetries } from './retry.js';
import { rolloutsIn, waitForRollouts } from './rollout.js';
import { clusterPicture } from './cluster-picture.js';
import { Session } from './session.js';
import { touchedNamespaces } from './touched-namespaces.js';
import { reportLeftovers, takeSnapshot } from './snapshot.js';
import { linkRepo, makeWorkdir, removeWorkdir } from './workdir.js';
import { startPage } from './page-start.js';
import { withFullDisk } from './disk-full.js';

export interface PageOptions {
  /** Istio release or checkout whose `samples/`, `manifests/`... the page's `@path@` files name. */
  istioDir?: string;
  stepTimeoutMs: number;
  retryTimeoutMs: number;
  /** Go on after a failing step instead of going straight to the cleanup steps. */
  keepGoing: boolean;
  /** Wait for the rollout of Deployments a step created or configured. */
  wait: boolean;
  /** First SIGINT/SIGTERM: stop the page, run its cleanup. */
  signal?: AbortSignal;
  /** Second one: abandon the cleanup too. */
  force?: AbortSignal;
  emit: Listener;
  /** Time between the starts of two attempts (1 s). */
  intervalMs?: number;
  /** Between SIGTERM and SIGKILL when a step is killed. */
  killGraceMs?: number;
  /** Take a picture of the cluster after a failed or timed-out step of a page that uses kubectl (default true). */
  diagnostics?: boolean;
  /** Snapshot the cluster before and after a test that calls kubectl, and fail it on leftovers: a script unless this is
   * false (istio.io's framework always does), a page plan only when this is true (`run` sets it unless --no-snapshot). */
  snapshot?: boolean;
}

// Runs a page's plan and reports every step as it ends.
export async function runPage(plan: PagePlan, options: PageOptions): Promise<PageResult> {
  const { started, file, total, token } = startPage(plan, options.emit);
  // A page that sources istio.io's helpers calls kubectl through them.
  const before = options.snapshot === true && (plan.programs.includes('kubectl') || (plan.sourceUses ?? []).length > 0) ? await takeSnapshot({}, 30000, options.signal) : undefined;
  const dir = makeWorkdir(options.istioDir);
  // doctest.yaml's `page.source` helpers resolve in the istio.io checkout, as a script's do.
  if (plan.repoRoot && (plan.sourceUses ?? []).length > 0) linkRepo(dir.work, plan.repoRoot);
  let session: Session;
  try {
    session = await Session.start({ cwd: dir.work, ctlDir: dir.ctl, outDir: dir.out, token, killGraceMs: options.killGraceMs });
  } catch (error) {
    removeWorkdir(dir);
    return finish(options, { file, lang: plan.page.lang, status: 'failed', steps: [], durationMs: performance.now() - started, message: (error as Error).message });
  }
  const results: StepResult[] = [];
  let failed = false;
  let denied: number[] = [];
  let lenient = false;
  try {
    for (const step of plan.steps) {
      const interrupted = options.signal?.aborted === true;
      const stopped = interrupted || (failed && !options.keepGoing);
      let result: StepResult;
      if (step.skip !== undefined) result = skipped(step, step.skip);
      else if (stopped && !step.cleanup) result = skipped(step, interrupted ? 'not run: interrupted' : 'not run: an earlier step failed');
      else if (options.force?.aborted) result = skipped(step, 'not run: interrupted again during cleanup');
      else {
        // doctest.yaml's cleanup steps run with `set +e`, whatever the page set, as a script's cleanup part does.
        if (step.hidden && step.cleanup && !lenient) lenient = (await session.run('set +e', { timeoutMs: options.stepTimeoutMs, signal: options.force })).exitCode === 0;
        options.emit({ type: 'step-start', page: file, step, total });
        const fullBefore = session.fullDisks;
        result = await runStep(session, step, options, { outOfPlace: stopped, total, page: file });
        if (session.fullDisks > fullBefore) result = withFullDisk(result, session.fullFolder ?? '');
        if (needsPicture(result, plan.programs, options)) result.diagnostics = await clusterPicture(touchedNamespaces(plan.steps.slice(0, plan.steps.indexOf(step) + 1).map((s) => s.command)), { istioDir: options.istioDir });
      }
      if (!result.warning && (result.status === 'failed' || result.status === 'timeout')) failed = true;
      results.push(result);
      options.emit({ type: 'step', page: file, result, total });
    }
  } finally {
    denied = (await session.close()).denied;
    removeWorkdir(dir);
  }
  if (before && !options.force?.aborted) {
    const result = await reportLeftovers(before, { file, line: 1, blockLine: 1, expected: '', verify: { mode: 'none' }, retry: false, cleanup: true, section: '' }, { page: file, total, emit: options.emit, cancel: options.force });
    if (result) {
      if (!result.warning) failed = true;
      results.push(result);
    }
  }
  const status = options.signal?.aborted ? 'interrupted' : failed ? 'failed' : 'passed';
  // Processes of another user (a step's `sudo ...`) cannot be ended by the runner: they are named, not passed over.
  const message = denied.length > 0 ? `not permitted to end ${denied.length === 1 ? 'process' : 'processes'} ${denied.join(', ')} the page started (EPERM); they may still run` : '';
  return finish(options, { file, lang: plan.page.lang, status, steps: results, durationMs: performance.now() - started, message });
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
      options.emit({ type: 'attempt', page: context.page, step, total: context.total, attempt, elapsedMs: performance.now() - begun, message: verdict.message }),
  });
  const { result, verdict } = attempts;
  const interrupted = result.interrupted || attempts.interrupted;
  let status: StepStatus = interrupted ? 'interrupted' : result.timedOut ? 'timeout' : verdict.ok ? 'passed' : 'failed';
  let message = verdict.ok ? '' : attempts.interrupted ? `interrupted while waiting to retry (${verdict.message})` : verdict.message;
  let durationMs = attempts.durationMs;
  let output = result.output;
  if (status === 'passed' && options.wait) {
    const rollouts = rolloutsIn(result.output, step.command);
    if (rollouts.length > 0) {
      const waited = await waitForRollouts(session, rollouts, options.retryTimeoutMs, signal);
      if (waited) {
        durationMs += waited.durationMs;
        if (waited.exitCode !== 0) {
          status = waited.interrupted ? 'interrupted' : 'failed';
          message = waited.message;
          output = `${output}${output.endsWith('\n') || output === '' ? '' : '\n'}${waited.output}`;
        }
      }
    }
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
    ...(!verdict.ok && verdict.diff !== '' ? { actual: result.output } : {}),
    warning,
  };
}

/** Whether a step's result gets the cluster picture: it failed or timed out (not a cleanup warning, not interrupted)
 * on a page that uses kubectl. */
export function needsPicture(result: StepResult, programs: readonly string[], options: { diagnostics?: boolean }): boolean {
  return options.diagnostics !== false && !result.warning && (result.status === 'failed' || result.status === 'timeout') && programs.includes('kubectl');
}

// A step that does not run, with the reason.
function skipped(step: PlannedStep, message: string): StepResult {
  return { step, status: 'skipped', attempts: 0, timedOut: false, durationMs: 0, output: '', message, diff: '', warning: false };
}

// Reports the page's end and hands its result back.
function finish(options: PageOptions, result: PageResult): PageResult {
  options.emit({ type: 'page', result });
  return result;
}
