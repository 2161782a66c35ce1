// The Jest runner's work: the test files Jest chose are pages; they go through the runner of `istio-doctest run`
// (load, select, plan, preflight, context guard, runPages: one bash session per page, retries, time-outs, cleanup)
// and its events come back to Jest as test-file and test-case results. Wiring only: no step runs any other way.
import { relative, resolve } from 'node:path';
import type { Config } from '@jest/types';
import type { Test } from '@jest/test-result';
import { checkPlans, problemText } from '../app/check-plans.js';
import { chooseRuns, isScriptFile, uncoveredLine, unsupportedSetups, type NotChosen } from '../app/choose-runs.js';
import { loadPages } from '../app/pages.js';
import { guardRun, runPlans } from '../app/run.js';
import { problemLine, type RunOptions } from '../app/run-options.js';
import { Workspace } from '../app/workspace.js';
import { groupBySetup, setupOfPlan } from '../istio/setup-groups.js';
import type { Page } from '../page/types.js';
import type { PlannedStep, RunPlan } from '../plan/plan.js';
import { githubLink, runSummaryMarkdown } from '../report/markdown-summary.js';
import { appendSummary } from '../report/summary-file.js';
import { openRecord } from '../report/record.js';
import { clusterVersions } from '../run/cluster-versions.js';
import { assertionResult, noStepsResult, testFileResult } from '../report/jest-results.js';
import type { RunEvent, RunSummary } from '../run/results.js';
import { JEST_WORDING, readJestOptions } from './options.js';
import { clusterGate } from './cluster-gate.js';
import { namePattern, trimToPattern } from './name-pattern.js';
import { PageReports, type Emit, type Entry, type NotRun } from './page-reports.js';
import { readRegularFile } from '../page/regular-file.js';

const NO_STEPS = 'the page has no shell commands to run';

export type { Emit };

export interface DocTestsContext {
  globalConfig: Config.GlobalConfig;
  /** Jest's watcher: interrupted when a file changes in watch mode. */
  watcher: { isInterrupted(): boolean; isWatchMode(): boolean; on(name: 'change', listener: (state: { interrupted: boolean }) => void): () => void };
  emit: Emit;
  env?: NodeJS.ProcessEnv;
  /** Where the runner's own lines go (why pages were not run). */
  write?: (text: string) => void;
  /** The CLI (`bin/istio-doctest.js`) test scripts' nested `_verify_*` calls run `match` with. */
  cli?: string;
}

/** Runs the test files Jest handed over, project by project (each project has its own options). */
export async function runDocTests(tests: Test[], context: DocTestsContext): Promise<void> {
  const byProject = new Map<Config.ProjectConfig, Test[]>();
  for (const test of tests) byProject.set(test.context.config, [...(byProject.get(test.context.config) ?? []), test]);
  for (const [config, group] of byProject) {
    if (context.watcher.isInterrupted()) return;
    await runProject(config, group, context);
  }
}

// One project's pages: options, pages, the plans (scripts, setups), the gate, -t, preflight, guard, then the run.
async function runProject(config: Config.ProjectConfig, tests: Test[], context: DocTestsContext): Promise<void> {
  const env = context.env ?? process.env;
  const write = context.write ?? ((text: string) => process.stderr.write(text));
  const read = readJestOptions((config.globals as Record<string, unknown> | undefined)?.doctest, env);
  if (!read.ok) {
    // One line; the first page fails with it (so Jest exits 1), the others are not run.
    write(`istio-doctest: ${read.message}\n`);
    return failFirst(tests, `istio-doctest: ${read.message}`, context.emit);
  }
  const options = read.options;
  // Test files that are `*test.sh` scripts (testMatch chose them) are folder tests; the others are pages.
  const shown = (t: Test) => relative(process.cwd(), t.path) || t.path;
  const loaded = loadPages(tests.filter((t) => !isScriptFile(t.path)).map(shown), options.vars, { reference: options.reference });
  const workspace = new Workspace(loaded, options.vars, options.reference);
  if (loaded.problems.length > 0) return failAll(tests, `istio-doctest: ${loaded.problems.join('\n')}`, context.emit);
  const testOf = new Map(tests.map((t) => [resolve(t.path), t]));
  const order = new Map(tests.map((t, i) => [resolve(t.path), i]));
  const project = config.displayName?.name ? `project "${config.displayName.name}"` : 'this project';
  const byTestOrder = (a: Page, b: Page) => (order.get(resolve(a.file)) ?? 0) - (order.get(resolve(b.file)) ?? 0);
  const choice = chooseRuns(workspace, options, JEST_WORDING, { pages: [...loaded.pages].sort(byTestOrder), paths: [], scriptFiles: tests.filter((t) => isScriptFile(t.path)).map(shown) });
  if (!choice.ok) {
    const message = `istio-doctest: ${problemLine(choice.problem, JEST_WORDING.name(choice.problem.option))}`;
    write(`${message}\n`);
    return failFirst(tests, message, context.emit);
  }
  // A plan whose setup config one cluster cannot give is reported skipped in its test file.
  const unsupported = unsupportedSetups(choice.plans);
  const chosen = { ...choice, plans: choice.plans.filter((plan) => !unsupported.some((u) => u.plan === plan)), skipped: [...choice.skipped, ...unsupported.map(({ plan, reason }): NotChosen => ({ file: plan.page.file, reason, plan }))] };
  // A folder test's page is the placeholder its plan names (whether the plan runs or is left out); it is reported in
  // the script's test file.
  const folderPages = [...new Set([...chosen.plans, ...chosen.skipped.flatMap((s) => (s.plan ? [s.plan] : []))].map((plan) => plan.page))].filter((page) => isScriptFile(page.file));
  const pages = [...loaded.pages, ...folderPages].sort(byTestOrder);
  for (const script of chosen.scriptsNotRun) await reportSkipped(testOf.get(resolve(script.file))!, undefined, [], script.reason, context.emit);
  if (chosen.scriptsNotRun.length > 0) write(`${skippedLine(chosen.scriptsNotRun.map((s) => s.reason), project, 'test script')}\n`);
  const plansOf = (page: Page) => chosen.plans.filter((plan) => plan.page === page);
  const notChosenOf = (page: Page) => chosen.skipped.filter((s) => s.file === page.file);
  const stepsOf = (plans: RunPlan[]) => plans.flatMap((plan) => plan.steps);

  const closed = options.skipUnlessCluster ? await clusterGate(options, env) : undefined;
  if (closed) {
    write(`istio-doctest: the ${pages.length} doc page${pages.length === 1 ? '' : 's'} of ${project} were not run (${closed}): to run them, create a disposable cluster (\`kind create cluster\`), set ISTIO_DIR to an Istio release, and run Jest again (ISTIO_DOCTEST_CLUSTER=1 if the cluster's context name is not kind-*, k3d-*, minikube, docker-desktop or rancher-desktop)\n`);
    for (const page of pages) {
      const plans = plansOf(page);
      await reportSkipped(testOf.get(resolve(page.file))!, page, stepsOf(plans.length > 0 ? plans : [workspace.planOf(page, options.tabs, options.repoRoot)]), `not run: ${closed}`, context.emit);
    }
    return;
  }
  for (const warning of chosen.warnings) write(`istio-doctest: warning: ${warning}\n`);

  const pattern = namePattern(context.globalConfig.testNamePattern);
  const entries = new Map<Page, Entry[]>();
  const notRun = new Map<Page, NotRun[]>();
  const pageSkips: string[] = [];
  for (const page of pages) {
    const skipped = notChosenOf(page);
    const plans = plansOf(page);
    const runnable = plans.filter((plan) => plan.steps.length > 0 || plan.errors.length > 0);
    const trimmed = runnable.map((plan) => trimToPattern(plan, titleOf(page), pattern)).filter((t) => t !== undefined);
    if (trimmed.length > 0) {
      entries.set(page, trimmed);
      notRun.set(page, skipped.filter((s) => s.plan).map((s) => ({ steps: s.plan!.steps, reason: s.reason })));
      continue;
    }
    const reason = skipped.length > 0 ? [...new Set(skipped.map((s) => s.reason))].join('; ') : runnable.length === 0 ? NO_STEPS : `no step matches -t ${context.globalConfig.testNamePattern}`;
    if (skipped.length > 0 && plans.length === 0) pageSkips.push(reason);
    // A page left out whole shows the steps of its page plan, skipped.
    const shown = [...plans, ...skipped.flatMap((s) => (s.plan ? [s.plan] : []))];
    await reportSkipped(testOf.get(resolve(page.file))!, page, stepsOf(shown.length > 0 ? shown : [workspace.planOf(page, options.tabs, options.repoRoot)]), reason, context.emit);
  }
  if (pageSkips.length > 0) write(`${skippedLine(pageSkips, project)}\n`);
  if (entries.size === 0) return;

  const all = [...entries.values()].flat();
  const testsOfPlans = (plans: RunPlan[]) => [...new Set(plans.map((plan) => testOf.get(resolve(plan.page.file))!))];
  // Problems of the helper files every script sources fail every test file, as they stop `run`; a file only one
  // script sources skips that script, as in `run`.
  const checked = checkPlans(all.map((e) => e.plan), options, JEST_WORDING);
  if (checked.shared.length > 0 || checked.ready.length === 0) {
    const problems = [...new Set([...checked.problems.map(problemText), ...checked.shared])];
    return failAll(testsOfPlans(all.map((e) => e.plan)), `istio-doctest: preflight failed, nothing was run:\n${problems.map((p) => `  ${p}`).join('\n')}`, context.emit);
  }
  // A program a setup needs is missing: one line each, as run prints them; those groups' pages are skipped below.
  for (const line of [...checked.setupProblems, ...checked.programLines]) write(`istio-doctest: ${line}\n`);
  const uncovered = uncoveredLine(checked.ready, chosen.uncovered, JEST_WORDING);
  if (uncovered) write(`istio-doctest: ${uncovered}\n`);
  // A plan that cannot run is skipped with the reason; the others run.
  const ready = new Set(checked.ready);
  // Jest prints nothing of a skipped test file's own messages: the reason is one line, as `run` prints it.
  for (const { plan, reason, said } of checked.leftOut) {
    notRun.get(plan.page)!.push({ steps: plan.steps, reason });
    if (!said) write(`istio-doctest: skipped ${plan.page.file}: ${reason}\n`);
  }
  for (const [page, list] of [...entries]) {
    const kept = list.filter((e) => ready.has(e.plan));
    if (kept.length > 0) entries.set(page, kept);
    else {
      entries.delete(page);
      const reasons = notRun.get(page)!;
      await reportSkipped(testOf.get(resolve(page.file))!, page, reasons.flatMap((r) => r.steps), [...new Set(reasons.map((r) => r.reason))].join('; '), context.emit);
    }
  }
  const toRun = [...entries.values()].flat().map((e) => e.plan);
  const guard = await guardRun(toRun, options);
  if (!guard.ok) return failAll(testsOfPlans(toRun), `istio-doctest: context guard: ${guard.message}`, context.emit);
  const reports = new PageReports(context.emit, fileLines());
  // Each page's plans in the order runPages runs them: grouped by setup config.
  const runOrder = groupBySetup([...entries.values()].flat(), (e) => setupOfPlan(e.plan)).flatMap((g) => g.items);
  for (const [page, list] of entries) reports.add(page.file, testOf.get(resolve(page.file))!, titleOf(page), runOrder.filter((e) => list.includes(e)), notRun.get(page) ?? []);
  reports.runOrder(runOrder.map((e) => e.plan.page.file));
  const summary = await runJestPlans(toRun, options, reports, context, guard.context);
  if (options.summary) {
    const problem = appendSummary(options.summary, runSummaryMarkdown(summary, githubLink(env)));
    if (problem) write(`istio-doctest: ${problemLine({ option: 'summary', subject: options.summary, message: problem }, JEST_WORDING.name('summary'))}\n`);
  }
}

// Runs the plans through runPages (grouped by setup config, the cluster brought to each unless setup is keep), its
// events turned into Jest's as they come.
async function runJestPlans(plans: RunPlan[], options: RunOptions, reports: PageReports, context: DocTestsContext, guarded: string | undefined): Promise<RunSummary> {
  const stop = new AbortController();
  const unsubscribe = context.watcher.on('change', (state) => state.interrupted && stop.abort());
  // Jest's --bail ends the process once its count of failed tests is reached: stop before the next page starts.
  const bail = context.globalConfig.bail;
  const listener = (event: RunEvent) => {
    try {
      recorder?.on(event);
    } catch (error) {
      // A record that fails (a full disk) is said once and dropped; the run goes on.
      process.stderr.write(`istio-doctest: globals.doctest.record: cannot write it (${(error as Error).message}); the run goes on without it\n`);
      recorder = undefined;
    }
    reports.listener(event);
    if (event.type === 'page' && bail > 0 && reports.failedTests >= bail) stop.abort();
  };
  // The run record (globals.doctest.record), opened as `run --record` opens it; one that cannot be written is said once.
  const record = options.record ? openRecord(options.record, await clusterVersions(options.istioDir, options.context), (file) => setupOfPlan(plans.find((plan) => plan.page.file === file) ?? plans[0])) : undefined;
  if (typeof record === 'string') process.stderr.write(`istio-doctest: globals.doctest.record: ${record}\n`);
  let recorder = typeof record === 'string' ? undefined : record;
  let summary: RunSummary | undefined;
  try {
    summary = await runPlans(plans, [], options, {
      emit: listener,
      stop: stop.signal,
      // Ctrl-C or a kill stops the page and runs its cleanup (in watch mode Jest reads Ctrl-C as a key, not a signal).
      signals: ['SIGINT', 'SIGTERM'],
      cli: context.cli,
      ...(guarded ? { context: guarded } : {}),
    });
    return summary;
  } finally {
    unsubscribe();
    recorder?.close();
    await reports.finish(summary?.skipped ?? []);
  }
}

// A page that does not run: every step a skipped test, the reason as a note.
async function reportSkipped(test: Test, page: Page | undefined, steps: PlannedStep[], reason: string, emit: Emit): Promise<void> {
  const title = page ? titleOf(page) : relative(process.cwd(), test.path) || test.path;
  const now = Date.now();
  await emit('test-file-start', [test]);
  const tests = steps.length > 0 ? steps.map((step) => assertionResult(title, step, 'pending', null)) : [noStepsResult(title, reason)];
  await emit('test-file-success', [test, testFileResult(test.path, tests, { start: now, end: now }, [{ type: 'info', message: `skipped: ${reason}`, origin: page?.file ?? test.path }], true)]);
}

// The first test file fails with the message (Jest then exits 1), the others are reported skipped: nothing ran.
async function failFirst(tests: Test[], message: string, emit: Emit): Promise<void> {
  const [first, ...others] = tests;
  if (!first) return;
  await emit('test-file-start', [first]);
  await fail(first, message, emit);
  const now = Date.now();
  for (const test of others) {
    await emit('test-file-start', [test]);
    await emit('test-file-success', [test, testFileResult(test.path, [noStepsResult(relative(process.cwd(), test.path), 'not run: bad options')], { start: now, end: now }, [], true)]);
  }
}

// Every test file fails with the same message (bad options, preflight, context guard): nothing ran.
async function failAll(tests: Test[], message: string, emit: Emit): Promise<void> {
  for (const test of tests) {
    await emit('test-file-start', [test]);
    await fail(test, message, emit);
  }
}

// One test file fails to run, with the message as Jest's "Test suite failed to run".
function fail(test: Test, message: string, emit: Emit): Promise<void> {
  return emit('test-file-failure', [test, { message, stack: '' }]);
}

// The page's title for Jest's describe level: its front matter title, else its file.
function titleOf(page: Page): string {
  return page.frontMatter.title ?? page.file;
}

// The lines of the files steps are written in (pages and boilerplates), read once.
function fileLines(): (file: string) => string[] {
  const cache = new Map<string, string[]>();
  return (file) => {
    let lines = cache.get(file);
    if (!lines) {
      const read = readRegularFile(file);
      lines = read.ok ? read.text.split('\n') : ([] as string[]);
      cache.set(file, lines);
    }
    return lines;
  };
}

// `istio-doctest: 3 doc pages of project "docs" skipped: front matter test: no (2), ... ` — one line for all of them.
function skippedLine(reasons: string[], project: string, what = 'doc page'): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => `${reason} (${n})`);
  return `istio-doctest: ${reasons.length} ${what}${reasons.length === 1 ? '' : 's'} of ${project} skipped: ${parts.join('; ')}`;
}
