// The pages one run works on, with their vars and reference pages, and what is read for them on the way (pages the
// scripts source, doctest.yaml specs): caches that live as long as the run, not as long as the process.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findSpecFile, readSpec, type SpecResult } from '../config/spec.js';
import { siteRootOf } from '../config/vars.js';
import { readRegularFile } from '../page/regular-file.js';
import type { Page, Vars } from '../page/types.js';
import { buildPlan } from '../plan/build-plan.js';
import type { PagePlan } from '../plan/plan.js';
import { shellFacts } from '../plan/programs.js';
import { outputDrift } from '../translate/output-drift.js';
import { loadPages, type LoadedPages } from './pages.js';

/** The loaded pages of a run and the files read for them, each once. */
export class Workspace {
  private readonly sourced = new Map<string, Page | undefined>();
  private readonly sourcedVars = new Map<Page, Vars | undefined>();
  private readonly specs = new Map<string, SpecResult>();

  constructor(
    readonly loaded: LoadedPages,
    /** The `--vars` file, when one was given. */
    readonly varsFile: string | undefined,
    /** The reference language (`none`: each page keeps its own ids). */
    readonly reference: string,
  ) {}

  /** A page's vars: those it was loaded with (a page the scripts source, or one of the run's). */
  varsOf(page: Page): Vars | undefined {
    return this.sourcedVars.has(page) ? this.sourcedVars.get(page) : this.loaded.varsOf(page);
  }

  /** A page a script sources (with the reference ids of translations), loaded once; undefined when there is none. */
  sourcedPage(file: string): Page | undefined {
    const key = resolve(file);
    if (this.sourced.has(key)) return this.sourced.get(key);
    let page: Page | undefined;
    if (existsSync(file)) {
      const loaded = loadPages([file], this.varsFile, { reference: this.reference });
      page = loaded.pages[0];
      if (page) this.sourcedVars.set(page, loaded.varsOf(page));
    }
    this.sourced.set(key, page);
    return page;
  }

  /** The page's run plan, with its doctest.yaml (beside it or beside the reference page, read once); `repoRoot` is the
   * istio.io checkout `page.source` files are in (default: the folder holding the page's `content/`). */
  planOf(page: Page, tabs: Record<string, string>, repoRoot?: string, withTranslated = false): PagePlan {
    const file = findSpecFile(page.file, this.reference);
    let spec: SpecResult | undefined;
    if (file) {
      spec = this.specs.get(file) ?? readSpec(file);
      this.specs.set(file, spec);
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
      ...(withTranslated ? { translatedBlocks: this.translatedBlocks(page) } : {}),
    });
  }

  // The blocks of a page (and its boilerplates) whose expected output was translated, by `file:line` of their opener.
  private translatedBlocks(page: Page): Set<string> {
    const found = new Set<string>();
    for (const [key, drift] of outputDrift([page], this.loaded.referenceOf)) if (drift.kind === 'translated') found.add(key);
    return found;
  }
}

// The functions a helper file defines, so the preflight does not take them for programs; none if it is unreadable
// (the preflight reports a missing one).
function definedIn(file: string): string[] {
  const read = readRegularFile(file);
  return read.ok ? shellFacts(read.text).functions : [];
}
