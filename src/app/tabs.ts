// The chosen tabs (`--tab CATEGORY=VALUE`) checked against the tabsets of the pages a run takes: a typo is an error listing what exists.
import type { Page } from '../page/types.js';

/** Why the chosen tabs do not fit the pages (an unknown category or value, with the valid ones), or undefined. */
export function tabProblem(chosen: Record<string, string>, pages: Page[]): { subject: string; message: string } | undefined {
  const values = tabValues(pages);
  for (const [category, value] of Object.entries(chosen)) {
    const known = values.get(category);
    if (!known) {
      const categories = [...values.keys()].filter(Boolean).sort();
      return { subject: `${category}=${value}`, message: `no tabset of category '${category}' in these pages (${categories.length > 0 ? `categories: ${categories.join(', ')}` : 'they have no tabset with a category'})` };
    }
    if (!known.has(value)) return { subject: `${category}=${value}`, message: `no tab '${value}' in category ${category} (values: ${[...known].sort().join(', ')})` };
  }
  return undefined;
}

// The tab values of every tabset category in the pages and the boilerplates they include.
function tabValues(pages: Page[]): Map<string, Set<string>> {
  const values = new Map<string, Set<string>>();
  const seen = new Set<Page>();
  const visit = (page: Page) => {
    if (seen.has(page)) return;
    seen.add(page);
    for (const block of page.blocks) {
      if (!block.tab) continue;
      const set = values.get(block.tab.category) ?? new Set<string>();
      set.add(block.tab.value);
      values.set(block.tab.category, set);
    }
    for (const include of page.includes) if (include.page) visit(include.page);
  };
  pages.forEach(visit);
  return values;
}
