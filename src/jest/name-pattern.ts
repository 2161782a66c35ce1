// Jest's `-t PATTERN` on a page: the matching steps run, after the steps before them (a page's steps depend on the
// ones before, like tests on their beforeAll), and the cleanup steps after them; the others do not run.
import type { PlannedStep, RunPlan } from '../plan/plan.js';
import { stepTitle } from '../report/jest-results.js';

/** Jest's test-name pattern as it compiles it (case-insensitive), or undefined without `-t`. */
export function namePattern(pattern: string | undefined): RegExp | undefined {
  return pattern ? new RegExp(pattern, 'i') : undefined;
}

/**
 * The plan cut after its last step whose full name (`<title> <step title>`) matches, cleanup steps kept, with the
 * indexes of the matching steps (all steps without a pattern); undefined when no step matches.
 */
export function trimToPattern(plan: RunPlan, title: string, pattern: RegExp | undefined): { plan: RunPlan; selected: Set<number> } | undefined {
  if (!pattern) return { plan, selected: new Set(plan.steps.map((s) => s.index)) };
  const selected = new Set(plan.steps.filter((s) => pattern.test(`${title} ${stepTitle(s)}`)).map((s) => s.index));
  if (selected.size === 0) return undefined;
  const last = Math.max(...selected);
  const kept = <S extends PlannedStep>(steps: S[]) => steps.filter((s) => s.index <= last || s.cleanup);
  return { plan: plan.kind === 'script' ? { ...plan, steps: kept(plan.steps) } : { ...plan, steps: kept(plan.steps) }, selected };
}
