// Whether a repository's `npm test` may run its doc pages: a disposable cluster is the current context (or
// ISTIO_DOCTEST_CLUSTER=1 says there is one) and an Istio release is given. Closed, the pages are reported skipped.
import { guardContext, type GuardResult } from '../run/context-guard.js';
import type { RunOptions } from '../app/run-options.js';

/** Why the doc pages cannot run here, or undefined when they can. */
export async function clusterGate(options: RunOptions, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const reasons: string[] = [];
  if (env.ISTIO_DOCTEST_CLUSTER !== '1') {
    const guard = await guardContext({ context: options.context, allow: options.allowContext });
    if (!guard.ok) reasons.push(shortReason(guard, options.context));
  }
  if (!options.istioDir) reasons.push('ISTIO_DIR is not set');
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

// The context guard's refusal in a few words, to fit the one line.
function shortReason(refused: Extract<GuardResult, { ok: false }>, wanted: string | undefined): string {
  switch (refused.refusal) {
    case 'not-disposable':
      return `the current kube context "${refused.context}" does not look like a disposable cluster`;
    case 'not-given-context':
      return `the current kube context "${refused.context}" is not "${wanted}" (globals.doctest.context)`;
    case 'no-kubectl':
      return 'kubectl is not on PATH';
    case 'no-context':
      return 'no current kube context';
  }
}
