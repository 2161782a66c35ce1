// Which plans the Jest runner runs for its pages, chosen as `istio-doctest run` chooses them: `test:` flags, istio.io
// test scripts (`--scripts auto|only|off`), setup configs one cluster cannot give, `--setup only=CONFIG`.
import { choosePlans } from '../cli/run-scripts.js';
import { setupAction, setupOfPlan } from '../istio/setup-groups.js';
import type { LoadedPages } from '../page/pages.js';
import type { Page } from '../page/types.js';
import type { RunPlan } from '../plan/plan.js';
import { planOf } from '../run/plan-pages.js';
import { selectPages } from '../run/select.js';
import type { DoctestJestOptions } from './options.js';

/** A page, or one plan of it, that does not run, and why. */
export interface NotChosen {
  file: string;
  reason: string;
  /** The plan left out, when the page had one (its steps are reported skipped). */
  plan?: RunPlan;
}

/** The plans to run in page order (a page with several scripts has one plan each), those left out, and the warnings. */
export function choosePageRuns(loaded: LoadedPages, pages: Page[], options: DoctestJestOptions): { plans: RunPlan[]; skipped: NotChosen[]; warnings: string[] } {
  const selected = selectPages(pages, { all: options.all || options.scripts === 'only' });
  const chosen = choosePlans(
    { ...loaded, pages },
    { run: selected.run, skipped: selected.skipped },
    { mode: options.scripts, reference: options.reference, repoRoot: options.repoRoot, varsFile: options.vars, paths: [] },
    (page) => planOf(page, options.tabs, options.reference, options.repoRoot),
  );
  const plans: RunPlan[] = [];
  const skipped: NotChosen[] = chosen.skipped.map((s) => ({ ...s, reason: inJestTerms(s.reason) }));
  for (const plan of chosen.plans) {
    const setup = setupOfPlan(plan);
    const action = setupAction(setup);
    if (options.setupOnly !== undefined && setup !== options.setupOnly) skipped.push({ file: plan.page.file, reason: `setup ${setup}, not ${options.setupOnly} (setup only=${options.setupOnly})`, plan });
    else if (action.kind === 'skip') skipped.push({ file: plan.page.file, reason: action.reason, plan });
    else plans.push(plan);
  }
  return { plans, skipped, warnings: chosen.warnings };
}

// A reason `run` words with its flags, worded with the Jest runner's options.
function inJestTerms(reason: string): string {
  return reason.replace('use --all', 'globals.doctest.all: true').replace('(--scripts only)', '(scripts: only)');
}
