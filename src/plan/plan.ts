// The run plan: the ordered steps of one page (boilerplates inlined, one tab per tabset), ready for the runner.
import type { Page } from '../page/types.js';

/** How a step's result is judged; `auto` and the other matcher modes go through match/, `failure` wants a non-zero exit, `none` only runs it. */
export type VerifyMode =
  | 'auto' | 'same' | 'contains' | 'not-contains' | 'lines' | 'regex' | 'first-line' | 'like' | 'elided'
  | 'failure' | 'none';

export interface Verification {
  mode: VerifyMode;
  /** TEXT for contains/not-contains, PATTERN for regex. */
  arg?: string;
}

/** One command to run, with where it is written and how to judge it. */
export interface PlannedStep {
  /** Block id (`snip_...`), or `<file>:<line>` when the block has none. */
  id: string;
  /** 1-based position in the plan. */
  index: number;
  /** Markdown file the step's block is written in (the boilerplate's file for boilerplate steps). */
  file: string;
  /** Line of the step's `$ ` command in that file. */
  line: number;
  /** Line of the block's opener. */
  blockLine: number;
  /** Line of the first expected output line in that file (absent when the step expects no output). */
  expectedLine?: number;
  command: string;
  /** Expected output as the page shows it (empty when none). */
  expected: string;
  verify: Verification;
  /** Whether a non-matching output is retried until the retry time-out. */
  retry: boolean;
  /** Step time-out from the spec, overriding `--step-timeout`. */
  timeoutMs?: number;
  /** Why the step is not run (`skipped by doctest.yaml: ...`, or its block is `snip_id=none`). */
  skip?: string;
  /** Whether the step belongs to a cleanup section (always runs). */
  cleanup: boolean;
  /** Heading text of the section the step is in. */
  section: string;
}

/** Everything the runner needs to run one page. */
export interface RunPlan {
  page: Page;
  steps: PlannedStep[];
  /** Programs the page's commands call first (`kubectl`, `istioctl`, `curl`...), for the preflight. */
  programs: string[];
  /** `@path@` files the page references, relative to the Istio directory, for the preflight. */
  istioFiles: string[];
  /** Tab chosen per tabset category (`config-api` → `gateway-api`). */
  tabs: Record<string, string>;
  /** Error diagnostics of the page and its boilerplates: a plan with any runs nothing. */
  errors: string[];
}
