// From a page to its run plan: bash steps in page order, boilerplates where they stand, one tab per tabset,
// verification from the spec, cleanup sections marked.
import type { BlockSpec, Spec } from '../config/spec.js';
import { istioFilesIn } from '../page/substitute.js';
import type { Block, Diagnostic, Page } from '../page/types.js';
import { inCleanupSection } from './cleanup.js';
import { hiddenSteps } from './hidden-steps.js';
import { skipReason } from '../config/skip-reason.js';
import type { FirstUse, PlannedStep, PagePlan, Verification } from './plan.js';
import { localOnly, shellFacts } from './programs.js';

export interface PlanOptions {
  /** Tab chosen per category (`--tab config-api=gateway-api`); the first tab of a tabset otherwise. */
  tabs?: Record<string, string>;
  spec?: Spec;
  /** Problems of the spec file itself: its errors stop the run like the page's own. */
  specDiagnostics?: Diagnostic[];
  /** The spec's file and the line of each `page:` entry (`before.0`), where its hidden steps are reported. */
  specFile?: string;
  specLines?: Record<string, number>;
  /** The istio.io checkout `page.source` files are in (`--repo-root`). */
  repoRoot?: string;
  /** Functions the `page.source` helper files define (not programs). */
  sourcedFunctions?: string[];
  /** Blocks (`file:line` of their opener) whose expected output drift knows was translated: it can never match. */
  translatedBlocks?: ReadonlySet<string>;
}

/** Why a step is not retried when its expected output was translated. */
export const TRANSLATED_NO_RETRY = 'its expected output was translated (drift: translated), so waiting cannot make it match';

// Why waiting cannot change a step's output, when it cannot: a translated expected output, or commands that reach
// neither the cluster nor the network. Undefined when retries may help (or doctest.yaml's `retry:` decides).
function noRetryReason(command: string, translated: boolean, spec: BlockSpec | undefined): string | undefined {
  if (spec?.retry !== undefined) return undefined;
  if (translated) return TRANSLATED_NO_RETRY;
  const programs = localOnly(command);
  if (programs === undefined) return undefined;
  const what = programs.length > 0 ? programs.join(', ') : 'builtins';
  return `its commands (${what}) reach neither the cluster nor the network, so waiting cannot change the output`;
}

type Item = { kind: 'block'; page: Page; block: Block } | { kind: 'page'; page: Page };

/** Builds the run plan of a page: its steps in order, and what the preflight must find for them. */
export function buildPlan(page: Page, options: PlanOptions = {}): PagePlan {
  const tabs = { ...(options.spec?.page?.tabs ?? {}), ...(options.tabs ?? {}) };
  const steps: PlannedStep[] = [];
  const calls: FirstUse[] = (options.spec?.page?.requires ?? []).map((name) => ({ name, file: page.file, line: 1 }));
  // Functions and aliases a page defines anywhere (even after their first use, or in a skipped block) are not programs.
  const defined = new Set<string>();
  const files: FirstUse[] = [];
  const errors: Diagnostic[] = [];
  const visit = (current: Page, chain: Set<string>) => {
    if (chain.has(current.file)) return;
    const next = new Set(chain).add(current.file);
    for (const d of current.diagnostics) if (d.severity === 'error') errors.push(d);
    for (const item of itemsInOrder(current)) {
      if (item.kind === 'page') {
        visit(item.page, next);
        continue;
      }
      const { block } = item;
      if (block.syntax !== 'bash' || !block.steps || !chosen(block, current, tabs)) continue;
      const key = block.id ?? block.placeId;
      const blockSpec = key ? options.spec?.blocks?.[key] : undefined;
      const skip = skipReason(block, blockSpec);
      // A step that never runs needs neither its files nor its programs.
      if (skip === undefined) {
        block.rawLines.forEach((raw, i) => files.push(...istioFilesIn(raw).map((name) => ({ name, file: block.file, line: block.line + 1 + i }))));
      }
      const cleanup = inCleanupSection(current.sections, block.line);
      const translated = options.translatedBlocks?.has(`${block.file}:${block.line}`) === true;
      for (const step of block.steps) {
        const facts = shellFacts(step.command);
        const noRetry = noRetryReason(step.command, translated, blockSpec);
        for (const name of [...facts.functions, ...facts.aliases]) defined.add(name);
        if (skip === undefined) calls.push(...facts.calls.map((name) => ({ name, file: block.file, line: step.line })));
        steps.push({
          id: block.id ?? `${block.file}:${block.line}`,
          index: steps.length + 1,
          file: block.file,
          line: step.line,
          blockLine: block.line,
          ...(step.expectedLine !== undefined ? { expectedLine: step.expectedLine } : {}),
          command: step.command,
          expected: step.expected,
          verify: verification(step.expected, blockSpec?.verify, blockSpec?.arg),
          retry: blockSpec?.retry ?? true,
          ...(noRetry !== undefined ? { noRetry } : {}),
          ...(blockSpec?.timeout !== undefined ? { timeoutMs: blockSpec.timeout } : {}),
          ...(skip !== undefined ? { skip } : {}),
          cleanup,
          section: block.heading?.text ?? '',
        });
      }
    }
  };
  visit(page, new Set());
  for (const d of options.specDiagnostics ?? []) if (d.severity === 'error') errors.push(d);
  // doctest.yaml's hidden steps: sourced helpers and `before` first, `cleanup` after the page's own cleanup.
  const hidden = hiddenSteps(options.spec?.page, options.specFile ?? page.file, options.specLines ?? {});
  for (const name of [...hidden.defined, ...(options.sourcedFunctions ?? [])]) defined.add(name);
  const all = [...hidden.before, ...steps, ...hidden.after].map((step, i) => ({ ...step, index: i + 1 }));
  const programUses = firstUses([...hidden.calls, ...calls].filter((use) => !defined.has(use.name)));
  const istioFileUses = firstUses([...hidden.istioFiles, ...files]);
  const setup = options.spec?.page?.setup;
  return {
    kind: 'page',
    page,
    steps: all,
    programs: programUses.map((use) => use.name),
    programUses,
    istioFiles: istioFileUses.map((use) => use.name),
    istioFileUses,
    tabs,
    errors,
    ...(setup !== undefined ? { setup } : {}),
    ...(hidden.sources.length > 0 ? { sourceUses: hidden.sources, repoRoot: options.repoRoot ?? '.' } : {}),
  };
}

// The first use of each name, sorted by name.
function firstUses(uses: FirstUse[]): FirstUse[] {
  const first = new Map<string, FirstUse>();
  for (const use of uses) if (!first.has(use.name)) first.set(use.name, use);
  return [...first.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

// The page's blocks and resolved includes, merged in line order.
function itemsInOrder(page: Page): Item[] {
  const items: { line: number; item: Item }[] = [
    ...page.blocks.map((block) => ({ line: block.line, item: { kind: 'block', page, block } as Item })),
    ...page.includes.filter((i) => i.page).map((i) => ({ line: i.line, item: { kind: 'page', page: i.page! } as Item })),
  ];
  return items.sort((a, b) => a.line - b.line).map((entry) => entry.item);
}

// Whether a block's tab is the one chosen for its tabset (by category value, else the first tab).
function chosen(block: Block, page: Page, tabs: Record<string, string>): boolean {
  if (!block.tab) return true;
  const wanted = tabs[block.tab.category];
  if (wanted === undefined) return block.tab.index === 0;
  const available = page.blocks.filter((b) => b.tab && b.tab.tabset === block.tab!.tabset).map((b) => b.tab!.value);
  return available.includes(wanted) ? block.tab.value === wanted : block.tab.index === 0;
}

// The verification of a step: the spec's, else `auto` when the page shows output, else the exit code alone.
function verification(expected: string, mode: Verification['mode'] | undefined, arg: string | undefined): Verification {
  if (mode) return { mode, ...(arg !== undefined ? { arg } : {}) };
  return { mode: expected.trim() === '' ? 'none' : 'auto' };
}
