// Loading the pages named on the command line, with their vars, for every sub-command that reads pages.
import { relative } from 'node:path';
import { defaultVarsFile, readVars, siteRootOf } from '../config/vars.js';
import { diagnostic } from '../page/diagnostics.js';
import { findPages, loadPage } from '../page/load.js';
import { parsePage } from '../page/parse.js';
import type { Page, Vars } from '../page/types.js';
import { attachReferences, type ReferencePair } from '../translate/references.js';

export interface LoadedPages {
  pages: Page[];
  /** Problems outside any page: missing paths, a bad vars file. */
  problems: string[];
  /** Vars per page file. */
  varsOf: (page: Page) => Vars | undefined;
  /** The reference language used for block ids (undefined when disabled). */
  reference?: string;
  /** A translation's reference page (same path under `content/<reference>/`) and the alignment of their blocks. */
  referenceOf: (page: Page) => ReferencePair | undefined;
}

export interface LoadPagesOptions {
  /** Language whose block ids translations take (`en` by default); `none` or null keeps each page's own ids. */
  reference?: string | null;
}

// Loads every page under the given paths; a page that cannot be parsed is reported and the others go on.
export function loadPages(paths: string[], varsFile?: string, options: LoadPagesOptions = {}): LoadedPages {
  const problems: string[] = [];
  const { files, missing } = findPages(paths);
  for (const path of missing) problems.push(`${path}: no such file or folder`);
  const explicit = varsFile ? readVars(varsFile) : undefined;
  if (explicit && !explicit.ok) problems.push(explicit.message);
  const varsByFile = new Map<string, Vars | undefined>();
  const varsCache = new Map<string, Vars | undefined>();
  const cache = new Map<string, Page>();
  const pages: Page[] = [];
  const varsFor = (file: string) => (explicit ? (explicit.ok ? explicit.vars : undefined) : defaultVars(file, varsCache, problems));
  for (const file of files) {
    const vars = varsFor(file);
    const shown = relative(process.cwd(), file) || file;
    try {
      const page = loadPage(shown, { vars, cache });
      varsByFile.set(page.file, vars);
      pages.push(page);
    } catch (error) {
      // The parser is built never to throw; if it does, the page is reported and the run goes on.
      const page = parsePage(shown, '---\n---\n');
      page.diagnostics = [diagnostic({ file: shown, line: 1, ruleId: 'internal-error', message: `istio-doctest could not parse this page (${(error as Error).message}); please report it` })];
      pages.push(page);
    }
  }
  const reference = options.reference === undefined ? 'en' : options.reference === null || options.reference === 'none' ? undefined : options.reference;
  // A reference page is of the same site as its translation (same folder above `content/`), so it gets the same vars.
  const referenceOf = attachReferences(pages, reference, (file) => loadPage(file, { vars: varsFor(file), cache }));
  return { pages, problems, varsOf: (page) => varsByFile.get(page.file), reference, referenceOf };
}

// Finds and reads `data/args.yml` beside the page's `content/` folder, once per site (one look-up per site, not per page).
function defaultVars(file: string, cache: Map<string, Vars | undefined>, problems: string[]): Vars | undefined {
  const root = siteRootOf(file);
  if (root === undefined) return undefined;
  if (cache.has(root)) return cache.get(root);
  const candidate = defaultVarsFile(file);
  const result = candidate ? readVars(candidate) : undefined;
  if (result && !result.ok) problems.push(result.message);
  const vars = result?.ok ? result.vars : undefined;
  cache.set(root, vars);
  return vars;
}
