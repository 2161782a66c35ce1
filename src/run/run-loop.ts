// The one runner loop for page plans and script plans: a fresh folder and shell, a snapshot before, the steps in order
// (a failure or an interrupt skips the rest but the cleanup steps), every step reported as it ends, the shell and
// everything it started ended, leftovers checked, the page reported. What differs between the plans is the executor:
// how one step runs, what the session gets first, what stops the steps, what a step adds to the report.
import type { PlannedStep, RunPlan } from '../plan/plan.js';
import type { Listener, PageResult, StepResult } from './results.js';
import { clusterPicture } from './cluster-picture.js';
import { Session, type EscapedProcess } from '../shell/session.js';
import { touchedNamespaces } from './touched-namespaces.js';
import { reportLeftovers, takeSnapshot, type Snapshot, type SnapshotCarry } from './snapshot.js';
import { makeWorkdir, removeWorkdir, type Workdir } from '../shell/workdir.js';
import { startPage } from './page-start.js';
import { withFullDisk } from './disk-full.js';
import { statusFailure } from './failure-point.js';
import { ContextWatch, type ContextSwitch } from './kube-context.js';

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
  /** The kube context the guard passed: the runner's own kubectl and istioctl calls name it (`--context`), and a step
   * that switches the current context away from it is reported and undone. */
  context?: string;
  /** The snapshot after the page before, when nothing has touched the cluster since: this page's snapshot before. */
  snapshots?: SnapshotCarry;
}

/** Where a step runs and how it is reported. */
export interface StepContext {
  session: Session;
  /** A cleanup step run after a failure or an interrupt (it runs once, without retries). */
  outOfPlace: boolean;
  total: number;
  page: string;
}

/** What makes a page plan and a script plan run differently; the loop around them is one. */
export interface StepExecutor<S extends PlannedStep> {
  /** The session's environment and output folder, made once the page's folder exists (snippet files, a matcher...). */
  prepare(dir: Workdir): { env?: Record<string, string>; outDir?: string; close?: () => void };
  /** Runs before the first step (a script's injected prelude); a failure it returns is reported and fails the page. */
  begin?(session: Session): Promise<StepResult | undefined>;
  /** Why a step that would run does not (a script whose test part exited), besides a failure or an interrupt. */
  stopped?(step: S): string | undefined;
  /** Sets the session up for a step, before it is reported started (a cleanup part's own options). */
  before?(step: S, session: Session): Promise<void>;
  /** Runs one step. */
  run(step: S, context: StepContext): Promise<StepResult>;
  /** What a step that ran adds to the report after it (a script's nested verify calls). */
  after?(step: S, result: StepResult): StepResult[];
  /** The commands so far whose namespaces a failure's cluster picture shows. */
  commands(step: S): string[];
  /** The step the leftovers after the page are reported as. */
  leftoversStep(): Omit<PlannedStep, 'index' | 'id' | 'command'>;
}

/** The plan's steps, typed as its executor runs them. */
type StepsOf<P> = P extends { steps: (infer S)[] } ? S : never;

// Runs a plan with its executor and reports every step as it ends; `snapshot`: whether to check leftovers in the cluster.
export async function runPlan<P extends RunPlan, S extends PlannedStep = StepsOf<P> & PlannedStep>(plan: P, options: PageOptions, snapshot: boolean, executor: StepExecutor<S>): Promise<PageResult> {
  const { started, file, total, token } = startPage(plan, options.emit);
  // The page before's snapshot after is this page's before; taken, it is gone (this page may change the cluster).
  const carried = options.snapshots?.last;
  if (options.snapshots) options.snapshots.last = undefined;
  const before = snapshot ? carried ?? (await takeSnapshot({}, 30000, options.signal, options.context)) : undefined;
  const watch = options.context ? new ContextWatch(options.context) : undefined;
  const switches: string[] = [];
  const dir = makeWorkdir(options.istioDir);
  const prepared = executor.prepare(dir);
  // A shell that cannot be started fails the first step with the reason; the cleanup steps still run (each tries again).
  const session = await Session.start({ cwd: dir.work, ctlDir: dir.ctl, outDir: prepared.outDir, token, env: prepared.env, killGraceMs: options.killGraceMs });
  const results: StepResult[] = [];
  let failed = false;
  let denied: number[] = [];
  let escaped: EscapedProcess[] = [];
  const report = (result: StepResult) => {
    result = withFailure(result);
    if (!result.warning && (result.status === 'failed' || result.status === 'timeout')) failed = true;
    results.push(result);
    options.emit({ type: 'step', page: file, result, total });
  };
  try {
    const begun = await executor.begin?.(session);
    if (begun) report(begun);
    for (const step of plan.steps as S[]) {
      const interrupted = options.signal?.aborted === true;
      const other = executor.stopped?.(step);
      const stopped = interrupted || (failed && !options.keepGoing) || other !== undefined;
      let result: StepResult;
      if (step.skip !== undefined) result = skipped(step, step.skip);
      else if (stopped && !step.cleanup) result = skipped(step, interrupted ? 'not run: interrupted' : other ?? 'not run: an earlier step failed');
      else if (options.force?.aborted) result = skipped(step, 'not run: interrupted again during cleanup');
      else {
        await executor.before?.(step, session);
        options.emit({ type: 'step-start', page: file, step, total });
        const fullBefore = session.fullDisks;
        result = await executor.run(step, { session, outOfPlace: stopped, total, page: file });
        if (session.fullDisks > fullBefore) result = withFullDisk(result, session.fullFolder ?? '');
        // Before the runner's next call of its own: the context the step may have switched is put back.
        const switched = await watch?.afterStep();
        if (switched) {
          switches.push(switchNote(step, total, switched, options.context!));
          if (!switched.restored) failed = true;
        }
        if (needsPicture(result, plan.programs, options)) result.diagnostics = await clusterPicture(touchedNamespaces(executor.commands(step)), { istioDir: options.istioDir, context: options.context });
      }
      report(result);
      if (result.status !== 'skipped') for (const more of executor.after?.(step, result) ?? []) report(more);
    }
  } finally {
    ({ denied, escaped } = await session.close());
    prepared.close?.();
    removeWorkdir(dir);
  }
  // A process the page left running outside its token and group is a leftover, as a namespace left in the cluster is.
  if (escaped.length > 0) failed = true;
  if (before && !options.force?.aborted) {
    const carry = options.snapshots;
    const taken = (after: Snapshot) => {
      if (carry && after.ok) carry.last = after;
    };
    const result = await reportLeftovers(before, executor.leftoversStep(), { page: file, total, emit: options.emit, cancel: options.force, context: options.context, taken });
    if (result) {
      if (!result.warning) failed = true;
      results.push(result);
    }
  }
  const status = options.signal?.aborted ? 'interrupted' : failed ? 'failed' : 'passed';
  // Processes of another user (a step's `sudo ...`) cannot be ended by the runner: they are named, not passed over.
  const notes = [
    ...switches,
    denied.length > 0 ? `not permitted to end ${denied.length === 1 ? 'process' : 'processes'} ${denied.join(', ')} the page started (EPERM); they may still run` : '',
    // A daemon that shed the run's token and left the shell's group (`(setsid env -i ... &)`) is a leftover of its own.
    escaped.length > 0 ? `left behind ${escaped.map((p) => `process ${p.pid} (${p.command || 'unknown'})`).join(', ')}, which escaped the run's token and process group; ended` : '',
  ];
  const message = notes.filter(Boolean).join('; ');
  const result: PageResult = { file, lang: plan.page.lang, status, steps: results, durationMs: performance.now() - started, message };
  options.emit({ type: 'page', result });
  return result;
}

/** Whether a step's result gets the cluster picture: it failed or timed out (not a cleanup warning, not interrupted)
 * on a page that uses kubectl. */
export function needsPicture(result: StepResult, programs: readonly string[], options: { diagnostics?: boolean }): boolean {
  return options.diagnostics !== false && !result.warning && (result.status === 'failed' || result.status === 'timeout') && programs.includes('kubectl');
}

// The note naming a step that switched the kube context, and whether the guarded one is current again.
function switchNote(step: PlannedStep, total: number, switched: ContextSwitch, guarded: string): string {
  const where = `step ${step.index}/${total} ${step.id} (${step.file}:${step.line})`;
  const after = switched.restored ? `the runner restored "${guarded}"` : `the runner could not restore "${guarded}" (${switched.why}), so the page stopped`;
  return `${where} switched the kube context to "${switched.to}"; ${after} (its own commands name --context ${guarded})`;
}

// A result that did not pass with its failing line: the one its executor derived, else the command's line with the
// status and the reason (a prelude, a missing snippet, leftovers, a full disk after a pass).
function withFailure(result: StepResult): StepResult {
  if (result.status === 'passed' || result.status === 'skipped' || result.failure) return result;
  const kind = result.status === 'timeout' ? 'timeout' : result.status === 'interrupted' ? 'interrupted' : 'step-failed';
  return { ...result, failure: statusFailure(result.step, kind, result.message) };
}

// A step that does not run, with the reason.
function skipped(step: PlannedStep, message: string): StepResult {
  return { step, status: 'skipped', attempts: 0, timedOut: false, durationMs: 0, output: '', message, diff: '', warning: false };
}
