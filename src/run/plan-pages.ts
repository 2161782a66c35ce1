// Whether a plan talks to the cluster, shared by the run's last stages, the runner and the preflight. (A page's plan
// itself is made by the application's workspace, src/app/workspace.ts, for every command.)
import type { RunPlan } from '../plan/plan.js';

/** Whether a page talks to a cluster through the kubeconfig, which is what the context guard protects. A page that
 * sources istio.io helper files (doctest.yaml `page.source`: `startup_curl_sample`...) is taken to, as they are. */
export function usesCluster(plan: RunPlan): boolean {
  return plan.programs.some((program) => ['kubectl', 'istioctl', 'helm', 'kind'].includes(program)) || (plan.sourceUses ?? []).length > 0;
}
