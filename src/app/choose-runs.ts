// What a run runs, chosen once for both faces: pages by their `test:` flag and language, istio.io test scripts or
// page plans (`scripts`), folder tests, the setup config asked for (`setup: only=CONFIG`) and the shard.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setupAction, setupOfPlan, UNSUPPORTED_SETUPS } from '../istio/setup-groups.js';
import type { Page } from '../page/types.js';
import type { RunPlan } from '../plan/plan.js';
import { selectPages, shardOf, stepsToRun } from '../run/select.js';
import { choosePlans, folderTestPlan } from './choose-plans.js';
import type { OptionProblem, RunOptions } from './run-options.js';
import { languageProblem } from './languages.js';
import { tabProblem } from './tabs.js';
import type { Wording } from './wording.js';
import type { Workspace } from './workspace.js';

/** A page, or one plan of it, that does not run, and why. */
export interface NotChosen {
  file: string;
  reason: string;
  /** The plan left out, when the page had one (its steps are reported skipped). */
  plan?: RunPlan;
}

/** A test file of `*test.sh` the Jest runner was given that does not run as a folder test, and why. */
export interface ScriptNotRun {
  file: string;
  reason: string;
}

/** What runs and what does not, or the option whose value cannot be used with these pages. */
export type RunChoice =
  | { ok: true; plans: RunPlan[]; skipped: NotChosen[]; scriptsNotRun: ScriptNotRun[]; warnings: string[]; uncovered: Set<RunPlan> }
  | { ok: false; problem: OptionProblem };

/** The pages and paths a run was given: the pages in the order they run, the PATH arguments (searched for folder
 * tests), and test scripts given as files (a Jest test file that is a `*test.sh`). */
export interface RunInput {
  pages: Page[];
  paths: string[];
  scriptFiles?: string[];
}

/** Whether a file is an istio.io test script (a folder test when no index.md is beside it) rather than a page. */
export function isScriptFile(file: string): boolean {
  return file.endsWith('test.sh');
}

// Chooses the plans of a run, in page order, then the folder tests; the setup filter and the shard last.
export function chooseRuns(workspace: Workspace, options: RunOptions, wording: Wording, input: RunInput): RunChoice {
  const badLang = languageProblem(options.langs, input.pages, input.scriptFiles);
  if (badLang) return { ok: false, problem: { option: 'langs', ...badLang } };
  const selected = selectPages(input.pages, { all: options.all || options.scripts === 'only', langs: options.langs, allSetting: wording.setting('all', true) });
  const badTab = tabProblem(options.tabs, selected.run);
  if (badTab) return { ok: false, problem: { option: 'tabs', ...badTab } };
  const scriptOptions = { reference: options.reference, repoRoot: options.repoRoot, varsFile: options.vars, langs: options.langs, wording };
  const chosen = choosePlans(workspace, input.pages, selected, { ...scriptOptions, mode: options.scripts, paths: input.paths, uncoveredPages: options.uncoveredPages }, (page) => workspace.planOf(page, options.tabs, options.repoRoot, true));
  const scriptsNotRun: ScriptNotRun[] = [];
  const plans = [...chosen.plans];
  for (const script of input.scriptFiles ?? []) {
    if (existsSync(join(dirname(script), 'index.md'))) scriptsNotRun.push({ file: script, reason: 'runs as the test of the index.md beside it' });
    else if (options.scripts === 'off') scriptsNotRun.push({ file: script, reason: `a folder test, and ${wording.setting('scripts', 'off')}` });
    else {
      const plan = folderTestPlan(workspace, script, scriptOptions);
      chosen.warnings.push(...plan.warnings);
      plans.push(plan);
    }
  }
  const skipped: NotChosen[] = [...chosen.skipped];
  const only = options.setup.only;
  if (only !== undefined) {
    const unknown = unknownSetup(only, plans.map(setupOfPlan));
    if (unknown) return { ok: false, problem: { option: 'setup', subject: `only=${only}`, message: unknown } };
  }
  const bySetup = only === undefined ? plans : plans.filter((plan) => setupOfPlan(plan) === only);
  for (const plan of plans) if (!bySetup.includes(plan)) skipped.push({ file: plan.page.file, reason: `setup ${setupOfPlan(plan)}, not ${only} (${wording.setting('setup', `only=${only}`)})`, plan });
  const sharded = options.shard ? shardOf(bySetup.map((plan) => ({ file: planKey(plan), plan })), options.shard, (e) => stepsToRun(e.plan)).map((e) => e.plan) : bySetup;
  return { ok: true, plans: sharded, skipped, scriptsNotRun, warnings: chosen.warnings, uncovered: chosen.uncovered };
}

/** The plans whose setup config one cluster cannot give (multicluster, dualstack, unknown), with the reason; a script
 * that cannot be split has no setup, and the preflight says why (its error). */
export function unsupportedSetups(plans: RunPlan[]): { plan: RunPlan; reason: string }[] {
  return plans.flatMap((plan) => {
    const action = setupAction(setupOfPlan(plan));
    return action.kind === 'skip' && plan.errors.length === 0 ? [{ plan, reason: action.reason }] : [];
  });
}

// `setup: only=CONFIG` naming a config no page has and none istio-doctest knows is a typo (`profile=defualt`), which
// would otherwise run nothing and pass; a known config without pages is an empty group, as in a CI matrix over setups.
function unknownSetup(setup: string, configs: string[]): string | undefined {
  const known = setup === 'profile=none' || setupAction(setup).kind === 'install' || setup in UNSUPPORTED_SETUPS;
  if (known || configs.includes(setup)) return undefined;
  const present = [...new Set(configs)].sort((a, b) => (a === 'profile=none' ? -1 : b === 'profile=none' ? 1 : 0));
  return `no page here has that setup config, and it is none istio-doctest knows (the pages' configs: ${present.join(', ') || 'none'})`;
}

// The key a plan is sharded by: its page, and its script when it has one (a page may have several).
function planKey(plan: RunPlan): string {
  return plan.kind === 'script' ? `${plan.page.file} ${plan.script.file}` : plan.page.file;
}

/** The one line saying how many pages no istio.io script covers run their own page plan (asked for with
 * uncoveredPages), which istio.io's framework does not run; undefined when none of the ready plans is such a page. */
export function uncoveredLine(ready: RunPlan[], uncovered: Set<RunPlan>, wording: Wording): string | undefined {
  const pages = new Set([...uncovered].map((plan) => plan.page));
  const n = new Set(ready.filter((plan) => pages.has(plan.page)).map((plan) => plan.page)).size;
  if (n === 0) return undefined;
  return `${wording.setting('uncoveredPages', true)}: ${n} page${n === 1 ? '' : 's'} no istio.io test script covers run${n === 1 ? 's' : ''} its own page plan, which istio.io's framework does not run`;
}
