// Facts of a plan the runner and the preflight share.
import type { RunPlan } from '../plan/plan.js';

/** Whether a page talks to a cluster through the kubeconfig, which is what the context guard protects. A page that
 * sources istio.io helper files (doctest.yaml `page.source`: `startup_curl_sample`...) is taken to, as they are. */
export function usesCluster(plan: RunPlan): boolean {
  return plan.programs.some((program) => ['kubectl', 'istioctl', 'helm', 'kind'].includes(program)) || (plan.sourceUses ?? []).length > 0;
}
