// `istio-doctest run PATH...`: wiring only — options, pages, plans, preflight, context guard, reporters, the runner.
import { writeFileSync } from 'node:fs';
import { findSpecFile, parseDuration, readSpec, type Spec } from '../config/spec.js';
import type { Diagnostic, Page } from '../page/types.js';
import { ConsoleReporter, wantsColor } from '../report/console.js';
import { dryRunText } from '../report/dry-run.js';
import { stepAnnotation } from '../report/github.js';
import { JsonEventsFile } from '../report/json-events.js';
import { junitXml } from '../report/junit.js';
import { guardContext } from '../run/context-guard.js';
import { preflight } from '../run/preflight.js';
import type { RunEvent, RunSummary } from '../run/results.js';
import { runPages } from '../run/run-pages.js';
import { parseShard, selectPages, shardOf } from '../run/select.js';
import { buildPlan } from '../plan/build-plan.js';
import type { RunPlan } from '../plan/plan.js';
import { loadPages } from '../page/pages.js';
import { applyUpdate, normalizeUpdateFlag, UPDATE_VALUES, updateBaseline, type UpdateValue } from './run-update.js';
import { parseOptions, usageError } from './usage.js';

const help = `Usage: istio-doctest run [options] PATH...

Runs the shell steps of pages (files, or folders searched for *.md) in order, one bash session per page,
against the current kube context, and checks each step's output against the page. Cleanup sections always
run. Only pages with front matter \`test: yes\` run unless --all; boilerplates run inside their pages.

Which pages and steps:
  --all                  run pages whatever their \`test:\` flag says
  --lang LIST            only pages of these languages (e.g. es,uk,zh)
  --shard I/N            only the I-th of N stable slices of the sorted page list
  --tab CATEGORY=VALUE   the tab to run in tabsets of that category (repeatable; default the first tab)
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

Fixing pages:
  --update               after the run, redraw the expected output of each step the matcher failed from what it
                         printed, changing only real differences ("..." lines and values the matcher accepted, stay);
                         prints a unified diff per page and a count; steps verified by contains/regex/not-contains/
                         failure, and translated outputs, are listed instead. A file changed meanwhile is left alone.
                         Exit 0 when every failure was redrawn.
  --update=dry           print the diffs and the count, write nothing

Reports:
  --junit FILE           JUnit XML: a testsuite per page, a testcase per step
  --json FILE            one JSON line per event, written as it happens
  With GITHUB_ACTIONS=true, failing steps are also printed as workflow annotations at their line.

DUR is a number of seconds or a duration such as 500ms, 30s, 2m.
Exit status: 0 all passed, 1 a step failed, 2 bad usage or a refusal before anything ran (preflight,
context guard), 130 interrupted (after running the cleanup steps).
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
  update: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface Settings {
  stepTimeoutMs: number;
  retryTimeoutMs: number;
  tabs: Record<string, string>;
  allow?: RegExp;
  shard?: { index: number; count: number };
  langs?: string[];
}

// Runs the command and returns the exit code.
export async function main(argv: string[]): Promise<number> {
  const parsed = parseOptions(normalizeUpdateFlag(argv), options);
  if (!parsed.ok) return usageError(parsed.message, help);
  const v = parsed.values;
  const update = v.update as UpdateValue | undefined;
  if (update !== undefined && !UPDATE_VALUES.includes(update)) return usageError(`--update: expected nothing or =dry, got '${update}'`, help);
  if (v.help) {
    process.stdout.write(help);
    return 0;
  }
  if (parsed.positionals.length === 0) return usageError('run needs at least one PATH', help);
  const settings = readSettings(v);
  if (typeof settings === 'string') return usageError(settings, help);

  const reference = (v.reference as string | undefined) ?? 'en';
  const loaded = loadPages(parsed.positionals, v.vars as string | undefined, { reference });
  if (loaded.problems.length > 0) {
    for (const problem of loaded.problems) process.stderr.write(`istio-doctest: ${problem}\n`);
    return 2;
  }
  const selected = selectPages(loaded.pages, { all: v.all === true, langs: settings.langs });
  const pages = settings.shard ? shardOf(selected.run, settings.shard) : selected.run;
  const plans = pages.map((page) => planOf(page, settings.tabs, reference));
  // Read before the run, so a page edited meanwhile is never overwritten.
  const baseline = update && !v['dry-run'] ? updateBaseline(pages, loaded, reference) : undefined;
  const istioDir = (v['istio-dir'] as string | undefined) ?? (process.env.ISTIO_DIR || undefined);
  const problems = preflight(plans, { istioDir });

  if (v['dry-run']) {
    const errors = plans.flatMap((p) => p.errors);
    process.stdout.write(dryRunText(plans, selected.skipped, { ...settings, keepGoing: v['keep-going'] === true }, problems));
    return errors.length > 0 ? 2 : 0;
  }

  const json = v.json ? openJsonEvents(v.json as string) : undefined;
  if (typeof json === 'string') {
    process.stderr.write(`istio-doctest: ${json}\n`);
    return 2;
  }
  try {
    if (problems.length > 0) return refuse('preflight failed, nothing was run:', problems, json);
    if (plans.some(usesCluster)) {
      const guard = await guardContext({ context: v.context as string | undefined, allow: settings.allow });
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
    const summary = await runPages(plans, selected.skipped, {
      istioDir,
      stepTimeoutMs: settings.stepTimeoutMs,
      retryTimeoutMs: settings.retryTimeoutMs,
      keepGoing: v['keep-going'] === true,
      wait: v['no-wait'] !== true,
      emit,
      signals: ['SIGINT', 'SIGTERM'],
    });
    const code = v.junit ? writeJunit(v.junit as string, summary) : summary.exitCode;
    return update && baseline ? applyUpdate(update, summary, baseline, code, (text) => process.stdout.write(text)) : code;
  } finally {
    json?.close();
  }
}

// Reads and checks the option values that need more than a type.
function readSettings(v: Record<string, string | boolean | string[] | undefined>): Settings | string {
  const stepTimeoutMs = durationOption(v['step-timeout'] as string | undefined, 300000);
  if (Number.isNaN(stepTimeoutMs)) return `--step-timeout: expected a duration such as 30s or 5m, got '${v['step-timeout']}'`;
  const retryTimeoutMs = durationOption(v['retry-timeout'] as string | undefined, 120000);
  if (Number.isNaN(retryTimeoutMs)) return `--retry-timeout: expected a duration such as 30s or 2m, got '${v['retry-timeout']}'`;
  const tabs: Record<string, string> = {};
  for (const tab of (v.tab as string[] | undefined) ?? []) {
    const eq = tab.indexOf('=');
    if (eq <= 0) return `--tab: expected CATEGORY=VALUE (e.g. config-api=gateway-api), got '${tab}'`;
    tabs[tab.slice(0, eq)] = tab.slice(eq + 1);
  }
  let allow: RegExp | undefined;
  if (v['allow-context'] !== undefined) {
    try {
      allow = new RegExp(v['allow-context'] as string);
    } catch (error) {
      return `--allow-context: not a regular expression: ${(error as Error).message}`;
    }
  }
  const shard = v.shard !== undefined ? parseShard(v.shard as string) : undefined;
  if (v.shard !== undefined && !shard) return `--shard: expected I/N with 1 ≤ I ≤ N (e.g. 2/4), got '${v.shard}'`;
  const langs = v.lang !== undefined ? (v.lang as string).split(',').map((l) => l.trim()).filter(Boolean) : undefined;
  return { stepTimeoutMs, retryTimeoutMs, tabs, allow, shard, langs };
}

// A duration option: bare numbers are seconds, else `500ms`, `30s`, `2m`.
function durationOption(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  if (/^\d+(\.\d+)?$/.test(text.trim())) return Number(text) * 1000;
  const ms = parseDuration(text);
  return ms > 0 ? ms : Number.NaN;
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

// Prints why nothing ran, records it in the JSON file, and returns exit code 2.
function refuse(title: string, problems: string[], json: JsonEventsFile | undefined): number {
  process.stderr.write(`istio-doctest: ${title}\n${problems.map((p) => `  ${p}\n`).join('')}`);
  json?.record({ type: 'run', status: 'refused', problems });
  return 2;
}
