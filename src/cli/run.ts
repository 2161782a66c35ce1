// `istio-doctest run PATH...`: wiring only — options, pages, plans, preflight, context guard, reporters, the runner.
import { mkdtempSync, rmdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTimeout } from '../config/duration.js';
import { findSpecFile, readSpec, type Spec } from '../config/spec.js';
import type { Diagnostic, Page } from '../page/types.js';
import { ConsoleReporter, wantsColor } from '../report/console.js';
import { dryRunText } from '../report/dry-run.js';
import { diagnosticLine, githubAnnotation } from '../report/diagnostic-line.js';
import { stepAnnotation } from '../report/github.js';
import { JsonEventsFile } from '../report/json-events.js';
import { junitXml } from '../report/junit.js';
import { guardContext } from '../run/context-guard.js';
import { blockedReason, isDirectory, preflight } from '../run/preflight.js';
import type { RunEvent, RunSummary, SkippedPage } from '../run/results.js';
import { runPages } from '../run/run-pages.js';
import { parseShard, selectPages, shardOf } from '../run/select.js';
import { buildPlan } from '../plan/build-plan.js';
import type { RunPlan } from '../plan/plan.js';
import { loadInputs } from './inputs.js';
import { tabProblem } from './tabs.js';
import { parseOptions, usageError, type OptionValues } from './usage.js';

const help = `Usage: istio-doctest run [options] PATH...

Runs the shell steps of pages (files, or folders searched for *.md) in order, one bash session per page,
against the current kube context, and checks each step's output against the page. Cleanup sections always
run. Only pages with front matter \`test: yes\` run unless --all; boilerplates run inside their pages.

Which pages and steps:
  --all                  run pages whatever their \`test:\` flag says
  --lang LIST            only pages of these languages (e.g. es,uk,zh)
  --shard I/N            only the I-th of N stable slices of the sorted page list, balanced by steps
  --tab CATEGORY=VALUE   the tab to run in tabsets of that category (repeatable; default the first tab;
                         a category or value no page has is an error listing those there are)
  --keep-going           go on after a failing step (default: stop, then run the cleanup steps)
  --dry-run              print the steps, their expected output and verification; run nothing

Cluster and files:
  --istio-dir DIR        Istio release or checkout the @samples/...@ files are in (default $ISTIO_DIR)
  --context NAME         accept NAME even if it does not look disposable; it must be the current context
  --allow-context REGEX  more context names that count as disposable
                         (always: kind-*, k3d-*, minikube, docker-desktop, rancher-desktop)
  --vars FILE            values for version shortcodes (default: data/args.yml beside content/)
  --reference LANG       translations take the block ids of the same page under content/LANG/, and its
                         doctest.yaml when they have none of their own (default: en)

Time:
  --step-timeout DUR     end a step, and everything it started, after DUR (default 5m)
  --retry-timeout DUR    retry a step whose output does not match yet for up to DUR (default 120s)
  --no-wait              do not wait for the rollout of Deployments a step created or configured

Reports:
  --junit FILE           JUnit XML: a testsuite per page, a testcase per step
  --json FILE            one JSON line per event, written as it happens
  With GITHUB_ACTIONS=true, failing steps are also printed as workflow annotations at their line.

DUR is a number of seconds or a duration such as 500ms, 30s, 2m, 1h or 1m30s (--retry-timeout may be 0).

A page the preflight finds unable to run (a program not on PATH, an @path@ file missing, an error in the
page) is skipped with the reason, and the others run; when no page can run, nothing does (exit 2).
Exit status: 0 all passed, 1 a step failed, 2 bad usage or a refusal before anything ran (preflight,
context guard), 70 internal error (please report it), 130 interrupted (after running the cleanup steps).
`;

const options = {
  all: { type: 'boolean' },
  lang: { type: 'string' },
  shard: { type: 'string' },
  tab: { type: 'string', multiple: true },
  'keep-going': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'istio-dir': { type: 'string' },
  context: { type: 'string' },
  'allow-context': { type: 'string' },
  vars: { type: 'string' },
  reference: { type: 'string' },
  'step-timeout': { type: 'string' },
  'retry-timeout': { type: 'string' },
  'no-wait': { type: 'boolean' },
  junit: { type: 'string' },
  json: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Settings {
  stepTimeoutMs: number;
  retryTimeoutMs: number;
  tabs: Record<string, string>;
  allow?: RegExp;
  shard?: { index: number; count: number };
  langs?: string[];
  /** `--istio-dir` or `$ISTIO_DIR`, an existing folder. */
  istioDir?: string;
}

// Runs the command and returns the exit code.
export async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(argv, options);
  if (!parsed.ok) return usageError(parsed.message, 'run');
  const v = parsed.values;
  if (v.help) {
    process.stdout.write(help);
    return 0;
  }
  const settings = readSettings(v);
  if (typeof settings === 'string') return usageError(settings, 'run');

  const reference = v.reference ?? 'en';
  const loaded = loadInputs('run', parsed.positionals, v.vars, { reference });
  if (typeof loaded === 'number') return loaded;
  if (loaded.problems.length > 0) {
    for (const problem of loaded.problems) process.stderr.write(`istio-doctest: ${problem}\n`);
    return 2;
  }
  const selected = selectPages(loaded.pages, { all: v.all === true, langs: settings.langs });
  const badTab = tabProblem(settings.tabs, selected.run);
  if (badTab) return usageError(badTab, 'run');
  const allPlans = selected.run.map((page) => planOf(page, settings.tabs, reference));
  const plans = settings.shard ? shardOf(allPlans.map((plan) => ({ file: plan.page.file, plan })), settings.shard, (e) => stepsToRun(e.plan)).map((e) => e.plan) : allPlans;
  const checked = preflight(plans, { istioDir: settings.istioDir });
  const blocked: SkippedPage[] = checked.blocked.map(({ plan, problems }) => ({ file: plan.page.file, reason: blockedReason(problems) }));
  // A boilerplate's problem shows once, however many pages include it.
  const problems = [...new Map(checked.blocked.flatMap((b) => b.problems).map((d) => [diagnosticLine(d), d])).values()];

  if (v['dry-run']) {
    process.stdout.write(dryRunText(plans, selected.skipped, { ...settings, keepGoing: v['keep-going'] === true }, problems.map(diagnosticLine)));
    return plans.some((p) => p.errors.length > 0) ? 2 : 0;
  }
  const unusableTmp = tmpProblem();
  if (unusableTmp) {
    process.stderr.write(`istio-doctest: ${unusableTmp}\n`);
    return 2;
  }

  const json = v.json ? openJsonEvents(v.json) : undefined;
  if (typeof json === 'string') {
    process.stderr.write(`istio-doctest: ${json}\n`);
    return 2;
  }
  try {
    if (checked.ready.length === 0 && problems.length > 0) return refuse('preflight failed, nothing was run:', problems, json);
    if (checked.ready.some(usesCluster)) {
      const guard = await guardContext({ context: v.context, allow: settings.allow });
      if (!guard.ok) return refuse('context guard:', [guard.message], json);
    }
    const tty = process.stdout.isTTY === true;
    // A closed standard output (`| head`) must not crash the run halfway and leave the page's processes behind.
    process.stdout.on('error', () => undefined);
    const reporter = new ConsoleReporter((text) => process.stdout.write(text), { tty, color: wantsColor(process.stdout), columns: process.stdout.columns });
    const github = process.env.GITHUB_ACTIONS === 'true';
    const emit = (event: RunEvent) => {
      json?.write(event);
      reporter.on(event);
      if (github && event.type === 'step') {
        const annotation = stepAnnotation(event.result);
        if (annotation) process.stdout.write(`${annotation}\n`);
      }
    };
    // Pages the preflight left out are skipped with the reason, and annotated where CI shows them, as warnings: the others run.
    if (github) for (const d of problems) process.stdout.write(`${githubAnnotation({ ...d, severity: 'warning' })}\n`);
    const summary = await runPages(checked.ready, [...selected.skipped, ...blocked], {
      istioDir: settings.istioDir,
      stepTimeoutMs: settings.stepTimeoutMs,
      retryTimeoutMs: settings.retryTimeoutMs,
      keepGoing: v['keep-going'] === true,
      wait: v['no-wait'] !== true,
      emit,
      signals: ['SIGINT', 'SIGTERM'],
    });
    return v.junit ? writeJunit(v.junit, summary) : summary.exitCode;
  } finally {
    json?.close();
  }
}

// Reads and checks the option values that need more than a type.
function readSettings(v: OptionValues<typeof options>): Settings | string {
  const stepTimeout = v['step-timeout'] !== undefined ? parseTimeout(v['step-timeout']) : { ok: true as const, ms: 300000 };
  if (!stepTimeout.ok) return `--step-timeout: ${stepTimeout.message}`;
  // A retry time-out of 0 means one attempt.
  const retryTimeout = v['retry-timeout'] === undefined ? { ok: true as const, ms: 120000 } : /^\s*0+(\.0*)?(ms|s|m|h)?\s*$/.test(v['retry-timeout']) ? { ok: true as const, ms: 0 } : parseTimeout(v['retry-timeout']);
  if (!retryTimeout.ok) return `--retry-timeout: ${retryTimeout.message}`;
  const tabs: Record<string, string> = {};
  for (const tab of v.tab ?? []) {
    const eq = tab.indexOf('=');
    if (eq <= 0) return `--tab: expected CATEGORY=VALUE (e.g. config-api=gateway-api), got '${tab}'`;
    tabs[tab.slice(0, eq)] = tab.slice(eq + 1);
  }
  let allow: RegExp | undefined;
  if (v['allow-context'] !== undefined) {
    try {
      allow = new RegExp(v['allow-context']);
    } catch (error) {
      return `--allow-context: not a regular expression: ${(error as Error).message}`;
    }
  }
  const shard = v.shard !== undefined ? parseShard(v.shard) : undefined;
  if (v.shard !== undefined && !shard) return `--shard: expected I/N with 1 ≤ I ≤ N (e.g. 2/4), got '${v.shard}'`;
  const langs = v.lang !== undefined ? v.lang.split(',').map((l) => l.trim()).filter(Boolean) : undefined;
  const istioDir = v['istio-dir'] ?? (process.env.ISTIO_DIR || undefined);
  if (istioDir !== undefined && !isDirectory(istioDir)) return `${v['istio-dir'] !== undefined ? '--istio-dir' : 'ISTIO_DIR'} ${istioDir}: no such folder`;
  return { stepTimeoutMs: stepTimeout.ms, retryTimeoutMs: retryTimeout.ms, tabs, allow, shard, langs, istioDir };
}

// What a page weighs in a shard: the steps it will run (at least one: starting a page costs too).
function stepsToRun(plan: RunPlan): number {
  return Math.max(1, plan.steps.filter((step) => step.skip === undefined).length);
}

// Why the temporary folder (TMPDIR) cannot hold the pages' working folders, if it cannot: checked before anything runs.
function tmpProblem(): string | undefined {
  try {
    rmdirSync(mkdtempSync(join(tmpdir(), 'istio-doctest-check-')));
    return undefined;
  } catch (error) {
    return `the temporary folder ${tmpdir()} cannot be used (${errorCode(error)}): set TMPDIR to a writable folder`;
  }
}

const specs = new Map<string, { spec?: Spec; diagnostics: Diagnostic[] }>();

// The page's run plan, with its doctest.yaml (beside it or beside the reference page); a bad spec stops the preflight.
function planOf(page: Page, tabs: Record<string, string>, reference: string): RunPlan {
  const file = findSpecFile(page.file, reference);
  let spec: { spec?: Spec; diagnostics: Diagnostic[] } | undefined;
  if (file) {
    spec = specs.get(file) ?? readSpec(file);
    specs.set(file, spec);
  }
  return buildPlan(page, { tabs, spec: spec?.spec, specDiagnostics: spec?.diagnostics });
}

// Opens the --json file before anything runs; a path that cannot be written is one line and exit 2, not a stack trace.
function openJsonEvents(file: string): JsonEventsFile | string {
  try {
    return new JsonEventsFile(file);
  } catch (error) {
    return `--json ${file}: cannot write it (${errorCode(error)})`;
  }
}

// Writes the JUnit report after the run; a failed write is one line, and a passing run then exits 2, not 0.
function writeJunit(file: string, summary: RunSummary): number {
  try {
    writeFileSync(file, junitXml(summary));
    return summary.exitCode;
  } catch (error) {
    process.stderr.write(`istio-doctest: --junit ${file}: cannot write it (${errorCode(error)})\n`);
    return summary.exitCode || 2;
  }
}

// The short code of a file-system error (`ENOENT`), or its first line.
function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String((error as Error).message).split('\n')[0];
}

// Whether a page talks to a cluster through the kubeconfig, which is what the context guard protects.
function usesCluster(plan: RunPlan): boolean {
  return plan.programs.some((program) => ['kubectl', 'istioctl', 'helm', 'kind'].includes(program));
}

// Prints why nothing ran (annotated at the page lines on GitHub), records it in the JSON file, and returns exit code 2.
function refuse(title: string, problems: (string | Diagnostic)[], json: JsonEventsFile | undefined): number {
  const lines = problems.map((p) => (typeof p === 'string' ? p : diagnosticLine(p)));
  process.stderr.write(`istio-doctest: ${title}\n${lines.map((line) => `  ${line}\n`).join('')}`);
  if (process.env.GITHUB_ACTIONS === 'true') for (const p of problems) if (typeof p !== 'string') process.stdout.write(`${githubAnnotation(p)}\n`);
  const diagnostics = problems.filter((p): p is Diagnostic => typeof p !== 'string');
  json?.record({ type: 'run', status: 'refused', problems: lines, ...(diagnostics.length > 0 ? { diagnostics } : {}) });
  return 2;
}
