// `run --dry-run`: the steps that would run, page by page, with their expected output and the verification chosen.
import type { NestedCall, PlannedStep, RunPlan } from '../plan/plan.js';
import type { SkippedPage } from '../run/results.js';
import { diagnosticLine } from './diagnostic-line.js';
import { plural } from './page-summary.js';
import { formatDuration as duration } from '../config/duration.js';
import { progress } from './summary.js';

export interface DryRunSettings {
  stepTimeoutMs: number;
  retryTimeoutMs: number;
  keepGoing: boolean;
}

/** What the preflight of a real run would do with the plans: leave some out, or stop the whole run. */
export interface DryRunPreflight {
  leftOut: ReadonlySet<RunPlan>;
  stopsRun: boolean;
}

/** The whole dry-run listing; `notes` are the preflight's findings, `preflight` what they would do to a real run. */
// `uncovered`: page plans of pages no istio.io script covers (`--uncovered-pages`), labelled in their header.
export function dryRunText(plans: RunPlan[], skipped: SkippedPage[], settings: DryRunSettings, notes: string[] = [], preflight: DryRunPreflight = { leftOut: new Set(), stopsRun: false }, uncovered: ReadonlySet<RunPlan> = new Set()): string {
  const out: string[] = [];
  for (const s of skipped) out.push(`skipped ${s.file}: ${s.reason}`);
  if (skipped.length > 0) out.push('');
  // Lines are appended one by one: a page of millions of lines must not go through one call's argument list.
  for (const plan of plans) {
    for (const line of planLines(plan, settings, uncovered.has(plan))) out.push(line);
    out.push('');
  }
  if (notes.length > 0) {
    out.push(preflight.stopsRun ? 'A real run would stop in its preflight and run nothing:' : 'A real run would leave these pages out in its preflight (the others would run):');
    for (const note of notes) out.push(`  ${note}`);
    out.push('');
  }
  const steps = plural(plans.reduce((n, p) => n + p.steps.length, 0), 'step');
  const leftOut = preflight.stopsRun ? plans.length : plans.filter((plan) => preflight.leftOut.has(plan)).length;
  // A page the preflight would leave out is planned, but would not run: the count says so.
  if (leftOut === 0) out.push(`${plural(plans.length, 'page')} would run, ${steps}; nothing was run`);
  else out.push(`${plural(plans.length, 'page')} planned, ${steps}; ${leftOut} left out by the preflight, so ${plans.length - leftOut} would run; nothing was run`);
  return `${out.join('\n')}\n`;
}

// One page: its header, then each step.
function planLines(plan: RunPlan, settings: DryRunSettings, uncovered: boolean): string[] {
  const tabs = Object.entries(plan.tabs).map(([k, v]) => `${k}=${v}`).join(', ');
  const script = plan.kind === 'script' ? plan.script : undefined;
  const label = uncovered ? ', page plan: no istio.io test script covers this page (--uncovered-pages)' : '';
  const via = script ? `, script ${script.file} (@setup ${script.setup || '?'})` : `${label}${plan.setup ? `, setup ${plan.setup} (doctest.yaml)` : ''}`;
  const header = `${plan.page.file} [${plan.page.lang}] ${plural(plan.steps.length, 'step')}${via}${tabs ? `, tabs ${tabs}` : ''}; programs: ${plan.programs.join(', ') || 'none'}`;
  // Lines are appended one by one: a page of millions of lines must not go through one call's argument list.
  const lines = [header];
  for (const error of plan.errors) lines.push(`  ${diagnosticLine(error)}`);
  for (const step of plan.steps) for (const line of stepLines(step, plan.steps.length, settings)) lines.push(line);
  return lines;
}

// One step: where, id, verification, the command, the expected output.
function stepLines(step: PlannedStep, total: number, settings: DryRunSettings): string[] {
  const n = progress(step, total);
  const pad = ' '.repeat(n.length + 3);
  const flags = [step.hidden ? 'hidden' : '', step.cleanup ? 'cleanup' : '', step.skip !== undefined ? `skipped: ${step.skip}` : ''].filter(Boolean).join(', ');
  const scripted = step as PlannedStep & { script?: string; scriptLine?: number; missing?: string };
  const from = scripted.script !== undefined && scripted.file !== scripted.script ? `  (${scripted.script.replace(/^.*[\\/]/, '')}:${scripted.scriptLine})` : '';
  const lines = [`  ${n} ${step.file}:${step.line}  ${step.id}${from}${flags ? `  [${flags}]` : ''}`];
  lines.push(`${pad}verify: ${scripted.missing ? `fails: ${scripted.missing}` : verification(step, settings)}`);
  step.command.split('\n').forEach((l, i) => lines.push(`${pad}${i === 0 ? '$ ' : '  '}${l}`));
  // The verify and wait calls inside the statement: each is reported as a step of its own when it runs (or is passed over).
  for (const call of (step as PlannedStep & { nested?: NestedCall[] }).nested ?? []) {
    const at = call.file !== call.script ? `${call.file}:${call.line}  ` : '';
    lines.push(`${pad}nested: ${at}${call.call}  (${call.script.replace(/^.*[\\/]/, '')}:${call.scriptLine})${call.conditions.length > 0 ? `  under: ${call.conditions.join(' › ')}` : ''}`);
  }
  if (step.expected.trim() !== '') {
    lines.push(`${pad}expected:`);
    for (const l of step.expected.split('\n')) lines.push(`${pad}  ${l}`);
  }
  return lines;
}

// How the step would be judged, in words.
function verification(step: PlannedStep, settings: DryRunSettings): string {
  const { mode, arg } = step.verify;
  const timeout = `time-out ${duration(step.timeoutMs ?? settings.stepTimeoutMs)}`;
  if (mode === 'none') return `exit code 0, ${timeout}`;
  if (mode === 'failure') return `a non-zero exit code, ${timeout}`;
  const what = arg !== undefined ? `${mode} ${JSON.stringify(arg)}` : mode;
  const scripted = 'verifyEnv' in step;
  const retry = scripted ? "retried as verify.sh does (VERIFY_TIMEOUT, VERIFY_DELAY, VERIFY_CONSECUTIVE)" : step.retry ? `retried until it matches or ${duration(settings.retryTimeoutMs)} pass` : 'run once';
  return `output ${what}, ${retry}, ${timeout}`;
}
