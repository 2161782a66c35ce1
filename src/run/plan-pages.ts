// The run plan of each page with its doctest.yaml, shared by `istio-doctest run` and the Jest runner.
import { findSpecFile, readSpec, type Spec } from '../config/spec.js';
import type { Diagnostic, Page } from '../page/types.js';
import { buildPlan } from '../plan/build-plan.js';
import type { RunPlan } from '../plan/plan.js';

type ReadSpec = { spec?: Spec; diagnostics: Diagnostic[] };

const specs = new Map<string, ReadSpec>();

/** The page's run plan, with its doctest.yaml (beside it or beside the reference page); a bad spec stops the preflight. */
export function planOf(page: Page, tabs: Record<string, string>, reference: string): RunPlan {
  const file = findSpecFile(page.file, reference);
  let spec: ReadSpec | undefined;
  if (file) {
    spec = specs.get(file) ?? readSpec(file);
    specs.set(file, spec);
  }
  return buildPlan(page, { tabs, spec: spec?.spec, specDiagnostics: spec?.diagnostics });
}

/** Whether a page talks to a cluster through the kubeconfig, which is what the context guard protects. */
export function usesCluster(plan: RunPlan): boolean {
  return plan.programs.some((program) => ['kubectl', 'istioctl', 'helm', 'kind'].includes(program));
}
