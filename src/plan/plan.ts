// The run plan: the ordered steps of one page (boilerplates inlined, one tab per tabset), ready for the runner.
import { VERIFY_MODES, type VerifyMode } from '../match/types.js';
import type { Diagnostic, Page } from '../page/types.js';

export { VERIFY_MODES, type VerifyMode };

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

/** What every plan has, whatever runs it: the page, its steps in order, and what the preflight checks. */
export interface PlanBase {
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

/** A page's own plan: its `{{< text bash >}}` steps (with its doctest.yaml), run by the page runner. */
export interface PagePlan extends PlanBase {
  kind: 'page';
}

/** A step of a script plan: a PlannedStep plus where the script says it and how it runs. */
export interface ScriptStep extends PlannedStep {
  script: string;
  scriptLine: number;
  kind: 'verify' | 'snippet' | 'shell';
  /** What the session runs (the snippet's function for snippet steps; `command` is what is shown). */
  run: string;
  /** The expected-output word, when its value needs the session (`"$GATEWAY_URL/x"`). */
  expectSource?: string;
  /** VERIFY_TIMEOUT/DELAY/CONSECUTIVE as the script set them at this point (null: unset). */
  verifyEnv?: VerifySettings;
  /** A failing exit status does not fail the step (the script runs without `set -e` here). */
  ignoreExit?: boolean;
  /** Why the step cannot run (a snippet the translation lacks): it fails with this message. */
  missing?: string;
  /** `_verify_*` and `_wait_for_*` calls inside this statement (branches, loops, functions), run by the session's bash
   * functions and reported each as a step of its own. */
  nested?: NestedCall[];
  /** For a nested call's own step: the statement it sits in (its script line) and the conditions it sits under. */
  nestedIn?: { scriptLine: number; conditions: string[] };
}

/** A `_verify_*` or `_wait_for_*` call inside a compound statement, as the script writes it. */
export interface NestedCallSite {
  kind: 'verify' | 'wait';
  fn: string;
  snippet?: string;
  /** The call as written, on one line (cut when long). */
  call: string;
  scriptLine: number;
  /** The conditions it sits under, outermost first (`if [ "$GATEWAY_API" == "true" ]`, `for i in 1 2`, `in function f`). */
  conditions: string[];
  /** The script-defined function it is written in: it runs when that function is called, not where it is defined. */
  inFunction?: string;
}

/** A nested call in a plan: the script it is written in, and where it is reported (a snippet's markdown line in the page
 * of the run's language, else the script's line), with the matcher mode of a verify call. */
export interface NestedCall extends NestedCallSite {
  script: string;
  file: string;
  line: number;
  mode: VerifyMode;
}

/** verify.sh's retry settings (environment variables), as a statement sets them. */
export const VERIFY_SETTINGS = ['VERIFY_TIMEOUT', 'VERIFY_DELAY', 'VERIFY_CONSECUTIVE'] as const;
export type VerifySettings = Partial<Record<(typeof VERIFY_SETTINGS)[number], string | null>>;

/** A generated snips file: its path under the snips folder and its text. */
export interface SnipsFile {
  path: string;
  text: string;
}

/** An istio.io test script's plan (`*test.sh`): its statements as steps, run by the script runner. */
export interface ScriptPlan extends PlanBase {
  kind: 'script';
  steps: ScriptStep[];
  script: { file: string; setup: string; setupLine: number };
  /** The istio.io checkout the script's `tests/util/...` and `content/...` paths resolve in. */
  repoRoot: string;
  /** The page's own snips file (sourced first), when the page has snippets. */
  pageSnips?: string;
  snipsFiles: SnipsFile[];
  /** Helper files under the istio.io checkout the script needs (the injected ones and those it sources). */
  helperFiles: string[];
  /** What the prelude sources for INJECTED_HELPERS, in order: each as written, or its copy with nested sources resolved. */
  injected?: string[];
  warnings: string[];
  /** Where each snippet the script can call is written, for `_verify_*` calls reported from inside functions. */
  snippetLines: Record<string, { file: string; line: number; out?: string; outLine?: number }>;
}

/** Everything the runner needs to run one page or one test script, told apart by `kind`. */
export type Plan = PagePlan | ScriptPlan;

/** The name most of the code knows a plan by. */
export type RunPlan = Plan;
