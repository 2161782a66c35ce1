// Why a page's block does not run, with the page's doctest.yaml counted in (its `skip:` and `run: true`), for drift:
// a translation that skips a block its reference runs would pass without it.
import type { Block, Page } from '../page/types.js';
import { blockSkip, type BlockSkip } from './skip-reason.js';
import { findSpecFile, readSpec, type Spec } from './spec.js';

// A function telling why a block does not run, reading each doctest.yaml once (an unreadable or invalid one counts
// as none here: `check` reports it).
export function notRunWithSpecs(reference: string): (page: Page, block: Block) => BlockSkip | undefined {
  const specs = new Map<string, Spec | undefined>();
  const specOf = (page: Page): Spec | undefined => {
    const file = findSpecFile(page.file, reference);
    if (!file) return undefined;
    if (!specs.has(file)) specs.set(file, readSpec(file).spec);
    return specs.get(file);
  };
  return (page, block) => {
    const key = block.id ?? block.placeId;
    return blockSkip(block, key ? specOf(page)?.blocks?.[key] : undefined);
  };
}
