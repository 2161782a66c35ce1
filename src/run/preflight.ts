// The preflight: before any step runs, every `@path@` file exists, every program the pages call is on PATH, and no
// page has an error. Each problem says what is missing and how to get it; any problem means nothing runs.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { RunPlan } from '../plan/plan.js';

export interface PreflightOptions {
  /** `--istio-dir` or `$ISTIO_DIR`. */
  istioDir?: string;
  /** PATH to look programs up in. */
  path?: string;
}

const installHints: Record<string, string> = {
  kubectl: 'install kubectl (https://kubernetes.io/docs/tasks/tools/) and create a disposable cluster, e.g. with kind (https://kind.sigs.k8s.io: `kind create cluster`)',
  istioctl: 'download an Istio release (`curl -L https://istio.io/downloadIstio | sh -`) and put its bin/ on PATH; --istio-dir can point at the same release',
  helm: 'install helm (https://helm.sh/docs/intro/install/)',
  kind: 'install kind (https://kind.sigs.k8s.io/docs/user/quick-start/#installation)',
  jq: 'install jq (your package manager: `apt-get install jq`, `brew install jq`)',
  curl: 'install curl (your package manager)',
  openssl: 'install openssl (your package manager)',
  docker: 'install a container engine (Docker or Podman)',
};

// Checks every plan; returns the problems, each one sentence naming the page when it is about one.
export function preflight(plans: RunPlan[], options: PreflightOptions = {}): string[] {
  const problems: string[] = [];
  for (const plan of plans) for (const error of plan.errors) problems.push(`${error} (fix the page before running it)`);
  problems.push(...istioFileProblems(plans, options.istioDir));
  problems.push(...programProblems(plans, options.path ?? process.env.PATH ?? ''));
  return problems;
}

// The `@path@` files, checked under the Istio directory.
function istioFileProblems(plans: RunPlan[], istioDir: string | undefined): string[] {
  const needed = pagesBy(plans, (plan) => plan.istioFiles);
  if (needed.size === 0) return [];
  const first = [...needed.keys()][0];
  if (!istioDir) {
    return [`${[...needed.values()][0][0]} uses files of an Istio release (${first}${needed.size > 1 ? ` and ${needed.size - 1} more` : ''}): give one with --istio-dir DIR or ISTIO_DIR=DIR (a release from https://istio.io/downloadIstio or a checkout of istio/istio)`];
  }
  if (!isDirectory(istioDir)) return [`--istio-dir ${istioDir}: no such folder`];
  const problems: string[] = [];
  for (const [file, pages] of needed) {
    if (!exists(join(resolve(istioDir), file))) problems.push(`${pages[0]} uses @${file}@, which is not in ${istioDir}${pages.length > 1 ? ` (nor for ${pages.length - 1} other page${pages.length > 2 ? 's' : ''})` : ''}`);
  }
  return problems;
}

// The programs the pages call first, looked up on PATH (paths with a slash may be made by the page itself: not checked).
function programProblems(plans: RunPlan[], path: string): string[] {
  const problems: string[] = [];
  for (const [program, pages] of [...pagesBy(plans, (plan) => plan.programs)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (program.includes('/') || which(program, path)) continue;
    const hint = installHints[program] ?? `install ${program} or put it on PATH`;
    problems.push(`${program} is not on PATH (called by ${pages[0]}${pages.length > 1 ? ` and ${pages.length - 1} more page${pages.length > 2 ? 's' : ''}` : ''}): ${hint}`);
  }
  return problems;
}

// The pages that need each file or program, in plan order, so a problem can name the first page and count the rest.
function pagesBy(plans: RunPlan[], needs: (plan: RunPlan) => string[]): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  for (const plan of plans) {
    for (const key of needs(plan)) {
      const list = pages.get(key);
      if (list) list.push(plan.page.file);
      else pages.set(key, [plan.page.file]);
    }
  }
  return pages;
}

// Finds an executable on PATH, like `command -v`.
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

// Whether a path is a folder.
function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
