// Running the selected pages one after another on one cluster, with SIGINT/SIGTERM turned into "stop, clean up, exit 130".
import type { RunPlan } from '../plan/plan.js';
import type { Listener, PageResult, RunSummary, SkippedPage } from './results.js';
import { runPage, type PageOptions } from './run-page.js';
import { isScriptPlan, runScript } from './run-script.js';
import { groupBySetup, setupAction, setupOfPlan } from '../istio/setup-groups.js';
import { usesCluster } from './plan-pages.js';
import { bringUp, tearDown } from './setup-istio.js';
import { sweepStaleRuns } from '../shell/sweep.js';
import { guardContext } from './context-guard.js';
import type { SnapshotCarry } from './snapshot.js';

export type RunPagesOptions = Omit<PageOptions, 'signal' | 'force' | 'emit' | 'snapshots'> & {
  // `snapshot` (of PageOptions): cluster snapshots around each test (`--no-snapshot` turns them off).
  emit: Listener;
  /** Signals that interrupt the run (SIGINT, SIGTERM); none in library use. */
  signals?: NodeJS.Signals[];
  /** Aborted by the caller (Jest's watch mode): the same as a first signal — stop, clean up. */
  stop?: AbortSignal;
  /** For istio.io test scripts: the CLI their nested `_verify_*` calls use (`bin/istio-doctest.js`). */
  cli?: string;
  /** `manage`: install each group's setup config before it and uninstall after; `keep` (the default in library use):
   * trust the cluster as it is. */
  setup?: 'manage' | 'keep';
};

// Runs the plans grouped by setup config (istio.io's `# @setup`), each group on the cluster brought to its config
// (unless `setup: keep`), and sums up; the first signal stops the page after its cleanup, the second abandons the cleanup.
export async function runPages(plans: RunPlan[], skipped: SkippedPage[], options: RunPagesOptions): Promise<RunSummary> {
  const started = performance.now();
  // What a runner killed outright (SIGKILL, an OOM kill) left behind goes first: its pages' processes and folders.
  await sweepStaleRuns();
  const stop = new AbortController();
  const force = new AbortController();
  const onSignal = () => (stop.signal.aborted ? force.abort() : stop.abort());
  const signals = options.signals ?? [];
  for (const name of signals) process.on(name, onSignal);
  const onStop = () => stop.abort();
  if (options.stop?.aborted) stop.abort();
  options.stop?.addEventListener('abort', onStop);
  const pages: PageResult[] = [];
  const notRun: SkippedPage[] = [];
  // Configs one cluster cannot give (multicluster, dualstack) are skipped with the reason, before anything runs.
  const groups = groupBySetup(plans, setupOfPlan);
  const unrunnable = groups.flatMap((g) => {
    const action = setupAction(g.setup);
    return action.kind === 'skip' ? g.items.map((plan) => ({ file: plan.page.file, reason: action.reason })) : [];
  });
  const runnable = groups.filter((g) => setupAction(g.setup).kind !== 'skip');
  try {
    options.emit({ type: 'run-start', pages: runnable.flatMap((g) => g.items.map((p) => p.page.file)), skipped: [...skipped, ...unrunnable] });
    const setupOptions = { istioDir: options.istioDir, emit: options.emit, stop: stop.signal, force: force.signal, stepTimeoutMs: options.stepTimeoutMs, context: options.context };
    for (const [g, group] of runnable.entries()) {
      if (stop.signal.aborted) {
        notRun.push(...group.items.map((plan) => ({ file: plan.page.file, reason: 'not run: interrupted' })));
        continue;
      }
      // A page-plan group that never touches the cluster needs no Istio check.
      const install = setupAction(group.setup).kind === 'install';
      const manage = options.setup === 'manage' && (install || group.items.some(usesCluster));
      // A later group that uses the cluster asks the guard again (the run's first group was checked as the run began):
      // the current context must still be the guarded one, whatever the pages before did to it.
      const refused = options.context && g > 0 && (manage || group.items.some(usesCluster)) ? await guardContext({ context: options.context }) : undefined;
      if (refused && !refused.ok) {
        // Reported as a failed pseudo-page of its own (as a setup is), so every reporter shows the refusal.
        const name = `guard:${group.setup}`;
        const message = `the context guard, asked again before setup ${group.setup}: ${refused.message}`;
        options.emit({ type: 'page-start', file: name, lang: '', steps: 0, token: '' });
        const result: PageResult = { file: name, lang: '', status: 'failed', steps: [], durationMs: 0, message };
        options.emit({ type: 'page', result });
        pages.push(result);
        notRun.push(...group.items.map((plan) => ({ file: plan.page.file, reason: `not run: ${message}` })));
        continue;
      }
      const up = manage ? await bringUp(group.setup, setupOptions) : undefined;
      if (up) pages.push(up);
      if (up && up.status !== 'passed') {
        const reason = up.status === 'interrupted' ? 'not run: interrupted' : `not run: setup ${group.setup} failed (${up.message})`;
        notRun.push(...group.items.map((plan) => ({ file: plan.page.file, reason })));
      } else {
        // Within the group its pages run back to back: each page's snapshot after is the next one's before.
        const snapshots: SnapshotCarry = {};
        for (const plan of group.items) {
          if (stop.signal.aborted) {
            notRun.push({ file: plan.page.file, reason: 'not run: interrupted' });
            continue;
          }
          const pageOptions = { ...options, signal: stop.signal, force: force.signal, snapshots };
          pages.push(await (isScriptPlan(plan) ? runScript(plan, { ...pageOptions, cli: options.cli }) : runPage(plan, pageOptions)));
        }
      }
      // Teardown runs after a failure or a first signal too: the next group, or the next run, starts without Istio.
      const down = manage && install ? await tearDown(group.setup, setupOptions) : undefined;
      if (down) pages.push(down);
    }
  } finally {
    for (const name of signals) process.off(name, onSignal);
    options.stop?.removeEventListener('abort', onStop);
  }
  const interrupted = stop.signal.aborted;
  const failed = pages.some((p) => p.status === 'failed');
  const summary: RunSummary = {
    pages,
    skipped: [...skipped, ...unrunnable, ...notRun],
    durationMs: performance.now() - started,
    exitCode: interrupted ? 130 : failed ? 1 : 0,
    interrupted,
  };
  options.emit({ type: 'run-end', summary });
  return summary;
}
