// The Jest runner's work: the test files Jest chose are pages; they go through the runner of `istio-doctest run`
// (load, select, plan, preflight, context guard, runPages: one bash session per page, retries, time-outs, cleanup)
// and its events come back to Jest as test-file and test-case results. Wiring only: no step runs any other way.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Config } from '@jest/types';
import type { AssertionResult, Test, TestEvents } from '@jest/test-result';
import { loadPages } from '../page/pages.js';
import type { Page } from '../page/types.js';
import type { RunPlan } from '../plan/plan.js';
import { githubLink, runSummaryMarkdown } from '../report/markdown-summary.js';
import { appendSummary } from '../report/summary-file.js';
import { assertionResult, jestStatus, noStepsResult, stepFailure, stepTitle, testFileResult, type PageNote } from '../report/jest-results.js';
import { guardContext } from '../run/context-guard.js';
import { planOf, usesCluster } from '../run/plan-pages.js';
import { diagnosticLine } from '../report/diagnostic-line.js';
import { blockedReason, preflight } from '../run/preflight.js';
import type { PageResult, RunEvent, RunSummary, StepResult } from '../run/results.js';
import { runPages } from '../run/run-pages.js';
import { selectPages } from '../run/select.js';
import { readJestOptions, type DoctestJestOptions } from './options.js';
import { clusterGate } from './cluster-gate.js';
import { namePattern, trimToPattern } from './name-pattern.js';

const NO_STEPS = 'the page has no shell commands to run';

/** Sends one of Jest's runner events (awaited in order). */
export type Emit = <N extends keyof TestEvents>(name: N, payload: TestEvents[N]) => Promise<void>;

export interface DocTestsContext {
  globalConfig: Config.GlobalConfig;
  /** Jest's watcher: interrupted when a file changes in watch mode. */
  watcher: { isInterrupted(): boolean; isWatchMode(): boolean; on(name: 'change', listener: (state: { interrupted: boolean }) => void): () => void };
  emit: Emit;
  env?: NodeJS.ProcessEnv;
  /** Where the runner's own lines go (why pages were not run). */
  write?: (text: string) => void;
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

// One project's pages: options, pages, the gate, -t, preflight, guard, then the run.
async function runProject(config: Config.ProjectConfig, tests: Test[], context: DocTestsContext): Promise<void> {
  const env = context.env ?? process.env;
  const write = context.write ?? ((text: string) => process.stderr.write(text));
  const read = readJestOptions((config.globals as Record<string, unknown> | undefined)?.doctest, env);
  if (!read.ok) return failAll(tests, `istio-doctest: ${read.message}`, context.emit);
  const options = read.options;
  const loaded = loadPages(tests.map((t) => relative(process.cwd(), t.path) || t.path), options.vars, { reference: options.reference });
  if (loaded.problems.length > 0) return failAll(tests, `istio-doctest: ${loaded.problems.join('\n')}`, context.emit);
  const testOf = new Map(tests.map((t) => [resolve(t.path), t]));
  const order = new Map(tests.map((t, i) => [resolve(t.path), i]));
  const pages = [...loaded.pages].sort((a, b) => (order.get(resolve(a.file)) ?? 0) - (order.get(resolve(b.file)) ?? 0));
  const project = config.displayName?.name ? `project "${config.displayName.name}"` : 'this project';

  const closed = options.skipUnlessCluster ? await clusterGate(options, env) : undefined;
  if (closed) {
    write(`istio-doctest: the ${pages.length} doc page${pages.length === 1 ? '' : 's'} of ${project} were not run (${closed}): to run them, create a disposable cluster (\`kind create cluster\`), set ISTIO_DIR to an Istio release, and run Jest again (ISTIO_DOCTEST_CLUSTER=1 if the cluster's context name is not kind-*, k3d-*, minikube, docker-desktop or rancher-desktop)\n`);
    for (const page of pages) await reportSkipped(testOf.get(resolve(page.file))!, page, planOf(page, options.tabs, options.reference), `not run: ${closed}`, context.emit);
    return;
  }

  const selected = selectPages(pages, { all: options.all });
  const skippedReasons = new Map(selected.skipped.map((s) => [s.file, s.reason.replace('use --all', 'globals.doctest.all: true')]));
  const pattern = namePattern(context.globalConfig.testNamePattern);
  const plans: { plan: RunPlan; selected: Set<number> }[] = [];
  for (const page of pages) {
    const plan = planOf(page, options.tabs, options.reference);
    const reason = skippedReasons.get(page.file) ?? (plan.steps.length === 0 ? NO_STEPS : undefined);
    const trimmed = reason === undefined ? trimToPattern(plan, titleOf(page), pattern) : undefined;
    if (reason !== undefined || !trimmed) {
      await reportSkipped(testOf.get(resolve(page.file))!, page, plan, reason ?? `no step matches -t ${context.globalConfig.testNamePattern}`, context.emit);
    } else plans.push(trimmed);
  }
  if (skippedReasons.size > 0) write(`${skippedLine([...skippedReasons.values()], project)}\n`);
  if (plans.length === 0) return;

  const checked = preflight(plans.map((p) => p.plan), { istioDir: options.istioDir });
  if (checked.ready.length === 0) {
    const problems = [...new Set(checked.blocked.flatMap((b) => b.problems.map(diagnosticLine)))];
    return failAll(plans.map((p) => testOf.get(resolve(p.plan.page.file))!), `istio-doctest: preflight failed, nothing was run:\n${problems.map((p) => `  ${p}`).join('\n')}`, context.emit);
  }
  // A page that cannot run is skipped with the reason; the others run.
  for (const { plan, problems } of checked.blocked) await reportSkipped(testOf.get(resolve(plan.page.file))!, plan.page, plan, blockedReason(problems), context.emit);
  const ready = new Set(checked.ready);
  plans.splice(0, plans.length, ...plans.filter((p) => ready.has(p.plan)));
  const toRun = plans.map((p) => p.plan);
  const testsToRun = toRun.map((p) => testOf.get(resolve(p.page.file))!);
  if (toRun.some(usesCluster)) {
    const guard = await guardContext({ context: options.context, allow: options.allowContext });
    if (!guard.ok) return failAll(testsToRun, `istio-doctest: context guard: ${guard.message}`, context.emit);
  }
  const summary = await runPlans(plans, options, testOf, context);
  if (options.summary) {
    const problem = appendSummary(options.summary, runSummaryMarkdown(summary, githubLink(env)));
    if (problem) write(`istio-doctest: ${problem.replace('--summary', 'globals.doctest.summary')}\n`);
  }
}

// Runs the plans through runPages and turns its events into Jest's, in order.
async function runPlans(plans: { plan: RunPlan; selected: Set<number> }[], options: DoctestJestOptions, testOf: Map<string, Test>, context: DocTestsContext): Promise<RunSummary> {
  const stop = new AbortController();
  const unsubscribe = context.watcher.on('change', (state) => state.interrupted && stop.abort());
  const selectedOf = new Map(plans.map((p) => [p.plan.page.file, p.selected]));
  const titles = new Map(plans.map((p) => [p.plan.page.file, titleOf(p.plan.page)]));
  const lines = fileLines();
  const started = new Map<string, number>();
  // Jest's --bail ends the process once its count of failed tests is reached: stop before the next page starts.
  const bail = context.globalConfig.bail;
  let failedTests = 0;
  let chain = Promise.resolve();
  const queue = (send: () => Promise<void>) => (chain = chain.then(send));
  const listener = (event: RunEvent) => {
    if (event.type === 'page-start') {
      started.set(event.file, Date.now());
      const test = testOf.get(resolve(event.file))!;
      queue(() => context.emit('test-file-start', [test]));
    } else if (event.type === 'step') {
      const result = toAssertion(event.result, titles.get(event.page)!, selectedOf.get(event.page)!, lines);
      queue(() => context.emit('test-case-result', [resolve(event.page), result]));
    } else if (event.type === 'page') {
      const test = testOf.get(resolve(event.result.file))!;
      const start = started.get(event.result.file);
      if (start === undefined) queue(() => context.emit('test-file-start', [test]));
      const page = event.result;
      failedTests += page.steps.filter((r) => jestStatus(r) === 'failed').length + (page.steps.length === 0 && page.status === 'failed' ? 1 : 0);
      if (bail > 0 && failedTests >= bail) stop.abort();
      queue(() => (page.steps.length === 0 && page.status === 'failed' ? fail(test, `istio-doctest: ${page.message}`, context.emit) : context.emit('test-file-success', [test, pageResult(test, page, titles.get(page.file)!, selectedOf.get(page.file)!, lines, start ?? Date.now())])));
    }
  };
  try {
    return await runPages(
      plans.map((p) => p.plan),
      [],
      {
        istioDir: options.istioDir,
        stepTimeoutMs: options.stepTimeoutMs,
        retryTimeoutMs: options.retryTimeoutMs,
        keepGoing: options.keepGoing,
        wait: options.wait,
        emit: listener,
        stop: stop.signal,
        // Ctrl-C or a kill stops the page and runs its cleanup (in watch mode Jest reads Ctrl-C as a key, not a signal).
        signals: ['SIGINT', 'SIGTERM'],
      },
    );
  } finally {
    unsubscribe();
    await chain;
  }
}

// A step as a Jest test: steps left out by -t are skipped unless they failed (a failed prerequisite is shown).
function toAssertion(r: StepResult, title: string, selected: Set<number>, lines: (file: string) => string[]): AssertionResult {
  let status = jestStatus(r);
  if (!selected.has(r.step.index) && status !== 'failed') status = 'pending';
  const failure = status === 'failed' ? stepFailure(r, lines(r.step.file), resolve(r.step.file)) : undefined;
  return assertionResult(title, r.step, status, r.status === 'skipped' ? null : r.durationMs, failure);
}

// The page's Jest result, with the reasons of skipped steps and cleanup warnings as notes.
function pageResult(test: Test, page: PageResult, title: string, selected: Set<number>, lines: (file: string) => string[], start: number) {
  const tests = page.steps.map((r) => toAssertion(r, title, selected, lines));
  const notes: PageNote[] = [];
  const reasons = new Map<string, number[]>();
  for (const r of page.steps) {
    if (r.status === 'skipped' && selected.has(r.step.index)) reasons.set(r.message, [...(reasons.get(r.message) ?? []), r.step.line]);
    if (r.warning) notes.push({ type: 'warn', message: `cleanup step ${stepTitle(r.step)} ${r.status}: ${r.message}`, origin: `${r.step.file}:${r.step.line}` });
  }
  for (const [reason, at] of reasons) notes.push({ type: 'info', message: `skipped ${at.length} step${at.length === 1 ? '' : 's'} (line ${at.join(', ')}): ${reason}`, origin: page.file });
  return testFileResult(test.path, tests, { start, end: Date.now() }, notes, false);
}

// A page that does not run: every step a skipped test, the reason as a note.
async function reportSkipped(test: Test, page: Page, plan: RunPlan, reason: string, emit: Emit): Promise<void> {
  const title = titleOf(page);
  const now = Date.now();
  await emit('test-file-start', [test]);
  const tests = plan.steps.length > 0 ? plan.steps.map((step) => assertionResult(title, step, 'pending', null)) : [noStepsResult(title, NO_STEPS)];
  await emit('test-file-success', [test, testFileResult(test.path, tests, { start: now, end: now }, [{ type: 'info', message: `skipped: ${reason}`, origin: page.file }], true)]);
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
      try {
        lines = readFileSync(file, 'utf8').split('\n');
      } catch {
        lines = [];
      }
      cache.set(file, lines);
    }
    return lines;
  };
}

// `istio-doctest: 3 doc pages of project "docs" skipped: front matter test: no (2), ... ` — one line for all of them.
function skippedLine(reasons: string[], project: string): string {
  const counts = new Map<string, number>();
  for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => `${reason} (${n})`);
  return `istio-doctest: ${reasons.length} doc page${reasons.length === 1 ? '' : 's'} of ${project} skipped: ${parts.join('; ')}`;
}
