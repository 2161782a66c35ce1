// The run plan: the ordered steps of one page (boilerplates inlined, one tab per tabset), ready for the runner.
import { MATCH_MODES } from '../match/types.js';
import type { Diagnostic, Page } from '../page/types.js';

/** How a step's result can be judged: the matcher's modes, `failure` (wants a non-zero exit), `none` (only runs it). */
export const VERIFY_MODES = [...MATCH_MODES, 'failure', 'none'] as const;
export type VerifyMode = (typeof VERIFY_MODES)[number];

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
  /** Why a non-matching output is not retried although `retry` is set: waiting cannot change it (its expected output
   * was translated, or its commands reach neither the cluster nor the network). doctest.yaml's `retry:` overrides it. */
  noRetry?: string;
  /** Step time-out from the spec, overriding `--step-timeout`. */
  timeoutMs?: number;
  /** Why the step is not run (`skipped by doctest.yaml: ...`, or its block is `snip_id=none`). */
  skip?: string;
  /** Whether the step belongs to a cleanup section (always runs). */
  cleanup: boolean;
  /** Heading text of the section the step is in. */
  section: string;
  /** A step doctest.yaml adds to the page (`page.source`, `page.before`, `page.cleanup`): `file` and `line` are the
   * doctest.yaml's, and the page does not show it. */
  hidden?: true;
}

/** Where a page first needs a program or an Istio file, so a preflight problem points at that line. */
export interface FirstUse {
  /** Program name (`kubectl`) or `@path@` file (`samples/curl/curl.yaml`). */
  name: string;
  file: string;
  line: number;
}

/** Everything the runner needs to run one page. */
export interface RunPlan {
  page: Page;
  steps: PlannedStep[];
  /** Programs the page's steps call (`kubectl`, `istioctl`, `curl`...; not builtins, functions or aliases), for the preflight. */
  programs: string[];
  /** Where each program is first called (the page's own line for `requires:` of doctest.yaml). */
  programUses: FirstUse[];
  /** `@path@` files the page references, relative to the Istio directory, for the preflight. */
  istioFiles: string[];
  /** Where each file is first referenced. */
  istioFileUses: FirstUse[];
  /** Tab chosen per tabset category (`config-api` → `gateway-api`). */
  tabs: Record<string, string>;
  /** Error diagnostics of the page, its boilerplates and its doctest.yaml: a plan with any does not run. */
  errors: Diagnostic[];
  /** The setup config the page needs (doctest.yaml `page.setup`); absent means `profile=none`. */
  setup?: string;
  /** istio.io helper files doctest.yaml's `page.source` sources (`name` relative to `repoRoot`), at their spec line,
   * for the preflight. */
  sourceUses?: FirstUse[];
  /** The istio.io checkout (`--repo-root`) the helper files are in, and whose entries the session's folder links. */
  repoRoot?: string;
}
