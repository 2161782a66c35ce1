// Running the selected pages one after another on one cluster, with SIGINT/SIGTERM turned into "stop, clean up, exit 130".
import type { RunPlan } from '../plan/plan.js';
import type { Listener, PageResult, RunSummary, SkippedPage } from './results.js';
import { runPage, type PageOptions } from './run-page.js';
import { isScriptPlan, runScript } from './run-script.js';

export type RunPagesOptions = Omit<PageOptions, 'signal' | 'force' | 'emit'> & {
  emit: Listener;
  /** Signals that interrupt the run (SIGINT, SIGTERM); none in library use. */
  signals?: NodeJS.Signals[];
  /** Aborted by the caller (Jest's watch mode): the same as a first signal — stop, clean up. */
  stop?: AbortSignal;
  /** For istio.io test scripts: the CLI their nested `_verify_*` calls use (`bin/istio-doctest.js`). */
  cli?: string;
  /** Cluster snapshots around each test script (`--no-snapshot` turns them off). */
  snapshot?: boolean;
};

// Runs every plan in order and sums up; the first signal stops the page after its cleanup, the second abandons the cleanup.
export async function runPages(plans: RunPlan[], skipped: SkippedPage[], options: RunPagesOptions): Promise<RunSummary> {
  const started = performance.now();
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
  try {
    options.emit({ type: 'run-start', pages: plans.map((p) => p.page.file), skipped });
    for (const plan of plans) {
      if (stop.signal.aborted) {
        notRun.push({ file: plan.page.file, reason: 'not run: interrupted' });
        continue;
      }
      const pageOptions = { ...options, signal: stop.signal, force: force.signal };
      pages.push(await (isScriptPlan(plan) ? runScript(plan, { ...pageOptions, cli: options.cli, snapshot: options.snapshot }) : runPage(plan, pageOptions)));
    }
  } finally {
    for (const name of signals) process.off(name, onSignal);
    options.stop?.removeEventListener('abort', onStop);
  }
  const interrupted = stop.signal.aborted;
  const failed = pages.some((p) => p.status === 'failed');
  const summary: RunSummary = {
    pages,
    skipped: [...skipped, ...notRun],
    durationMs: performance.now() - started,
    exitCode: interrupted ? 130 : failed ? 1 : 0,
    interrupted,
  };
  options.emit({ type: 'run-end', summary });
  return summary;
}
