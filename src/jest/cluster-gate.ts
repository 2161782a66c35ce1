// Whether a repository's `npm test` may run its doc pages: a disposable cluster is the current context (or
// ISTIO_DOCTEST_CLUSTER=1 says there is one) and an Istio release is given. Closed, the pages are reported skipped.
import { guardContext } from '../run/context-guard.js';
import type { RunOptions } from '../app/run-options.js';

/** Why the doc pages cannot run here, or undefined when they can. */
export async function clusterGate(options: RunOptions, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const reasons: string[] = [];
  if (env.ISTIO_DOCTEST_CLUSTER !== '1') {
    const guard = await guardContext({ context: options.context, allow: options.allowContext });
    if (!guard.ok) reasons.push(shortReason(guard.message));
  }
  if (!options.istioDir) reasons.push('ISTIO_DIR is not set');
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}

// The context guard's explanation cut to its first clause, to fit the one line.
function shortReason(message: string): string {
  const refused = /^refusing to run on kube context "([^"]*)"/.exec(message);
  if (refused) return `the current kube context "${refused[1]}" does not look like a disposable cluster`;
  if (message.startsWith('kubectl is not on PATH')) return 'kubectl is not on PATH';
  if (message.startsWith('cannot read the current kube context')) return 'no current kube context';
  return message.split(/[:;]/)[0];
}
