// `istio-doctest run PATH...`: wiring only — options, pages, plans, preflight, context guard, reporters, the runner.
import { outputDrift } from '../translate/output-drift.js';
import { accessSync, constants, existsSync, mkdtempSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseTimeout } from '../config/duration.js';
import type { Diagnostic } from '../page/types.js';
import { diagnosticLine, githubAnnotation } from '../report/diagnostic-line.js';
import type { RunSummary, SkippedPage } from '../run/results.js';
import { ConsoleReporter, wantsColor } from '../report/console.js';
import { dryRunText } from '../report/dry-run.js';
import { AnnotationsReporter } from '../report/github.js';
import { JsonEventsFile, JsonEventsLocked } from '../report/json-events.js';
import { openRecord } from '../report/record.js';
import { clusterVersions } from '../run/cluster-versions.js';
import { JunitReporter } from '../report/junit.js';
import { errorReason, Reporters, type Reporter } from '../report/reporter.js';
import { githubLink } from '../report/markdown-summary.js';
import { MarkdownSummaryReporter } from '../report/summary-file.js';
import { guardContext } from '../run/context-guard.js';
import { blockedReason, isDirectory, preflight } from '../run/preflight.js';
import { runPages } from '../run/run-pages.js';
import { parseShard, selectPages, shardOf, stepsToRun } from '../run/select.js';
import { planOf, usesCluster } from '../run/plan-pages.js';
import type { RunPlan } from '../plan/plan.js';
import { loadInputs } from './inputs.js';
import { applyUpdate, normalizeUpdateFlag, UPDATE_VALUES, updateBaseline, type UpdateValue } from './run-update.js';
import { tabProblem } from './tabs.js';
import { parseOptions, referenceProblem, usageError, type OptionValues } from './usage.js';
import { choosePlans, splitHelperProblems, SCRIPT_MODES, type ScriptMode } from './run-scripts.js';
import { planJsonLines } from '../report/plan-json.js';
import { setupAction, setupOfPlan as setupOf, UNSUPPORTED_SETUPS } from '../istio/setup-groups.js';

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
                         (with --json FILE: the planned steps as JSON lines in FILE)

istio.io test scripts (the *test.sh beside a page, or beside the same page in the reference language):
  --scripts MODE         auto: a page with scripts runs them, the others their page plan (default);
                         only: only pages with scripts; off: ignore scripts
  --repo-root DIR        the istio.io checkout the scripts' tests/util/... and content/... paths resolve in
                         (default: the folder holding the page's content/)
                         A page whose snippets a script sources (a folder test's sub-pages, pages a common.sh
                         sources) runs inside that script, never on its own. In an istio.io checkout
                         (tests/util/verify.sh present) only the scripts run, as istio.io's framework runs them:
  --uncovered-pages      also run the page plans of \`test: yes\` pages no script covers (labelled as such)
  --setup only=CONFIG    only the tests of one setup config (a script's \`# @setup\` line, e.g. profile=default;
                         pages without a script count as their doctest.yaml's page.setup, default
                         profile=none), for a CI matrix over setups
  --setup keep           trust the cluster as it is: install and uninstall nothing
                         (the default: pages run grouped by setup config, none, default, demo, minimal, ambient;
                         before a group Istio is installed with the istioctl of --istio-dir, or removed for
                         profile=none; after it, uninstalled; multicluster and dualstack are skipped)
  --no-snapshot          do not compare the cluster before and after each page or script that calls kubectl
                         (what is left after its cleanup fails it)

Cluster and files:
  --istio-dir DIR        Istio release or checkout the @samples/...@ files are in (default $ISTIO_DIR)
  --context NAME         accept NAME even if it does not look disposable; it must be the current context
  --allow-context REGEX  more context names that count as disposable
                         (always: kind-*, k3d-*, minikube, docker-desktop, rancher-desktop)
  --vars FILE            values for version shortcodes (default: data/args.yml beside content/)
  --reference LANG       translations take the block ids of the same page under content/LANG/, and its
                         doctest.yaml when they have none of their own (default: en; none: each page
                         keeps its own ids)

Time:
  --step-timeout DUR     end a step, and everything it started, after DUR (default 5m)
  --retry-timeout DUR    retry a step whose output does not match yet for up to DUR (default 120s);
                         a test script's _verify_* calls retry for VERIFY_TIMEOUT seconds instead (as verify.sh)
  --no-wait              do not wait for the rollout of Deployments a step created or configured

Fixing pages:
  --update               after the run, redraw the expected output of each step the matcher failed from what it
                         printed, changing only real differences ("..." lines and values the matcher accepted, stay);
                         prints a unified diff per page and a count; steps verified by contains/regex/not-contains/
                         failure, and translated outputs, are listed instead. A file changed meanwhile is left alone.
                         Runs every step (as --keep-going). Exit 0 when every failure was redrawn, 1 when one was
                         left.
  --update=dry           print the diffs and the count, write nothing

Reports:
  --junit FILE           JUnit XML: a testsuite per page, a testcase per step
  --json FILE            one JSON line per event, written as it happens
  --record FILE          the run record: each step's command as run and what it printed (versioned JSON lines,
                         with the date, Kubernetes and Istio versions), for \`check --against FILE\` of translations
  --summary FILE         append a Markdown table (page, language, steps, duration, first failure) to FILE,
                         e.g. "$GITHUB_STEP_SUMMARY"
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
  record: { type: 'string' },
  summary: { type: 'string' },
  update: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  // istio.io test scripts
  scripts: { type: 'string' },
  'repo-root': { type: 'string' },
  setup: { type: 'string' },
  'no-snapshot': { type: 'boolean' },
  'uncovered-pages': { type: 'boolean' },
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
  const parsed = parseOptions(normalizeUpdateFlag(argv), options);
  if (!parsed.ok) return usageError(parsed.message, 'run');
  const v = parsed.values;
  const update = v.update;
  if (update !== undefined && !isUpdateValue(update)) return usageError(`--update: expected nothing or =dry, got '${update}'`, 'run');
  if (v.help) {
    process.stdout.write(help);
    return 0;
  }
  const settings = readSettings(v);
  if (typeof settings === 'string') return usageError(settings, 'run');

  const reference = v.reference ?? 'en';
  const badReference = referenceProblem(reference, true);
  if (badReference) return usageError(badReference, 'run');
  const loaded = loadInputs('run', parsed.positionals, v.vars, { reference });
  if (typeof loaded === 'number') return loaded;
  if (loaded.problems.length > 0) {
    for (const problem of loaded.problems) process.stderr.write(`istio-doctest: ${problem}\n`);
    return 2;
  }
  // istio.io test scripts: which pages run a script, which their page plan.
  const scriptMode = v.scripts ?? 'auto';
  if (!isScriptMode(scriptMode)) return usageError(`--scripts: expected one of ${SCRIPT_MODES.join(', ')}, got '${scriptMode}'`, 'run');
  const selectedPages = selectPages(loaded.pages, { all: v.all === true || scriptMode === 'only', langs: settings.langs });
  const badTab = tabProblem(settings.tabs, selectedPages.run);
  if (badTab) return usageError(badTab, 'run');
  const chosen = choosePlans(
    loaded,
    selectedPages,
    { mode: scriptMode, reference, repoRoot: v['repo-root'], varsFile: v.vars, paths: parsed.positionals, langs: settings.langs, uncoveredPages: v['uncovered-pages'] === true },
    (page) => planOf(page, settings.tabs, reference, v['repo-root'], loaded.referenceOf),
  );
  // The cleanup part repeats the test part's `source` lines, and with them their warnings: each is said once.
  for (const warning of new Set(chosen.warnings)) process.stderr.write(`istio-doctest: warning: ${warning}\n`);
  const setup = readSetupOption(v.setup);
  if (typeof setup === 'object') return usageError(setup.error, 'run');
  const unknownSetup = setup === undefined ? undefined : unknownSetupProblem(setup, chosen.plans.map(setupOf));
  if (unknownSetup) return usageError(unknownSetup, 'run');
  const bySetup = setup === undefined ? chosen.plans : chosen.plans.filter((plan) => setupOf(plan) === setup);
  const otherSetups = setup === undefined ? [] : chosen.plans.filter((plan) => setupOf(plan) !== setup).map((plan) => ({ file: plan.page.file, reason: `setup ${setupOf(plan)}, not ${setup} (--setup only=${setup})` }));
  const selected = { skipped: [...chosen.skipped, ...otherSetups] };
  const plans = settings.shard ? shardOf(bySetup.map((plan) => ({ file: planKey(plan), plan })), settings.shard, (e) => stepsToRun(e.plan)).map((e) => e.plan) : bySetup;
  // Read before the run, so a page edited meanwhile is never overwritten.
  const baseline = update && !v['dry-run'] ? updateBaseline([...new Set(plans.map((plan) => plan.page))], loaded, reference) : undefined;
  const { istioDir } = settings;
  const checked = preflight(plans, { istioDir, setup: v.setup === 'keep' ? 'keep' : 'manage' });
  const blocked: SkippedPage[] = checked.blocked.map(({ plan, problems }) => ({ file: plan.page.file, reason: blockedReason(problems) }));
  // A boilerplate's problem shows once, however many pages include it.
  const problems: (Diagnostic | string)[] = [...new Map(checked.blocked.flatMap((b) => b.problems).map((d) => [diagnosticLine(d), d])).values()];
  // Problems of the helper files every script sources stop the run; a file only one script sources skips that script.
  const { shared: helpers, own } = splitHelperProblems(plans);
  for (const [plan, missing] of own) {
    problems.push(...missing);
    const at = checked.ready.indexOf(plan);
    if (at < 0) continue;
    checked.ready.splice(at, 1);
    blocked.push({ file: plan.page.file, reason: `preflight: ${missing[0]}${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''}` });
  }

  if (v['dry-run']) {
    // Reports of a run's results have nothing to say about a plan: say so rather than write nothing silently.
    const unwritten = (['junit', 'summary', 'record'] as const).filter((name) => v[name] !== undefined).map((name) => `--${name}`);
    if (unwritten.length > 0) process.stderr.write(`istio-doctest: ${unwritten.join(' and ')} ${unwritten.length > 1 ? 'are' : 'is'} not written by --dry-run (nothing runs); --json writes the plan lines\n`);
    process.stdout.write(dryRunText(plans, selected.skipped, { ...settings, keepGoing: v['keep-going'] === true || update !== undefined }, [...checked.setupProblems, ...problems.map((p) => (typeof p === 'string' ? p : diagnosticLine(p))), ...helpers], { leftOut: new Set(plans.filter((plan) => !checked.ready.includes(plan))), stopsRun: helpers.length > 0 || checked.ready.length === 0 }, chosen.uncovered));
    if (v.json) {
      try {
        writeFileSync(v.json, planJsonLines(plans));
      } catch (error) {
        process.stderr.write(`istio-doctest: --json ${v.json}: cannot write it (${errorReason(error)})\n`);
        return 2;
      }
    }
    return dryRunExit(plans);
  }
  const unusableTmp = tmpProblem();
  if (unusableTmp) {
    process.stderr.write(`istio-doctest: ${unusableTmp}\n`);
    return 2;
  }

  for (const option of ['junit', 'summary', 'record'] as const) {
    const path = v[option];
    const problem = path ? unwritable(path) : undefined;
    if (problem) {
      process.stderr.write(`istio-doctest: --${option} ${path}: cannot write it (${problem})\n`);
      return 2;
    }
  }
  const json = v.json ? openJsonEvents(v.json) : undefined;
  if (typeof json === 'string') {
    process.stderr.write(`istio-doctest: ${json}\n`);
    return 2;
  }
  try {
    if (helpers.length > 0) return refuse('preflight failed, nothing was run:', [...problems, ...helpers], json);
    if (checked.ready.length === 0 && problems.length > 0) return refuse('preflight failed, nothing was run:', [...checked.setupProblems, ...problems], json);
    for (const line of checked.setupProblems) process.stderr.write(`istio-doctest: ${line}\n`);
    const uncovered = checked.ready.filter((plan) => chosen.uncovered.has(plan)).length;
    if (uncovered > 0) process.stderr.write(`istio-doctest: --uncovered-pages: ${uncovered} page${uncovered === 1 ? '' : 's'} no istio.io test script covers run${uncovered === 1 ? 's' : ''} its own page plan, which istio.io's framework does not run\n`);
    const installs = v.setup !== 'keep' && checked.ready.some((plan) => setupAction(setupOf(plan)).kind === 'install');
    if (installs || checked.ready.some(usesCluster)) {
      const guard = await guardContext({ context: v.context, allow: settings.allow });
      if (!guard.ok) return refuse('context guard:', [guard.message], json);
    }
    const tty = process.stdout.isTTY === true;
    // A closed standard output (`| head`) must not crash the run halfway and leave the page's processes behind.
    process.stdout.on('error', () => undefined);
    const stdout = (text: string) => void process.stdout.write(text);
    // The files first: a console that fails must not cost them an event.
    const list: Reporter[] = [];
    if (json) list.push(json);
    if (v.record) {
      const recorded = openRecord(v.record, await clusterVersions(istioDir, v.context), (file) => setupOf(checked.ready.find((plan) => plan.page.file === file) ?? plans[0]));
      if (typeof recorded === 'string') return refuse('--record:', [recorded], json);
      list.push(recorded);
    }
    if (v.junit) list.push(new JunitReporter(v.junit));
    if (v.summary) list.push(new MarkdownSummaryReporter(v.summary, githubLink(process.env)));
    const drift = outputDrift(loaded.pages, loaded.referenceOf);
    list.push(new ConsoleReporter(stdout, { tty, color: wantsColor(process.stdout), columns: process.stdout.columns, outputDrift: drift }));
    if (process.env.GITHUB_ACTIONS === 'true') list.push(new AnnotationsReporter(stdout));
    const reporters = new Reporters(list, (name, reason) => process.stderr.write(`istio-doctest: ${name}: cannot write it (${reason}); the run goes on without it\n`));
    // Pages the preflight left out are skipped with the reason, and annotated where CI shows them, as warnings: the others run.
    if (process.env.GITHUB_ACTIONS === 'true') for (const d of problems) if (typeof d !== 'string') stdout(`${githubAnnotation({ ...d, severity: 'warning' })}\n`);
    const summary = await runPages(checked.ready, [...selected.skipped, ...blocked], {
      istioDir,
      stepTimeoutMs: settings.stepTimeoutMs,
      retryTimeoutMs: settings.retryTimeoutMs,
      // --update runs every step, as `jest -u` does: a failure that stopped the page would hide the ones after it.
      keepGoing: v['keep-going'] === true || update !== undefined,
      wait: v['no-wait'] !== true,
      emit: (event) => reporters.on(event),
      // A closed terminal or a dropped SSH session (SIGHUP) ends the run as SIGTERM does: cleanup first.
      signals: ['SIGINT', 'SIGTERM', 'SIGHUP'],
      cli: process.argv[1],
      snapshot: v['no-snapshot'] !== true,
      setup: v.setup === 'keep' ? 'keep' : 'manage',
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
function readSettings(v: OptionValues<typeof options>): Settings | string {
  const stepTimeout = v['step-timeout'] !== undefined ? parseTimeout(v['step-timeout']) : { ok: true as const, ms: 300000 };
  if (!stepTimeout.ok) return `--step-timeout: ${stepTimeout.message}`;
  // A retry time-out of 0 means one attempt.
  const retryText = v['retry-timeout'];
  const retryTimeout = retryText === undefined ? { ok: true as const, ms: 120000 } : /^\s*0+(\.0*)?(ms|s|m|h)?\s*$/.test(retryText) ? { ok: true as const, ms: 0 } : parseTimeout(retryText);
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
  if (istioDir !== undefined && !isDirectory(istioDir)) return `${v['istio-dir'] !== undefined ? '--istio-dir' : 'ISTIO_DIR'} ${istioDir}: ${notAFolder(istioDir)}`;
  const repoRoot = v['repo-root'];
  if (repoRoot !== undefined && !isDirectory(repoRoot)) return `--repo-root ${repoRoot}: ${notAFolder(repoRoot)}`;
  return { stepTimeoutMs: stepTimeout.ms, retryTimeoutMs: retryTimeout.ms, tabs, allow, shard, langs, istioDir };
}

// Why a path given as a folder is not one: it does not exist, or it is a file (an istio.io checkout's README, say).
function notAFolder(path: string): string {
  return existsSync(path) ? 'not a folder (a file)' : 'no such folder';
}

// Whether an --update value is one run knows.
function isUpdateValue(value: string): value is UpdateValue {
  return (UPDATE_VALUES as readonly string[]).includes(value);
}

// Whether a --scripts value is one run knows.
function isScriptMode(value: string): value is ScriptMode {
  return (SCRIPT_MODES as readonly string[]).includes(value);
}

// Why the temporary folder (TMPDIR) cannot hold the pages' working folders, if it cannot: checked before anything runs.
function tmpProblem(): string | undefined {
  try {
    rmdirSync(mkdtempSync(join(tmpdir(), 'istio-doctest-check-')));
    return undefined;
  } catch (error) {
    return `the temporary folder ${tmpdir()} cannot be used (${errorReason(error)}): set TMPDIR to a writable folder`;
  }
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

/** `--setup only=CONFIG` gives CONFIG; `keep` (or nothing) no filter; anything else is a usage error. */
export function readSetupOption(text: string | undefined): string | undefined | { error: string } {
  if (text === undefined || text === 'keep') return undefined;
  const m = /^only=(.+)$/.exec(text);
  return m ? m[1] : { error: `--setup: expected keep or only=CONFIG (e.g. only=profile=default), got '${text}'` };
}


// `--setup only=CONFIG` naming a config no page has and none istio-doctest knows is a typo (`profile=defualt`), which
// would otherwise run nothing and pass; a known config without pages is an empty group, as in a CI matrix over setups.
function unknownSetupProblem(setup: string, configs: string[]): string | undefined {
  const known = setup === 'profile=none' || setupAction(setup).kind === 'install' || setup in UNSUPPORTED_SETUPS;
  if (known || configs.includes(setup)) return undefined;
  const present = [...new Set(configs)].sort((a, b) => (a === 'profile=none' ? -1 : b === 'profile=none' ? 1 : 0));
  return `--setup only=${setup}: no page here has that setup config, and it is none istio-doctest knows (the pages' configs: ${present.join(', ') || 'none'})`;
}

// The key a plan is sharded by: its page, and its script when it has one (a page may have several).
function planKey(plan: RunPlan): string {
  return 'script' in plan ? `${plan.page.file} ${(plan as { script: { file: string } }).script.file}` : plan.page.file;
}

// Prints why nothing ran (annotated at the page lines on GitHub), records it in the JSON file, and returns exit code 2.
function refuse(title: string, problems: (string | Diagnostic)[], json: JsonEventsFile | undefined): number {
  const lines = problems.map((p) => (typeof p === 'string' ? p : diagnosticLine(p)));
  process.stderr.write(`istio-doctest: ${title}\n${lines.map((line) => `  ${line}\n`).join('')}`);
  if (process.env.GITHUB_ACTIONS === 'true') for (const p of problems) if (typeof p !== 'string') process.stdout.write(`${githubAnnotation(p)}\n`);
  const diagnostics = problems.filter((p): p is Diagnostic => typeof p !== 'string');
  try {
    json?.record({ type: 'run', status: 'refused', problems: lines, ...(diagnostics.length > 0 ? { diagnostics } : {}) });
  } catch (error) {
    process.stderr.write(`istio-doctest: ${json?.name}: cannot write it (${errorReason(error)})\n`);
  }
  return 2;
}

// A dry run's exit code, as the exit-code table has it, with one line on standard error saying why when it is not 0:
// pages with errors are findings (1) when a real run would still run the others, a refusal (2) when it would run none.
function dryRunExit(plans: RunPlan[]): number {
  const bad = plans.filter((plan) => plan.errors.length > 0);
  if (bad.length === 0) return 0;
  const errors = bad.reduce((n, plan) => n + plan.errors.length, 0);
  const what = `${errors} error${errors === 1 ? '' : 's'} in ${bad.length} of ${plans.length} planned page${plans.length === 1 ? '' : 's'} (listed above)`;
  const none = bad.length === plans.length;
  process.stderr.write(`istio-doctest: ${what}: ${none ? 'a real run would refuse to run anything' : 'a real run would leave those out and run the others'}\n`);
  return none ? 2 : 1;
}
