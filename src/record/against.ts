// `check --against RECORD`: a page's steps judged against what the same steps printed in a recorded run (of the
// English page, most often), with the matcher and mode a run would use. Pure: the plan and the record are given.
import type { PlannedStep, RunPlan } from '../plan/plan.js';
import type { StepFailure } from '../plan/step-failure.js';
import { verify } from '../run/verify.js';
import { recordKey, type RunRecord, type RecordStep } from './schema.js';

/** How one step of the page stands against the record. */
export type AgainstKind = 'would-pass' | 'would-fail' | 'not-comparable' | 'after-drift' | 'no-record' | 'not-run';

/** One step's standing, with what a reader needs to act on it. */
export interface AgainstFinding {
  kind: AgainstKind;
  step: PlannedStep;
  /** The recorded step it was compared with. */
  recorded?: RecordStep;
  /** Why: the matcher's short reason, or the two commands. */
  message: string;
  /** The matcher's diff of a step that would fail. */
  diff: string;
  /** A step that would fail: its failing line (the first expected line that differs), as a run would tell it. */
  failure?: StepFailure;
}

// Each step of a page's plan against the record: same page and block id (the reference's) and same command → judged
// on the recorded output; another command → not comparable; none recorded → counted, never guessed.
// The reference language's run is looked up first (it serves every translation), then the page's own language's.
export function againstRecord(plan: RunPlan, inSite: string, langs: string[], record: RunRecord): AgainstFinding[] {
  const seen = new Map<string, number>();
  const findings: AgainstFinding[] = [];
  // Once a command differs, the cluster and the session differ from the recorded run's: later outputs say nothing.
  let drifted: PlannedStep | undefined;
  for (const step of plan.steps) {
    if (step.hidden) continue;
    const occurrence = (seen.get(step.id) ?? 0) + 1;
    seen.set(step.id, occurrence);
    if (step.skip) {
      findings.push({ kind: 'not-run', step, message: step.skip, diff: '' });
      continue;
    }
    const recorded = langs.map((lang) => record.steps.get(recordKey(lang, inSite, step.id, occurrence))).find((r) => r !== undefined);
    if (!recorded) {
      findings.push({ kind: 'no-record', step, message: `the record has no step ${step.id}${occurrence > 1 ? ` (${occurrence})` : ''} of ${inSite}`, diff: '' });
      continue;
    }
    if (normalized(recorded.command) !== normalized(step.command)) {
      const [was, now] = firstDifference(recorded.command, step.command);
      findings.push({ kind: 'not-comparable', step, recorded, message: `not comparable: the command drifted from the recorded one (recorded at ${recorded.file}:${recorded.line}: ${was}; here: ${now})`, diff: '' });
      drifted ??= step;
      continue;
    }
    if (drifted && !step.cleanup) {
      findings.push({ kind: 'after-drift', step, recorded, message: `not compared: an earlier command of the page drifted (${drifted.file}:${drifted.line}), so what this one sees may differ from the recorded run`, diff: '' });
      continue;
    }
    if (recorded.status === 'timeout' || recorded.status === 'interrupted') {
      findings.push({ kind: 'no-record', step, recorded, message: `the recorded step did not end (${recorded.status})`, diff: '' });
      continue;
    }
    const verdict = verify(step, { output: recorded.output, exitCode: recorded.exitCode ?? undefined, timedOut: false, interrupted: false, message: recorded.exitCode ? `exit code ${recorded.exitCode}` : '' } as Parameters<typeof verify>[1]);
    findings.push(verdict.ok ? { kind: 'would-pass', step, recorded, message: '', diff: '' } : { kind: 'would-fail', step, recorded, message: verdict.message, diff: verdict.diff, ...(verdict.failure ? { failure: verdict.failure } : {}) });
  }
  return findings;
}

// A command compared as a run would see it: trailing spaces and the final newline do not count.
function normalized(command: string): string {
  return command.split('\n').map((line) => line.trimEnd()).join('\n').trim();
}

// The first line where two commands differ, each shortened, for one-line messages (a heredoc's body may differ).
function firstDifference(a: string, b: string): [string, string] {
  const x = normalized(a).split('\n');
  const y = normalized(b).split('\n');
  let i = 0;
  while (i < Math.min(x.length, y.length) - 1 && x[i] === y[i]) i++;
  const short = (line: string | undefined) => (line === undefined ? '(no such line)' : line.length > 80 ? `${line.slice(0, 77)}...` : line);
  const where = i > 0 ? `line ${i + 1} ` : '';
  return [`${where}${short(x[i])}`, `${where}${short(y[i])}`];
}

/** Counts of findings by kind, for the summary line. */
export function countAgainst(findings: AgainstFinding[]): Record<AgainstKind, number> {
  const counts: Record<AgainstKind, number> = { 'would-pass': 0, 'would-fail': 0, 'not-comparable': 0, 'after-drift': 0, 'no-record': 0, 'not-run': 0 };
  for (const f of findings) counts[f.kind]++;
  return counts;
}

/** Why a record is stale for these pages, or nothing: older than the age allowed, or of another Istio minor version. */
export function staleness(record: RunRecord, now: Date, maxAgeMs: number, docsVersion: string | undefined): string[] {
  const reasons: string[] = [];
  const age = now.getTime() - Date.parse(record.header.date);
  if (Number.isFinite(age) && age > maxAgeMs) reasons.push(`it was recorded ${Math.floor(age / 86400000)} days ago (${record.header.date.slice(0, 10)}), more than --max-age allows`);
  const minor = record.header.istio?.match(/^v?(\d+\.\d+)/)?.[1];
  if (minor && docsVersion && minor !== docsVersion) reasons.push(`it ran Istio ${record.header.istio}, and data/args.yml describes ${docsVersion}`);
  return reasons;
}
