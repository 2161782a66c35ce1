// What a run found, as flat records the reporters format: one per step, one per page, one for the run.
import type { PlannedStep } from '../plan/plan.js';
import type { StepFailure } from '../plan/step-failure.js';
import type { PageStatus, StepStatus } from '../plan/event-records.js';

/** Statuses as the event lines name them (`interrupted`: the step was running when SIGINT or SIGTERM came). */
export type { PageStatus, StepStatus };

export interface StepResult {
  step: PlannedStep;
  status: StepStatus;
  attempts: number;
  exitCode?: number;
  timedOut: boolean;
  durationMs: number;
  /** The last attempt's output (standard output and error together), its head and tail when it was very long. */
  output: string;
  /** Bytes of the output left out between its head and its tail (absent when none were). */
  droppedBytes?: number;
  /** Short reason for any status but `passed`. */
  message: string;
  /** The matcher's diff of the last attempt, when the output did not match. */
  diff: string;
  /** For any status but `passed` and `skipped`: the failing line (the first expected output line that differs, or the
   * command's line), the kind of failure and the short difference, which every report shows as one line. */
  failure?: StepFailure;
  /** The whole output the matcher compared in the last attempt, when it did not match (`run --update` redraws the page from it). */
  actual?: string;
  /** Cleanup steps' failures are warnings: they never fail the page. */
  warning: boolean;
  /** A failed or timed-out step's picture of the cluster (pods not Ready, their events and logs, proxy-status), bounded. */
  diagnostics?: string;
  /** A test script's statement that ended the script's shell (`exit`): its test part ends there. */
  endedScript?: true;
}


export interface PageResult {
  file: string;
  lang: string;
  status: PageStatus;
  steps: StepResult[];
  durationMs: number;
  /** Why the page was skipped or could not start. */
  message: string;
}

/** A page that was found but does not run, with the reason. */
export interface SkippedPage {
  file: string;
  reason: string;
}

export interface RunSummary {
  pages: PageResult[];
  skipped: SkippedPage[];
  durationMs: number;
  /** 0 all passed, 1 a step failed, 130 interrupted. */
  exitCode: number;
  interrupted: boolean;
}

/** Everything a reporter hears, in order. */
export type RunEvent =
  | { type: 'run-start'; pages: string[]; skipped: SkippedPage[] }
  /** `token`: the value of ISTIO_DOCTEST_RUN in the environment of every process the page starts. */
  | { type: 'page-start'; file: string; lang: string; steps: number; token: string }
  | { type: 'step-start'; page: string; step: PlannedStep; total: number }
  | { type: 'attempt'; page: string; step: PlannedStep; total: number; attempt: number; elapsedMs: number; message: string; retryTimeoutMs?: number }
  | { type: 'step'; page: string; result: StepResult; total: number }
  | { type: 'page'; result: PageResult }
  | { type: 'run-end'; summary: RunSummary };

export type Listener = (event: RunEvent) => void;

// Counts steps by status, for summaries.
export function countSteps(steps: StepResult[]): Record<StepStatus | 'warnings', number> {
  const counts = { passed: 0, failed: 0, timeout: 0, skipped: 0, interrupted: 0, warnings: 0 };
  for (const s of steps) {
    if (s.warning) counts.warnings++;
    else counts[s.status]++;
  }
  return counts;
}
