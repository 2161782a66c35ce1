// The run use case's last stages, for both faces: the context guard where a plan touches the cluster, then the plans
// through the runner (grouped by setup config, the cluster brought to each unless setup is keep).
import { setupAction, setupOfPlan } from '../istio/setup-groups.js';
import type { RunPlan } from '../plan/plan.js';
import { guardContext } from '../run/context-guard.js';
import { usesCluster } from '../run/plan-pages.js';
import type { RunEvent, RunSummary, SkippedPage } from '../run/results.js';
import { runPages } from '../run/run-pages.js';
import type { RunOptions } from './run-options.js';

/** Checks the current kube context when a plan talks to the cluster or a setup group installs Istio: the context it
 * passed (which the runner then pins its own commands to), or the refusal's one line. */
export async function guardRun(ready: RunPlan[], options: RunOptions): Promise<{ ok: true; context?: string } | { ok: false; message: string }> {
  const installs = options.setup.mode !== 'keep' && ready.some((plan) => setupAction(setupOfPlan(plan)).kind === 'install');
  if (!installs && !ready.some(usesCluster)) return { ok: true };
  return guardContext({ context: options.context, allow: options.allowContext });
}

/** What the face gives the runner: where events go, what stops it, and the CLI nested `_verify_*` calls run. */
export interface RunIo {
  emit: (event: RunEvent) => void;
  stop?: AbortSignal;
  /** Signals that stop the page and run its cleanup. */
  signals: NodeJS.Signals[];
  /** The CLI (`bin/istio-doctest.js`) test scripts' nested `_verify_*` calls run `match` with. */
  cli?: string;
  /** The kube context guardRun passed: the runner's own commands name it, and a page that switches away is undone. */
  context?: string;
}

// Runs the ready plans, the others reported skipped with their reason.
export function runPlans(ready: RunPlan[], skipped: SkippedPage[], options: RunOptions, io: RunIo): Promise<RunSummary> {
  return runPages(ready, skipped, {
    istioDir: options.istioDir,
    stepTimeoutMs: options.stepTimeout,
    retryTimeoutMs: options.retryTimeout,
    keepGoing: options.keepGoing,
    wait: options.wait,
    emit: io.emit,
    stop: io.stop,
    signals: io.signals,
    cli: io.cli,
    snapshot: options.snapshot,
    setup: options.setup.mode,
    ...(io.context ? { context: io.context } : {}),
  });
}
