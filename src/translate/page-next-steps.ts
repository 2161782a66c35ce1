// A page's findings with their next steps, and those steps in one line: read from a page's drift (drift.ts), worded
// by next-step.ts, which knows nothing of pages (so neither imports the other).
import type { PageDrift } from './drift.js';
import { nextSteps, type Fix } from './next-step.js';

/** Every finding of a page with its next step: the test flag, the boilerplates, then the blocks. */
export function pageFixes(page: PageDrift): Fix[] {
  const fixes: Fix[] = [];
  if (page.test.fix) fixes.push(page.test.fix);
  for (const include of page.includes) if (include.fix) fixes.push(include.fix);
  for (const block of page.blocks) if (block.fix && block.kind !== 'same') fixes.push(block.fix);
  return fixes;
}

/** A page's next steps in one line ("run `istio-doctest sync FILE` to fix 3 of these; translate 2 by hand"). */
export function pageNextSteps(page: PageDrift): string | undefined {
  return nextSteps(page.file, pageFixes(page));
}
