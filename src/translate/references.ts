// Reference pages of translations: the same path under `content/<reference>/`, loaded beside the pages, aligned with
// them, and their block ids given to the translation (so one `doctest.yaml` and one snippet naming serve every language).
import { existsSync } from 'node:fs';
import { inLanguage, sitePathOf } from '../page/site-path.js';
import { diagnostic } from '../page/diagnostics.js';
import type { Page } from '../page/types.js';
import { alignBlocks, alignedIds, type Alignment } from './align.js';

/** A translation's reference page and how their blocks correspond. */
export interface ReferencePair {
  page: Page;
  alignment: Alignment;
}

// The file of the same page in the reference language, spelled like the page's own path (the last `content/<lang>/`
// of it swapped for `content/<reference>/`), when the page is under `content/<lang>/` and that file exists.
function referenceFile(file: string, lang: string, reference: string): string | undefined {
  if (lang === reference || sitePathOf(file)?.lang !== lang) return undefined;
  const candidate = inLanguage(file, reference);
  return candidate && existsSync(candidate) ? candidate : undefined;
}

// Aligns every translation among the pages (and the boilerplates they include) with its reference page and gives
// its blocks the reference ids, keeping each block's own id in `localId`; returns the reference of every translation
// loaded (boilerplates included), by page object.
export function attachReferences(pages: Page[], reference: string | undefined, load: (file: string) => Page): (page: Page) => ReferencePair | undefined {
  const pairs = new Map<Page, ReferencePair>();
  const visited = new Set<Page>();
  const visit = (page: Page) => {
    if (visited.has(page)) return;
    visited.add(page);
    for (const include of page.includes) if (include.page) visit(include.page);
    if (!reference || !page.isHugo) return;
    const file = referenceFile(page.file, page.lang, reference);
    if (!file) return;
    let referencePage: Page;
    let alignment: Alignment;
    let ids: (string | undefined)[];
    try {
      referencePage = load(file);
      if (!referencePage.isHugo) return;
      alignment = alignBlocks(page, referencePage);
      ids = alignedIds(page, referencePage, alignment);
    } catch (error) {
      // Built never to throw; if it does, the page keeps its own ids and says so, as loadPages does for a page.
      const message = `istio-doctest could not align this page with ${file} (${(error as Error).message}); its blocks keep their own ids; please report it`;
      page.diagnostics.push(diagnostic({ file: page.file, line: 1, ruleId: 'internal-error', message }));
      return;
    }
    page.blocks.forEach((block, i) => {
      block.localId = block.id;
      block.id = ids[i];
    });
    pairs.set(page, { page: referencePage, alignment });
  };
  for (const page of pages) visit(page);
  return (page) => pairs.get(page);
}
