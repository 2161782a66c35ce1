// Which plans the Jest runner runs for its pages, chosen as `istio-doctest run` chooses them: `test:` flags, istio.io
// test scripts (`--scripts auto|only|off`), folder tests (a `*test.sh` test file with no index.md beside it), setup
// configs one cluster cannot give, `--setup only=CONFIG`.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { choosePlans, folderTestPlan } from '../cli/run-scripts.js';
import type { ScriptPlan } from '../istio/script-plan.js';
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

/** A test file of `*test.sh` the Jest runner does not run as a folder test, and why. */
export interface ScriptNotRun {
  file: string;
  reason: string;
}

/** Whether a Jest test file is an istio.io test script (a folder test) rather than a page. */
export function isScriptFile(file: string): boolean {
  return file.endsWith('test.sh');
}

/**
 * The plans to run in page order (a page with several scripts has one plan each), then the folder tests among
 * `scripts` (test files Jest chose that are `*test.sh` with no index.md beside them: their page is a placeholder named
 * by the script); the plans and scripts left out, and the warnings.
 */
export function choosePageRuns(loaded: LoadedPages, pages: Page[], options: DoctestJestOptions, scripts: string[] = []): { plans: RunPlan[]; skipped: NotChosen[]; scriptsNotRun: ScriptNotRun[]; warnings: string[] } {
  const selected = selectPages(pages, { all: options.all || options.scripts === 'only' });
  const chosen = choosePlans(
    { ...loaded, pages },
    { run: selected.run, skipped: selected.skipped },
    { mode: options.scripts, reference: options.reference, repoRoot: options.repoRoot, varsFile: options.vars, paths: [], uncoveredPages: options.uncoveredPages },
    (page) => planOf(page, options.tabs, options.reference, options.repoRoot, loaded.referenceOf),
  );
  const plans: RunPlan[] = [];
  const skipped: NotChosen[] = chosen.skipped.map((s) => ({ ...s, reason: inJestTerms(s.reason) }));
  const scriptsNotRun: ScriptNotRun[] = [];
  const folderPlans: ScriptPlan[] = [];
  for (const script of scripts) {
    if (existsSync(join(dirname(script), 'index.md'))) scriptsNotRun.push({ file: script, reason: 'runs as the test of the index.md beside it' });
    else if (options.scripts === 'off') scriptsNotRun.push({ file: script, reason: 'a folder test, and scripts is off' });
    else folderPlans.push(folderTestPlan(script, { reference: options.reference, repoRoot: options.repoRoot, varsFile: options.vars }));
  }
  for (const plan of folderPlans) chosen.warnings.push(...plan.warnings);
  for (const plan of [...chosen.plans, ...folderPlans]) {
    const setup = setupOfPlan(plan);
    const action = setupAction(setup);
    if (options.setupOnly !== undefined && setup !== options.setupOnly) skipped.push({ file: plan.page.file, reason: `setup ${setup}, not ${options.setupOnly} (setup only=${options.setupOnly})`, plan });
    // A script that cannot be split has no setup: the preflight reports why (its error), as under run.
    else if (action.kind === 'skip' && plan.errors.length === 0) skipped.push({ file: plan.page.file, reason: action.reason, plan });
    else plans.push(plan);
  }
  return { plans, skipped, scriptsNotRun, warnings: chosen.warnings };
}

// A reason `run` words with its flags, worded with the Jest runner's options.
function inJestTerms(reason: string): string {
  return reason.replace('use --all', 'globals.doctest.all: true').replace('(--scripts only)', '(scripts: only)').replace('--uncovered-pages', 'globals.doctest.uncoveredPages: true');
}
