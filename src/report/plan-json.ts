// `run --dry-run --json FILE`: one JSON line per planned step, for page plans and script plans alike; fields that do
// not apply are left out.
import { setupOfPlan } from '../istio/setup-groups.js';
import type { NestedCall, RunPlan } from '../plan/plan.js';

interface PlanLine {
  type: 'plan';
  /** The page the plan runs (a folder test's placeholder `…/test.sh`) and its language: a step of one English script
   * planned for en, uk and zh is three lines that say which. */
  page: string;
  lang: string;
  file: string;
  line: number;
  id: string;
  script?: string;
  scriptLine?: number;
  verify: string;
  arg?: string;
  cleanup?: true;
  /** Why the step would not run (`snip_id=none`, `skip:` in doctest.yaml). */
  skip?: string;
  missing?: string;
  setup?: string;
  /** A step doctest.yaml adds (`page.source`, `page.before`, `page.cleanup`), at its doctest.yaml line. */
  hidden?: true;
  /** A `_verify_*` or `_wait_for_*` call inside a compound statement: the statement's script line, and the conditions
   * the call sits under (outermost first). */
  nestedIn?: number;
  conditions?: string[];
}

// The JSON lines of every plan's steps.
export function planJsonLines(plans: RunPlan[]): string {
  const lines: string[] = [];
  for (const plan of plans) {
    // Every plan runs in a setup group (a page plan in profile=none), which a CI matrix over setups needs to see.
    const setup = setupOfPlan(plan);
    for (const step of plan.steps) {
      const extra = step as typeof step & { script?: string; scriptLine?: number; missing?: string; expectSource?: string; nested?: NestedCall[] };
      const line: PlanLine = {
        type: 'plan',
        page: plan.page.file,
        lang: plan.page.lang,
        file: step.file,
        line: step.line,
        id: step.id,
        ...(extra.script !== undefined ? { script: extra.script, scriptLine: extra.scriptLine } : {}),
        verify: step.verify.mode,
        ...(step.verify.arg !== undefined || extra.expectSource !== undefined ? { arg: extra.expectSource ?? step.verify.arg } : {}),
        ...(step.cleanup ? { cleanup: true as const } : {}),
        ...(step.skip !== undefined ? { skip: step.skip } : {}),
        ...(extra.missing ? { missing: extra.missing } : {}),
        ...(setup ? { setup } : {}),
        ...(step.hidden ? { hidden: true as const } : {}),
      };
      lines.push(JSON.stringify(line));
      for (const call of extra.nested ?? []) {
        const nested: PlanLine = {
          type: 'plan',
          page: plan.page.file,
          lang: plan.page.lang,
          file: call.file,
          line: call.line,
          id: call.kind === 'verify' && call.snippet ? call.snippet : call.call,
          script: call.script,
          scriptLine: call.scriptLine,
          verify: call.mode,
          ...(step.cleanup ? { cleanup: true as const } : {}),
          ...(setup ? { setup } : {}),
          nestedIn: extra.scriptLine ?? step.line,
          conditions: call.conditions,
        };
        lines.push(JSON.stringify(nested));
      }
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
