// Running one istio.io test script against a page: a session prepared as istio.io's framework prepares it (the page's
// snippets in the run's language, then tests/util/verify.sh, debug.sh, helpers.sh; our `_verify_*` on top), each
// top-level statement one reported step, the cleanup part always run, nothing of the script left running.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { INJECTED_HELPERS, SNIPS_DIR_VAR, type ScriptPlan, type ScriptStep } from '../istio/script-plan.js';
import { VERIFY_CLI_VAR, VERIFY_LOG_VAR, VERIFY_MATCH_FIFO_VAR, verifyFunctionsScript } from '../istio/verify-functions.js';
import type { NestedCall, RunPlan } from '../plan/plan.js';
import type { PageOptions } from './run-page.js';
import type { PageResult, StepResult, StepStatus } from './results.js';
import { backoffSeconds, retryStyle } from './attempt-policy.js';
import { nestedFailure, runVerifyCall } from './script-verify.js';
import { needsArg } from '../match/types.js';
import { statusFailure } from './failure-point.js';
import { readBoundedOutput } from '../shell/output.js';
import { VERIFY_FUNCTIONS } from '../istio/script-statements.js';
import { startMatchServer } from './match-server.js';
import type { CommandResult, Session } from '../shell/session.js';
import { linkRepo } from '../shell/workdir.js';
import { runPlan } from './run-loop.js';

export interface ScriptOptions extends PageOptions {
  /** The CLI the session's `_verify_*` functions call for nested calls (`bin/istio-doctest.js`). */
  cli?: string;
  /** Serve the matcher to nested `_verify_*` calls over a FIFO (default true); off, they start the CLI per attempt. */
  matchServer?: boolean;
}

/** Whether a plan is a script plan. */
export function isScriptPlan(plan: RunPlan): plan is ScriptPlan {
  return plan.kind === 'script';
}

// Runs a script plan and reports every step as it ends.
export async function runScript(plan: ScriptPlan, options: ScriptOptions): Promise<PageResult> {
  // Scripts are snapshotted unless told not to (istio.io's framework always does).
  const snapshot = options.snapshot !== false && plan.programs.includes('kubectl');
  let log = '';
  // Where the test part called `exit 0`: its later statements do not run (the cleanup part does).
  let exitedAt: string | undefined;
  let cleanupBegun = false;
  return runPlan<ScriptPlan, ScriptStep>(plan, options, snapshot, {
    prepare: (dir) => {
      linkRepo(dir.work, plan.repoRoot);
      const snipsDir = join(dir.root, 'snips');
      for (const snips of plan.snipsFiles) {
        mkdirSync(dirname(join(snipsDir, snips.path)), { recursive: true });
        writeFileSync(join(snipsDir, snips.path), snips.text);
      }
      // TEST_OUTPUT_DIR of istio.io's framework: the test's own folder for files it writes.
      const out = join(dir.root, 'test-output');
      mkdirSync(out, { recursive: true });
      log = join(dir.ctl, 'verify.log');
      // Nested `_verify_*` calls ask the runner's matcher instead of starting the CLI per attempt (off: the bench's baseline).
      const matcher = options.matchServer === false ? undefined : startMatchServer(dir.ctl);
      const env: Record<string, string> = {
        ...(matcher ? { [VERIFY_MATCH_FIFO_VAR]: matcher.fifo } : {}),
        [SNIPS_DIR_VAR]: snipsDir,
        [VERIFY_LOG_VAR]: log,
        ...(options.cli ? { [VERIFY_CLI_VAR]: options.cli } : {}),
        REPO_ROOT: dir.work,
        TEST_OUTPUT_DIR: out,
        TEST_DEBUG_FILE: join(out, 'test.sh_debug.txt'),
      };
      return { env, close: () => matcher?.close() };
    },
    begin: async (session) => {
      const prelude = await session.run(preludeOf(plan), { timeoutMs: options.stepTimeoutMs, signal: options.signal });
      if (prelude.exitCode === 0 && prelude.broken === undefined) return undefined;
      const why = prelude.broken ?? prelude.message;
      return { step: preludeStep(plan), status: prelude.timedOut ? 'timeout' : 'failed', attempts: 1, exitCode: prelude.exitCode, timedOut: prelude.timedOut, durationMs: prelude.durationMs, output: prelude.output, message: `the injected prelude failed (${why})`, diff: '', warning: false };
    },
    stopped: () => (exitedAt !== undefined ? `not run: the script exited at ${exitedAt}` : undefined),
    before: async (step, session) => {
      // The framework runs the cleanup part in a new bash: the test part's `set -u` and pipefail do not carry over.
      if (step.cleanup && !cleanupBegun) {
        cleanupBegun = true;
        await session.run('set +u +o pipefail', { timeoutMs: options.stepTimeoutMs, signal: options.force });
      }
    },
    run: (step, context) => runScriptStep(context.session, step, options, context),
    after: (step, result) => {
      if (!step.cleanup && result.status === 'passed' && result.endedScript) exitedAt = `${basename(plan.script.file)}:${step.scriptLine}`;
      return step.kind !== 'verify' ? nestedResults(plan, step, result, log) : [];
    },
    // The script's statements so far and the snippets it can call: where its namespaces are named.
    commands: (step) => [...plan.steps.slice(0, plan.steps.indexOf(step) + 1).map((s) => s.command), ...plan.snipsFiles.map((s) => s.text)],
    leftoversStep: () => preludeStep(plan),
  });
}

// Runs one step: a verify call with its retries, or a statement once.
async function runScriptStep(session: Session, step: ScriptStep, options: ScriptOptions, context: { outOfPlace: boolean; total: number; page: string }): Promise<StepResult> {
  const signal = step.cleanup ? options.force : options.signal;
  const warning = (status: StepStatus) => step.cleanup && status !== 'passed' && status !== 'interrupted';
  if (step.missing) return { step, status: 'failed', attempts: 0, timedOut: false, durationMs: 0, output: '', message: step.missing, diff: '', warning: warning('failed') };
  if (step.kind === 'verify') {
    let expected = step.verify.arg ?? step.expected;
    if (step.expectSource !== undefined) {
      const evaluated = await session.run(`printf '%s' ${step.expectSource}`, { timeoutMs: options.stepTimeoutMs, signal });
      expected = evaluated.output;
    }
    const begun = performance.now();
    const call = await runVerifyCall(session, step, expected, {
      stepTimeoutMs: options.stepTimeoutMs,
      signal,
      once: context.outOfPlace,
      onAttempt: (attempt, message) => options.emit({ type: 'attempt', page: context.page, step, total: context.total, attempt, elapsedMs: performance.now() - begun, message }),
    });
    const broken = call.result.broken !== undefined && !call.result.interrupted;
    const status: StepStatus = call.result.interrupted || (!call.ok && signal?.aborted) ? 'interrupted' : call.result.timedOut ? 'timeout' : call.ok && !broken ? 'passed' : 'failed';
    const shown = step.verify.arg !== undefined ? { ...step, verify: { ...step.verify, arg: expected } } : { ...step, expected };
    return { step: shown, status, attempts: call.attempts, ...(call.result.exitCode !== undefined ? { exitCode: call.result.exitCode } : {}), timedOut: call.result.timedOut, durationMs: call.durationMs, output: call.result.output, message: broken ? call.result.broken! : call.message, diff: call.diff, ...(status !== 'passed' && !broken && call.failure ? { failure: { ...call.failure, ...(status === 'interrupted' ? { kind: 'interrupted' as const } : {}) } } : {}), warning: warning(status) };
  }
  const result = await session.run(step.run, { timeoutMs: step.timeoutMs ?? options.stepTimeoutMs, signal });
  const common = { step, attempts: 1, ...(result.exitCode !== undefined ? { exitCode: result.exitCode } : {}), timedOut: result.timedOut, durationMs: result.durationMs, output: result.output, diff: '' };
  // No shell to run it in, or a run whose output was not captured: a failure whatever its output and status.
  if (result.broken !== undefined && !result.interrupted) return { ...common, status: 'failed', message: result.broken, warning: warning('failed') };
  if (endedScript(result) && !step.cleanup) {
    // bash ends a script at `exit` (its own or a helper's, such as _wait_for_deployment's `exit 1`): istio.io's framework
    // fails it unless the status is 0. A failure stops the test part as any failed step does (not with --keep-going).
    const ok = result.exitCode === 0;
    const why = ok ? 'so its test part ends here as in bash' : 'a failure: bash would end the script here';
    const message = `the script exited with ${result.exitCode !== undefined ? `status ${result.exitCode}` : 'no status'}, ${why}`;
    return { ...common, status: ok ? 'passed' : 'failed', message, ...(ok ? {} : { failure: statusFailure(step, 'exit-status', message) }), warning: false, endedScript: true };
  }
  const okExit = result.exitCode === 0 || (step.ignoreExit === true && result.exitCode !== undefined);
  const status: StepStatus = result.interrupted ? 'interrupted' : result.timedOut ? 'timeout' : okExit ? 'passed' : 'failed';
  const message = status === 'passed' ? (result.exitCode !== 0 ? `${result.message}, ignored: the script does not \`set -e\` here` : '') : result.message || 'the command failed';
  return { ...common, status, message, ...(status === 'failed' ? { failure: statusFailure(step, 'exit-status', message) } : {}), warning: warning(status) };
}

// Whether a statement ended the shell by itself (`exit`, its own or a helper's), not by a time-out or a signal.
function endedScript(result: CommandResult): boolean {
  return result.restarted && !result.timedOut && !result.interrupted;
}

// The calls logged during a step by the session's `_verify_*` functions and `_wait_for_*` wrappers, one result each,
// matched to the calls the plan lists (for their lines and conditions); then each call the statement holds that did
// not run (a branch not taken, a loop with no iteration), skipped with its conditions. The log is emptied.
function nestedResults(plan: ScriptPlan, step: ScriptStep, result: StepResult, log: string): StepResult[] {
  let text = '';
  try {
    text = readFileSync(log, 'utf8');
    rmSync(log, { force: true });
  } catch {
    text = '';
  }
  // A statement that is itself one wait call is its own step already.
  const selfWait = !step.nested && /^_wait_for_\w+(\s|$)/.test(step.command);
  const matched = new Set<NestedCall>();
  const out: StepResult[] = [];
  for (const entry of readCallLog(text)) {
    if (entry.kind === 'wait' && selfWait) continue;
    const planned = plannedCallFor(plan, step, entry, matched);
    if (planned) matched.add(planned);
    out.push(entry.kind === 'wait' ? waitResult(step, entry, planned) : verifyResult(plan, step, entry, planned));
  }
  for (const call of step.nested ?? []) {
    if (call.inFunction || matched.has(call)) continue;
    const innermost = call.conditions[call.conditions.length - 1] ?? '';
    const why =
      result.status !== 'passed'
        ? 'the statement ended before it'
        : /^(for|while|until) /.test(innermost)
          ? `the loop ran no iteration (${call.conditions.join(' › ')})`
          : `its branch was not taken (${call.conditions.join(' › ')})`;
    out.push({ step: nestedStep(step, call, call.kind === 'verify' ? call.snippet ?? call.call : call.call, call), status: 'skipped', attempts: 0, timedOut: false, durationMs: 0, output: '', message: `not run: ${why}`, diff: '', warning: false });
  }
  return out;
}

/** One call the session logged: a verify call (its mode, snippet function, attempts, the files of a failure) or a wait
 * call (`_wait_for_x args`), which ended the script when it has no end line. */
type LoggedCall = { kind: 'verify'; ok: boolean; mode: string; func: string; attempts: number; detail?: string } | { kind: 'wait'; ok: boolean; call: string; unfinished: boolean };

// Reads the log's lines in order (a wait call's start line is closed by its end line).
function readCallLog(text: string): LoggedCall[] {
  const calls: LoggedCall[] = [];
  for (const line of text.split('\n').filter(Boolean)) {
    const [status, mode, func, attempts, detail] = line.split('\t');
    if (mode === 'wait') {
      if (status === 'started') calls.push({ kind: 'wait', ok: false, call: func, unfinished: true });
      else {
        const open = [...calls].reverse().find((c): c is Extract<LoggedCall, { kind: 'wait' }> => c.kind === 'wait' && c.unfinished && c.call === func);
        if (open) Object.assign(open, { ok: status === 'passed', unfinished: false });
      }
      continue;
    }
    calls.push({ kind: 'verify', ok: status === 'passed', mode, func, attempts: Number(attempts) || 1, ...(detail ? { detail } : {}) });
  }
  return calls;
}

// The call of the plan a logged call is: the statement's own first (one not yet matched), then those in the script's
// functions; a call in a loop matches the same planned call each time.
function plannedCallFor(plan: ScriptPlan, step: ScriptStep, entry: LoggedCall, matched: Set<NestedCall>): NestedCall | undefined {
  const fits = (c: NestedCall) => (entry.kind === 'wait' ? c.kind === 'wait' && entry.call.split(' ')[0] === c.fn : c.kind === 'verify' && c.snippet === entry.func && c.mode === entry.mode);
  const own = (step.nested ?? []).filter((c) => fits(c) && !c.inFunction);
  const inFunctions = plan.steps.flatMap((s) => (s.nested ?? []).filter((c) => fits(c) && c.inFunction));
  const candidates = [...own, ...inFunctions];
  return candidates.find((c) => !matched.has(c)) ?? candidates[0];
}

// The step a nested call is reported as: at its planned place (a snippet's markdown line), in the statement that ran it.
function nestedStep(parent: ScriptStep, planned: NestedCall | undefined, id: string, where?: { file: string; line: number }): ScriptStep {
  const at = where ?? planned ?? { file: parent.file, line: parent.line };
  return {
    ...parent,
    file: at.file,
    line: at.line,
    blockLine: at.line,
    id,
    command: planned?.call ?? id,
    run: id,
    script: planned?.script ?? parent.script,
    scriptLine: planned?.scriptLine ?? parent.scriptLine,
    verify: { mode: planned?.mode ?? 'none' },
    kind: planned?.kind === 'verify' ? 'verify' : 'shell',
    nested: undefined,
    nestedIn: { scriptLine: parent.scriptLine, conditions: planned?.conditions ?? [] },
  };
}

// A verify call's result: at its snippet's markdown line, with its attempts and, when it failed, its diff and output.
function verifyResult(plan: ScriptPlan, parent: ScriptStep, entry: Extract<LoggedCall, { kind: 'verify' }>, planned: NestedCall | undefined): StepResult {
  const where = plan.snippetLines[entry.func] ?? planned;
  const step: ScriptStep = { ...nestedStep(parent, planned, entry.func, where), kind: 'verify', verify: { mode: entry.mode as ScriptStep['verify']['mode'] } };
  // A failed call left its last diff, output and expected text beside the log (none when it could not make its folder).
  const diff = entry.detail ? takeFile(`${entry.detail}.diff`) : '';
  const output = entry.detail ? takeFile(`${entry.detail}.out`) : '';
  const expected = entry.detail && existsSync(`${entry.detail}.expected`) ? takeFile(`${entry.detail}.expected`) : undefined;
  // The expected text is the snippet's own output on its page: a difference points at its line there.
  const snippet = plan.snippetLines[entry.func];
  if (snippet?.outLine !== undefined && snippet.out === expected && !needsArg(entry.mode)) step.expectedLine = snippet.outLine;
  step.expected = expected !== undefined && !needsArg(entry.mode) ? expected : '';
  const verifyName = Object.entries(VERIFY_FUNCTIONS).find(([, m]) => m === entry.mode)?.[0] ?? `_verify_ ${entry.mode}`;
  // The conditions it ran under (the function it is in is the statement named already, or its caller's).
  const conditions = (planned?.conditions ?? []).filter((c) => !c.startsWith('in function '));
  const under = conditions.length > 0 ? ` (${conditions.join(' › ')})` : '';
  const message = entry.ok ? '' : `${entry.func}: ${verifyName} failed inside ${parent.command.split('\n')[0]}${under}${diff || output ? '' : " (see the step's output)"}`;
  const failure = entry.ok ? {} : { failure: nestedFailure(step, entry.mode, expected !== undefined ? { expected, output } : undefined) };
  return { step, status: entry.ok ? 'passed' : 'failed', attempts: entry.attempts, timedOut: false, durationMs: 0, output, message, diff, ...failure, warning: parent.cleanup && !entry.ok };
}

// A wait call's result, at its script line; one with no end line ended the script (helpers.sh's `exit 1`).
function waitResult(parent: ScriptStep, entry: Extract<LoggedCall, { kind: 'wait' }>, planned: NestedCall | undefined): StepResult {
  const step = nestedStep(parent, planned, entry.call);
  const message = entry.ok ? '' : entry.unfinished ? `${entry.call} ended the script (it exits when the wait fails)` : `${entry.call} failed`;
  return { step, status: entry.ok ? 'passed' : 'failed', attempts: 1, timedOut: false, durationMs: 0, output: '', message, diff: '', warning: parent.cleanup && !entry.ok };
}

// What the framework injects before the script: the page's snippets, istio.io's helpers, then our `_verify_*`.
function preludeOf(plan: ScriptPlan): string {
  // bash runs a script without pipefail until the script sets it (`yes | head -1` passes); page plans keep it.
  const lines = ['set +o pipefail'];
  if (plan.pageSnips) lines.push(`source "$${SNIPS_DIR_VAR}/${plan.pageSnips}" || return 1`);
  for (const helper of plan.injected ?? INJECTED_HELPERS) lines.push(`source "${helper}" || return 1`);
  // debug.sh turns on `set -x` into its debug file; a replaced shell would lose that file and trace into the steps'
  // outputs, which the matcher reads. Each step's output is in the reports instead.
  lines.push('set +x');
  lines.push(verifyFunctionsScript(retryStyle() === 'backoff' ? backoffSeconds() : []));
  return lines.join('\n');
}

// A step standing for the injected prelude, reported only when it fails.
function preludeStep(plan: ScriptPlan): ScriptStep {
  return { id: 'injected prelude', index: 0, file: plan.script.file, line: plan.script.setupLine, blockLine: plan.script.setupLine, command: preludeOf(plan).split('\n').slice(0, 4).join('\n'), expected: '', verify: { mode: 'none' }, retry: false, cleanup: false, section: 'test', script: plan.script.file, scriptLine: plan.script.setupLine, kind: 'shell', run: '' };
}

// Reads a file a nested verify call left (bounded, as a step's output) and removes it.
function takeFile(file: string): string {
  const { text } = readBoundedOutput(file);
  rmSync(file, { force: true });
  return text;
}
