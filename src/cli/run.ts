// `istio-doctest run PATH...`: wiring only — options, pages, plans, preflight, context guard, reporters, the runner.
import { accessSync, constants, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseDuration } from '../config/spec.js';
import type { RunSummary } from '../run/results.js';
import { ConsoleReporter, wantsColor } from '../report/console.js';
import { dryRunText } from '../report/dry-run.js';
import { AnnotationsReporter } from '../report/github.js';
import { JsonEventsFile, JsonEventsLocked } from '../report/json-events.js';
import { JunitReporter } from '../report/junit.js';
import { errorReason, Reporters, type Reporter } from '../report/reporter.js';
import { githubLink } from '../report/markdown-summary.js';
import { MarkdownSummaryReporter } from '../report/summary-file.js';
import { guardContext } from '../run/context-guard.js';
import { preflight } from '../run/preflight.js';
import { runPages } from '../run/run-pages.js';
import { parseShard, selectPages, shardOf } from '../run/select.js';
import { planOf, usesCluster } from '../run/plan-pages.js';
import type { RunPlan } from '../plan/plan.js';
import { loadPages } from '../page/pages.js';
import { applyUpdate, normalizeUpdateFlag, UPDATE_VALUES, updateBaseline, type UpdateValue } from './run-update.js';
import { parseOptions, usageError } from './usage.js';
import { choosePlans, helperProblems, SCRIPT_MODES, type ScriptMode } from './run-scripts.js';
import { planJsonLines } from '../report/plan-json.js';

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
                         (with --json FILE: the planned steps as JSON lines in FILE)

istio.io test scripts (the *test.sh beside a page, or beside the same page in the reference language):
  --scripts MODE         auto: a page with scripts runs them, the others their page plan (default);
                         only: only pages with scripts; off: ignore scripts
  --repo-root DIR        the istio.io checkout the scripts' tests/util/... and content/... paths resolve in
                         (default: the folder holding the page's content/)
  --setup only=CONFIG    only the tests of one setup config (a script's \`# @setup\` line, e.g. profile=default;
                         pages without a script count as profile=none), for a CI matrix over setups
  --no-snapshot          do not compare the cluster before and after each script (leftovers fail a script)
  --setup keep           trust the cluster as it is (the default: Istio is not installed or removed per setup)

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
  --summary FILE         append a Markdown table (page, language, steps, duration, first failure) to FILE,
                         e.g. "$GITHUB_STEP_SUMMARY"
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
  summary: { type: 'string' },
  update: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  // istio.io test scripts
  scripts: { type: 'string' },
  'repo-root': { type: 'string' },
  setup: { type: 'string' },
  'no-snapshot': { type: 'boolean' },
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
  // istio.io test scripts: which pages run a script, which their page plan.
  const scriptMode = (v.scripts as string | undefined) ?? 'auto';
  if (!(SCRIPT_MODES as readonly string[]).includes(scriptMode)) return usageError(`--scripts: expected one of ${SCRIPT_MODES.join(', ')}, got '${scriptMode}'`, help);
  const chosen = choosePlans(
    loaded,
    selectPages(loaded.pages, { all: v.all === true || scriptMode === 'only', langs: settings.langs }),
    { mode: scriptMode as ScriptMode, reference, repoRoot: v['repo-root'] as string | undefined, varsFile: v.vars as string | undefined, paths: parsed.positionals, langs: settings.langs },
    (page) => planOf(page, settings.tabs, reference),
  );
  for (const warning of chosen.warnings) process.stderr.write(`istio-doctest: warning: ${warning}\n`);
  const setup = readSetupOption(v.setup as string | undefined);
  if (typeof setup === 'object') return usageError(setup.error, help);
  const bySetup = setup === undefined ? chosen.plans : chosen.plans.filter((plan) => setupOf(plan) === setup);
  const otherSetups = setup === undefined ? [] : chosen.plans.filter((plan) => setupOf(plan) !== setup).map((plan) => ({ file: plan.page.file, reason: `setup ${setupOf(plan)}, not ${setup} (--setup only=${setup})` }));
  const selected = { skipped: [...chosen.skipped, ...otherSetups] };
  const plans = settings.shard ? shardOf(bySetup.map((plan) => ({ file: planKey(plan), plan })), settings.shard).map((e) => e.plan) : bySetup;
  // Read before the run, so a page edited meanwhile is never overwritten.
  const baseline = update && !v['dry-run'] ? updateBaseline([...new Set(plans.map((plan) => plan.page))], loaded, reference) : undefined;
  const istioDir = (v['istio-dir'] as string | undefined) ?? (process.env.ISTIO_DIR || undefined);
  const problems = [...preflight(plans, { istioDir }), ...helperProblems(plans)];

  if (v['dry-run']) {
    const errors = plans.flatMap((p) => p.errors);
    process.stdout.write(dryRunText(plans, selected.skipped, { ...settings, keepGoing: v['keep-going'] === true }, problems));
    if (v.json) {
      try {
        writeFileSync(v.json as string, planJsonLines(plans));
      } catch (error) {
        process.stderr.write(`istio-doctest: --json ${v.json}: cannot write it (${errorReason(error)})\n`);
        return 2;
      }
    }
    return errors.length > 0 ? 2 : 0;
  }

  for (const option of ['junit', 'summary'] as const) {
    const problem = v[option] ? unwritable(v[option] as string) : undefined;
    if (problem) {
      process.stderr.write(`istio-doctest: --${option} ${v[option]}: cannot write it (${problem})\n`);
      return 2;
    }
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
    const stdout = (text: string) => void process.stdout.write(text);
    // The files first: a console that fails must not cost them an event.
    const list: Reporter[] = [];
    if (json) list.push(json);
    if (v.junit) list.push(new JunitReporter(v.junit as string));
    if (v.summary) list.push(new MarkdownSummaryReporter(v.summary as string, githubLink(process.env)));
    list.push(new ConsoleReporter(stdout, { tty, color: wantsColor(process.stdout), columns: process.stdout.columns }));
    if (process.env.GITHUB_ACTIONS === 'true') list.push(new AnnotationsReporter(stdout));
    const reporters = new Reporters(list, (name, reason) => process.stderr.write(`istio-doctest: ${name}: cannot write it (${reason}); the run goes on without it\n`));
    const summary = await runPages(plans, selected.skipped, {
      istioDir,
      stepTimeoutMs: settings.stepTimeoutMs,
      retryTimeoutMs: settings.retryTimeoutMs,
      keepGoing: v['keep-going'] === true,
      wait: v['no-wait'] !== true,
      emit: (event) => reporters.on(event),
      // A closed terminal or a dropped SSH session (SIGHUP) ends the run as SIGTERM does: cleanup first.
      signals: ['SIGINT', 'SIGTERM', 'SIGHUP'],
      cli: process.argv[1],
      snapshot: v['no-snapshot'] !== true,
    });
    reporters.close();
    // A report that could not be written fails a run that passed: CI must not take a missing report for success.
    const code = reporters.failures.length > 0 ? summary.exitCode || 2 : summary.exitCode;
    return update && baseline ? applyUpdate(update, summary, baseline, code, (text) => process.stdout.write(text)) : code;
  } finally {
    try {
      json?.close();
    } catch {
      // Already reported, or nothing left to close.
    }
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

// Opens the --json file before anything runs; a path that cannot be written, or that another run is writing, is one
// line and exit 2, not a stack trace.
function openJsonEvents(file: string): JsonEventsFile | string {
  try {
    return new JsonEventsFile(file);
  } catch (error) {
    if (error instanceof JsonEventsLocked) return `--json ${file}: ${error.message}; give each run its own file`;
    return `--json ${file}: cannot write it (${errorReason(error)})`;
  }
}

// Why a report file cannot be written (`ENOENT`, `EISDIR`, `EACCES`...), checked before anything runs without
// creating it; undefined when it can.
function unwritable(file: string): string | undefined {
  try {
    if (statSync(file).isDirectory()) return 'EISDIR';
    accessSync(file, constants.W_OK);
    return undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return errorReason(error);
  }
  try {
    if (!statSync(dirname(file)).isDirectory()) return 'ENOTDIR';
    accessSync(dirname(file), constants.W_OK);
    return undefined;
  } catch (error) {
    return errorReason(error);
  }
}

// `--setup only=CONFIG` gives CONFIG; `keep` (or nothing) no filter; anything else is a usage error.
function readSetupOption(text: string | undefined): string | undefined | { error: string } {
  if (text === undefined || text === 'keep') return undefined;
  const m = /^only=(.+)$/.exec(text);
  return m ? m[1] : { error: `--setup: expected keep or only=CONFIG (e.g. only=profile=default), got '${text}'` };
}

// The setup config a plan needs: its script's \`# @setup\`, or profile=none for a page plan.
function setupOf(plan: RunPlan): string {
  return 'script' in plan ? (plan as { script: { setup: string } }).script.setup : 'profile=none';
}

// The key a plan is sharded by: its page, and its script when it has one (a page may have several).
function planKey(plan: RunPlan): string {
  return 'script' in plan ? `${plan.page.file} ${(plan as { script: { file: string } }).script.file}` : plan.page.file;
}

// Prints why nothing ran, records it in the JSON file, and returns exit code 2.
function refuse(title: string, problems: string[], json: JsonEventsFile | undefined): number {
  process.stderr.write(`istio-doctest: ${title}\n${problems.map((p) => `  ${p}\n`).join('')}`);
  try {
    json?.record({ type: 'run', status: 'refused', problems });
  } catch (error) {
    process.stderr.write(`istio-doctest: ${json?.name}: cannot write it (${errorReason(error)})\n`);
  }
  return 2;
}
