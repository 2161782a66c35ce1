// For a run's failure report: which blocks of translated pages have an expected output that differs from their
// reference page's (drift already knows), so a failure on such a block says where the reference stands. Pure.
import type { Page } from '../page/types.js';
import type { Alignment } from './align.js';
import { compareBlocks, DRIFT_KINDS } from './drift.js';

/** Where a block's expected output differs from its reference block's, or (`same`) that it does not. */
export interface OutputDrift {
  kind: 'output' | 'translated' | 'same';
  /** The reference page's file and the line of its first differing output line (for `same`: of its block's opener). */
  reference: string;
  referenceLine: number;
}

/**
 * The output drift of every block of the pages (and of the boilerplates they include) that have a reference page,
 * by `file:line` of the block's opener.
 */
export function outputDrift(pages: Page[], referenceOf: (page: Page) => { page: Page; alignment: Alignment } | undefined): Map<string, OutputDrift> {
  const found = new Map<string, OutputDrift>();
  const seen = new Set<Page>();
  const visit = (page: Page) => {
    if (seen.has(page)) return;
    seen.add(page);
    for (const include of page.includes) if (include.page) visit(include.page);
    const pair = referenceOf(page);
    if (!pair) return;
    page.blocks.forEach((block, i) => {
      const r = pair.alignment.referenceIndex[i];
      if (r === undefined || r < 0) return;
      const theirs = pair.page.blocks[r];
      const findings = compareBlocks(block, theirs);
      // Only benign findings (the same, or translated comments): the reference page expects the same output.
      if (findings.every((f) => DRIFT_KINDS[f.kind].benign)) found.set(`${block.file}:${block.line}`, { kind: 'same', reference: pair.page.file, referenceLine: theirs.line });
      for (const finding of findings) {
        if (finding.kind !== 'output' && finding.kind !== 'translated') continue;
        const referenceLine = finding.changes.find((c) => c.referenceLine !== undefined)?.referenceLine ?? theirs.line;
        found.set(`${block.file}:${block.line}`, { kind: finding.kind, reference: pair.page.file, referenceLine });
        break;
      }
    });
  };
  for (const page of pages) visit(page);
  return found;
}
