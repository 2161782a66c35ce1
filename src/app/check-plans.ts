// The preflight of a run, for both faces: programs, Istio files, helper files, setup programs; which plans are left
// out with their reason, and whether the run stops before anything runs.
import type { Diagnostic } from '../page/types.js';
import type { RunPlan } from '../plan/plan.js';
import { diagnosticLine } from '../report/diagnostic-line.js';
import { blockedReason, preflight } from '../run/preflight.js';
import { splitHelperProblems } from './choose-plans.js';
import type { RunOptions } from './run-options.js';
import type { Wording } from './wording.js';

/** The preflight's verdict on a run's plans. */
export interface PlansChecked {
  /** The plans that can run, in order. */
  ready: RunPlan[];
  /** The plans that cannot, each with its one-line reason; `said`: a run-level line (a missing program's) says it
   * already, so a face that prints one line per run need not print this one. */
  leftOut: { plan: RunPlan; reason: string; said?: true }[];
  /** Every problem of the plans left out, each once (a boilerplate's problem shows once, however many pages include it). */
  problems: (Diagnostic | string)[];
  /** Problems of the helper files every script sources: they stop the run. */
  shared: string[];
  /** A program a setup group needs is missing: one line each (those groups' pages are skipped). */
  setupProblems: string[];
  /** A program pages call is missing: one line each per run, for a run that goes on without those pages. */
  programLines: string[];
}

// Checks the plans: those that cannot run are left out with the reason; a helper file a single script sources leaves
// out that script, one every script sources is a shared problem.
export function checkPlans(plans: RunPlan[], options: RunOptions, wording: Wording): PlansChecked {
  const checked = preflight(plans, { istioDir: options.istioDir, setup: options.setup.mode, give: { istioDir: wording.setting('istioDir', 'DIR'), repoRoot: wording.setting('repoRoot', 'DIR') } });
  // A page left out only for programs that are missing is said by those programs' lines, once per run.
  const leftOut = checked.blocked.map(({ plan, problems }) => ({ plan, reason: blockedReason(problems), ...(problems.every((d) => d.ruleId === 'program-missing') ? { said: true as const } : {}) }));
  const problems: (Diagnostic | string)[] = [...new Map(checked.blocked.flatMap((b) => b.problems).map((d) => [diagnosticLine(d), d])).values()];
  const { shared, own } = splitHelperProblems(plans, wording);
  const ready = [...checked.ready];
  for (const [plan, missing] of own) {
    problems.push(...missing);
    const at = ready.indexOf(plan);
    if (at < 0) continue;
    ready.splice(at, 1);
    leftOut.push({ plan, reason: `preflight: ${missing[0]}${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}` });
  }
  return { ready, leftOut, problems, shared, setupProblems: checked.setupProblems, programLines: checked.programLines };
}

/** A problem as the one line a face prints. */
export function problemText(problem: Diagnostic | string): string {
  return typeof problem === 'string' ? problem : diagnosticLine(problem);
}
