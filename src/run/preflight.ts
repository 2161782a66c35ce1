// The preflight: before any step runs, every `@path@` file a page needs exists, every program it calls is on PATH,
// the programs its setup config is brought up with (istioctl, kubectl) are there, and it has no error. Each problem
// is a diagnostic at the line that needs the file or program, saying how to get it; a page with any does not run,
// and the others do.
import type { RuleId } from '../page/rules.js';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { groupBySetup, setupAction, setupOfPlan } from '../istio/setup-groups.js';
import type { Diagnostic } from '../page/types.js';
import type { FirstUse, RunPlan } from '../plan/plan.js';
import { usesCluster } from './plan-pages.js';
import { istioctlOf } from './setup-istio.js';

export interface PreflightOptions {
  /** `--istio-dir` or `$ISTIO_DIR` (an existing folder: the command line checks it). */
  istioDir?: string;
  /** PATH to look programs up in. */
  path?: string;
  /** `manage` (run's default): each setup group is brought up with istioctl and kubectl, which are checked; `keep`
   * (the default here, as in library use): the cluster is trusted as it is. */
  setup?: 'manage' | 'keep';
  /** How the user gives the Istio directory and the istio.io checkout, for the problems that lack them (default: the
   * command line's `--istio-dir DIR or ISTIO_DIR=DIR` and `--repo-root DIR`). */
  give?: { istioDir: string; repoRoot: string };
}

/** The preflight's verdict: the plans that can run, and those that cannot with their problems. */
export interface Preflight {
  ready: RunPlan[];
  blocked: { plan: RunPlan; problems: Diagnostic[] }[];
  /** One line per program a setup group needs and cannot find: which program, which groups, how to get it. */
  setupProblems: string[];
  /** One line per program pages call and PATH lacks (one a setup line names is not repeated): how many pages, where
   * first, how to get it. */
  programLines: string[];
}

/** How to get each program a page (or `cluster up`) may need, for the one-line "missing" messages. */
export const installHints: Record<string, string> = {
  kubectl: 'install kubectl (https://kubernetes.io/docs/tasks/tools/) and create a disposable cluster, e.g. with kind (https://kind.sigs.k8s.io: `kind create cluster`)',
  istioctl: 'download an Istio release (`curl -L https://istio.io/downloadIstio | sh -`) and put its bin/ on PATH; --istio-dir can point at the same release',
  helm: 'install helm (https://helm.sh/docs/intro/install/)',
  kind: 'install kind (https://kind.sigs.k8s.io/docs/user/quick-start/#installation)',
  jq: 'install jq (your package manager: `apt-get install jq`, `brew install jq`)',
  curl: 'install curl (your package manager)',
  openssl: 'install openssl (your package manager)',
  docker: 'install a container engine (Docker or Podman)',
};

/** Checks every plan: the page's errors, its Istio files, its programs; problems never cross from one page to another. */
export function preflight(plans: RunPlan[], options: PreflightOptions = {}): Preflight {
  const path = options.path ?? process.env.PATH ?? '';
  const found = new Map<string, boolean>();
  const onPath = (program: string) => found.get(program) ?? found.set(program, which(program, path) !== undefined).get(program)!;
  const result: Preflight = { ready: [], blocked: [], setupProblems: [], programLines: [] };
  const called = new Map<string, { pages: number; first: FirstUse }>();
  const give = options.give ?? { istioDir: '--istio-dir DIR or ISTIO_DIR=DIR', repoRoot: '--repo-root DIR' };
  const setup = options.setup === 'manage' ? setupPrograms(options.istioDir, onPath) : undefined;
  const short = new Map<string, { configs: Set<string>; pages: number }>();
  for (const plan of plans) {
    const missing = setup ? setup.missing(plan) : [];
    for (const program of missing) {
      const entry = short.get(program) ?? short.set(program, { configs: new Set(), pages: 0 }).get(program)!;
      entry.configs.add(setupOfPlan(plan));
      entry.pages++;
    }
    const own = programProblems(plan, onPath);
    for (const use of new Map(plan.programUses.filter((u) => !u.name.includes('/') && !onPath(u.name)).map((u) => [u.name, u])).values()) {
      const entry = called.get(use.name) ?? called.set(use.name, { pages: 0, first: use }).get(use.name)!;
      entry.pages++;
    }
    // A program the page calls itself and lacks is already a problem at the page's own line.
    const setupOnly = missing.filter((program) => !plan.programUses.some((use) => use.name === program));
    const problems = [...setupOnly.map((program) => setupProblem(plan, program, setup!.where(program))), ...plan.errors, ...istioFileProblems(plan, options.istioDir, give.istioDir), ...helperFileProblems(plan, give.repoRoot), ...own];
    if (problems.length === 0) result.ready.push(plan);
    else result.blocked.push({ plan, problems });
  }
  for (const [program, { configs, pages }] of short) {
    const groups = groupBySetup([...configs], (config) => config).map((g) => g.setup).join(', ');
    result.setupProblems.push(`${program} is missing (${setup!.where(program)}): ${program === 'istioctl' ? 'it installs Istio for' : 'it brings up'} the setup${configs.size > 1 ? 's' : ''} ${groups}, so ${pages === 1 ? 'its page is' : `their ${pages} pages are`} skipped; ${installHints[program]}`);
  }
  for (const [program, { pages, first }] of called) {
    if (short.has(program)) continue;
    result.programLines.push(`${program} is not on PATH: ${pages === 1 ? 'the page that calls it is' : `the ${pages} pages that call it are`} skipped (first called at ${first.file}:${first.line}); ${installHints[program] ?? `install ${program} or put it on PATH`}`);
  }
  return result;
}

/** The programs bringing a group to its setup config runs: istioctl (of --istio-dir, else on PATH) and kubectl for a
 * group that installs Istio, kubectl for a profile=none group that uses the cluster (an Istio left installed is
 * removed first). */
function setupPrograms(istioDir: string | undefined, onPath: (program: string) => boolean) {
  // The istioctl the setup will run (istioctlOf): the release's when it exists, executable or not.
  const chosen = istioctlOf(istioDir);
  const found = (program: string) => (program === 'istioctl' && chosen !== 'istioctl' ? isExecutable(chosen) : onPath(program));
  return {
    missing(plan: RunPlan): string[] {
      const action = setupAction(setupOfPlan(plan));
      const needs = action.kind === 'install' ? ['istioctl', 'kubectl'] : action.kind === 'none' && usesCluster(plan) ? ['kubectl'] : [];
      return needs.filter((program) => !found(program));
    },
    where: (program: string) => (program !== 'istioctl' ? 'not on PATH' : chosen !== 'istioctl' ? `${chosen} is not executable` : `not in ${istioDir ? `${istioDir}/bin` : 'the --istio-dir release\'s bin/ (no --istio-dir given)'} nor on PATH`),
  };
}

// A page skipped because its setup group cannot be brought up: at its script's `# @setup` line (the page's first line
// for a page plan).
function setupProblem(plan: RunPlan, program: string, where: string): Diagnostic {
  const script = plan.kind === 'script' ? plan.script : undefined;
  const config = setupOfPlan(plan);
  const why = program === 'istioctl' ? `setup ${config} installs Istio with istioctl` : `setup ${config} is brought up with kubectl`;
  return { file: script?.file ?? plan.page.file, line: script?.setupLine ?? 1, column: 1, severity: 'error', ruleId: 'program-missing', message: `${why}, which is ${where}: ${installHints[program]}` };
}

/** Why a page was left out by the preflight, in one line: its first problem, and how many more there are. */
export function blockedReason(problems: Diagnostic[]): string {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `preflight: ${first.message} at ${first.file}:${first.line}${more}`;
}

// The `@path@` files of a page, checked under the Istio directory.
function istioFileProblems(plan: RunPlan, istioDir: string | undefined, give: string): Diagnostic[] {
  const uses = plan.istioFileUses;
  if (uses.length === 0) return [];
  if (!istioDir) {
    const [first] = uses;
    const more = uses.length > 1 ? ` and ${uses.length - 1} more` : '';
    return [problem(first, 'istio-dir-missing', `uses files of an Istio release (${first.name}${more}): give one with ${give} (a release from https://istio.io/downloadIstio or a checkout of istio/istio)`)];
  }
  return uses.filter((use) => !exists(join(resolve(istioDir), use.name))).map((use) => problem(use, 'istio-file-missing', `uses @${use.name}@, which is not in ${istioDir}`));
}

// The istio.io helper files doctest.yaml's `page.source` names, checked under the checkout (`--repo-root`).
function helperFileProblems(plan: RunPlan, give: string): Diagnostic[] {
  const root = plan.repoRoot ?? '.';
  return (plan.sourceUses ?? []).filter((use) => !exists(join(root, use.name))).map((use) => problem(use, 'helper-file-missing', `page.source: ${use.name} is not in the istio.io checkout ${root} (give one with ${give})`));
}

// The programs a page calls, looked up on PATH (paths with a slash may be made by the page itself: not checked).
function programProblems(plan: RunPlan, onPath: (program: string) => boolean): Diagnostic[] {
  return plan.programUses
    .filter((use) => !use.name.includes('/') && !onPath(use.name))
    .map((use) => problem(use, 'program-missing', `${use.name} is not on PATH: ${installHints[use.name] ?? `install ${use.name} or put it on PATH`}`));
}

// A preflight problem at the line that needs the file or program.
function problem(use: FirstUse, ruleId: RuleId, message: string): Diagnostic {
  return { file: use.file, line: use.line, column: 1, severity: 'error', ruleId, message };
}

/** Finds an executable on PATH, like `command -v`. */
export function which(program: string, path: string = process.env.PATH ?? ''): string | undefined {
  if (isAbsolute(program)) return isExecutable(program) ? program : undefined;
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, program);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

// Whether a path is an executable file.
function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// Whether a path exists (file or folder, links followed).
function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Whether a path is a folder. */
export function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
