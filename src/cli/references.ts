// Reference pages of translations: the same path under `content/<reference>/`, loaded beside the pages, aligned with
// them, and their block ids given to the translation (so one `doctest.yaml` and one snippet naming serve every language).
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { contentRoot } from '../page/load.js';
import type { Page } from '../page/types.js';
import { alignBlocks, alignedIds, type Alignment } from '../steps/align.js';

/** A translation's reference page and how their blocks correspond. */
export interface ReferencePair {
  page: Page;
  alignment: Alignment;
}

/** The reference of every translation loaded (boilerplates included), by page object. */
export interface References {
  /** The reference language, or undefined when ids are left as each page gives them. */
  reference?: string;
  of(page: Page): ReferencePair | undefined;
}

// The file of the same page in the reference language (relative, as pages named on the command line are shown),
// when the page is under `content/<lang>/` and that file exists.
export function referenceFile(file: string, lang: string, reference: string): string | undefined {
  if (lang === reference) return undefined;
  const root = contentRoot(file);
  if (!root) return undefined;
  const parts = relative(root, resolve(file)).split(sep);
  if (parts[0] !== lang || parts.length < 2) return undefined;
  const candidate = join(root, reference, ...parts.slice(1));
  if (!existsSync(candidate)) return undefined;
  return relative(process.cwd(), candidate) || candidate;
}

// Aligns every translation among the pages (and the boilerplates they include) with its reference page and gives
// its blocks the reference ids, keeping each block's own id in `localId`.
export function attachReferences(pages: Page[], reference: string | undefined, load: (file: string, page: Page) => Page): References {
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
    try {
      referencePage = load(file, page);
    } catch {
      return; // The parser is built never to throw; a reference it cannot read leaves the page's own ids.
    }
    if (!referencePage.isHugo) return;
    const alignment = alignBlocks(page, referencePage);
    const ids = alignedIds(page, referencePage, alignment);
    page.blocks.forEach((block, i) => {
      block.localId = block.id;
      block.id = ids[i];
    });
    pairs.set(page, { page: referencePage, alignment });
  };
  for (const page of pages) visit(page);
  return { reference, of: (page) => pairs.get(page) };
}
