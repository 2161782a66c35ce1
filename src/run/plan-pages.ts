// The run plan of each page with its doctest.yaml, shared by `istio-doctest run` and the Jest runner.
import { join } from 'node:path';
import { findSpecFile, readSpec, type SpecResult } from '../config/spec.js';
import { siteRootOf } from '../config/vars.js';
import type { Page } from '../page/types.js';
import { buildPlan } from '../plan/build-plan.js';
import type { PagePlan, RunPlan } from '../plan/plan.js';
import { shellFacts } from '../plan/programs.js';
import type { Alignment } from '../translate/align.js';
import { outputDrift } from '../translate/output-drift.js';
import { readRegularFile } from '../page/regular-file.js';

const specs = new Map<string, SpecResult>();

/** The page's run plan, with its doctest.yaml (beside it or beside the reference page); a bad spec stops the preflight.
 * `repoRoot` is the istio.io checkout `page.source` files are in (default: the folder holding the page's `content/`). */
export function planOf(page: Page, tabs: Record<string, string>, reference: string, repoRoot?: string, referenceOf?: ReferenceOf): PagePlan {
  const file = findSpecFile(page.file, reference);
  let spec: SpecResult | undefined;
  if (file) {
    spec = specs.get(file) ?? readSpec(file);
    specs.set(file, spec);
  }
  const root = repoRoot ?? siteRootOf(page.file) ?? '.';
  const sources = spec?.spec?.page?.source ?? [];
  return buildPlan(page, {
    tabs,
    spec: spec?.spec,
    specDiagnostics: spec?.diagnostics,
    specFile: spec?.file,
    specLines: spec?.pageLines,
    repoRoot: root,
    sourcedFunctions: sources.flatMap((path) => definedIn(join(root, path))),
    ...(referenceOf ? { translatedBlocks: translatedBlocks(page, referenceOf) } : {}),
  });
}

/** How a translated page finds its reference page and the alignment of their blocks. */
export type ReferenceOf = (page: Page) => { page: Page; alignment: Alignment } | undefined;

// The blocks of a page (and its boilerplates) whose expected output was translated, by `file:line` of their opener.
function translatedBlocks(page: Page, referenceOf: ReferenceOf): Set<string> {
  const found = new Set<string>();
  for (const [key, drift] of outputDrift([page], referenceOf)) if (drift.kind === 'translated') found.add(key);
  return found;
}

// The functions a helper file defines, so the preflight does not take them for programs; none if it is unreadable
// (the preflight reports a missing one).
function definedIn(file: string): string[] {
  const read = readRegularFile(file);
  return read.ok ? shellFacts(read.text).functions : [];
}

/** Whether a page talks to a cluster through the kubeconfig, which is what the context guard protects. A page that
 * sources istio.io helper files (doctest.yaml `page.source`: `startup_curl_sample`...) is taken to, as they are. */
export function usesCluster(plan: RunPlan): boolean {
  return plan.programs.some((program) => ['kubectl', 'istioctl', 'helm', 'kind'].includes(program)) || (plan.sourceUses ?? []).length > 0;
}
